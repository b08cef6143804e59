import type { DeclaredField } from '../list/model';
import type { EvidenceRecord } from '../findings/finding';
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
