import { LIST_LIMITS } from '../list/limits';

/**
 * A `namespace/name` somewhere on a line, as list entries of every format write them: a name
 * character, a slash, a name's first character. No repetition, so a line costs time linear in
 * its length whatever it holds (the texts are the proposal's, untrusted).
 */
const REPOSITORY_NAME = /[A-Za-z0-9._-]\/[A-Za-z0-9_]/;

/** Longer lines name no entry in any format: they are not looked at. */
const MAX_LINE = 1024;

/**
 * Roughly how many entries a change adds or removes, from the list's bytes at both revisions
 * before either is parsed: the lines naming a repository that one text has more often than the
 * other. Only a hint of the run's size (an entry's other lines, or a change that only edits
 * fields, are not counted); what is judged comes from the parsed lists. 0 for a text over the
 * list's size limit, which is refused unparsed.
 */
export function changedNameLines(base: Buffer, head: Buffer): number {
  if (base.length > LIST_LIMITS.maxBytes || head.length > LIST_LIMITS.maxBytes) return 0;
  const counts = new Map<string, number>();
  for (const line of base.toString('utf8').split('\n')) {
    if (namesOne(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  let changed = 0;
  for (const line of head.toString('utf8').split('\n')) {
    if (!namesOne(line)) continue;
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else changed += 1;
  }
  for (const left of counts.values()) changed += left;
  return changed;
}

function namesOne(line: string): boolean {
  return line.length <= MAX_LINE && REPOSITORY_NAME.test(line);
}
