/** A `namespace/name` somewhere on a line, as list entries of every format write them. */
const REPOSITORY_NAME = /[A-Za-z0-9_][A-Za-z0-9._-]*\/[A-Za-z0-9_][A-Za-z0-9._-]*/;

/**
 * Roughly how many entries a change adds or removes, from the list's bytes at both revisions
 * before either is parsed: the lines naming a repository that one text has more often than the
 * other. Only a hint of the run's size (an entry's other lines, or a change that only edits
 * fields, are not counted); what is judged comes from the parsed lists.
 */
export function changedNameLines(base: Buffer, head: Buffer): number {
  const counts = new Map<string, number>();
  for (const line of base.toString('utf8').split('\n')) {
    if (REPOSITORY_NAME.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  let changed = 0;
  for (const line of head.toString('utf8').split('\n')) {
    if (!REPOSITORY_NAME.test(line)) continue;
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else changed += 1;
  }
  for (const left of counts.values()) changed += left;
  return changed;
}
