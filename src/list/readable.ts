import { createHash } from 'node:crypto';
import type { OversightList } from './model';

/**
 * Whether the list could not be read at all: no entries and a `list-schema` error (bytes that
 * are not UTF-8, a YAML syntax error, a duplicate top-level key, a file that is not a list). Such
 * a list says nothing about which repositories it holds.
 */
export function isUnreadable(list: OversightList): boolean {
  return (
    list.entries.length === 0 &&
    list.problems.some((p) => p.rule === 'list-schema' && p.severity === 'error')
  );
}

/** The identity of a list file's bytes (sha256, hex), to tell whether a change edited them. */
export function contentDigest(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Whether two lists were read from the same bytes. Unknown (a list built without its bytes)
 * counts as different: an unreadable list is never carried through a change on a guess.
 */
export function sameContent(a: OversightList | null, b: OversightList): boolean {
  return a?.digest !== undefined && a.digest === b.digest;
}
