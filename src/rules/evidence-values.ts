import type { DeclaredField } from '../list/model';
import type { Citation, EvidenceRecord } from '../findings/finding';
import { citeList } from '../openstack/cite';
import type { RepositoryChange } from './types';

/** `field` and its line in the list, for a finding about one declared field. */
export function onField(
  change: RepositoryChange,
  field: DeclaredField,
): { field: DeclaredField; line?: number } {
  const line = change.entry.fieldLines[field];
  return line === undefined ? { field } : { field, line };
}

/** The declared-field part of a finding's evidence: where the list says it. */
export function declaredValue(change: RepositoryChange, field: DeclaredField): EvidenceRecord {
  const line = change.entry.fieldLines[field] ?? change.entry.location.line;
  return { file: change.entry.location.file, line, field };
}

/** The entry in the list: `entry openstack/x`, at its line. */
export function citeEntry(change: RepositoryChange, text?: string): Citation {
  const { file, line } = change.entry.location;
  return citeList(file, line, text ?? `entry ${change.repository}`);
}

/** A declared field at its line in the list: `embargo-days: 120`. */
export function citeField(change: RepositoryChange, field: DeclaredField, text: string): Citation {
  const line = change.entry.fieldLines[field] ?? change.entry.location.line;
  return citeList(change.entry.location.file, line, text);
}
