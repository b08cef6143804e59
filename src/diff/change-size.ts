import { LIST_LIMITS } from '../list/limits';
import { isSafeRepositoryName } from '../list/names';
import { compareText } from '../util/compare';

/** Longer lines name no entry in any format: they are not looked at. */
const MAX_LINE = 1024;

/**
 * The repositories a change looks to add or remove, from the list's bytes at both revisions
 * before either is parsed: the first `namespace/name` on each line that one text has more often
 * than the other, each once if the list would take it as a name, sorted as the engine judges them. Only a guess, for a run to get
 * ready (an entry's other lines, or a change that only edits fields, are not seen); what is
 * judged comes from the parsed lists. Linear in the texts, which are the proposal's: none for a
 * text over the list's size limit, which is refused unparsed.
 */
export function namesOnChangedLines(base: Buffer, head: Buffer): string[] {
  if (base.length > LIST_LIMITS.maxBytes || head.length > LIST_LIMITS.maxBytes) return [];
  const counts = new Map<string, number>();
  for (const line of namedLines(base)) counts.set(line, (counts.get(line) ?? 0) + 1);
  const changed: string[] = [];
  for (const line of namedLines(head)) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else changed.push(line);
  }
  for (const [line, left] of counts) if (left > 0) changed.push(line);
  const names = new Set(changed.map((line) => firstName(line)).filter(isSafeRepositoryName));
  return [...names].sort(compareText);
}

function namedLines(text: Buffer): string[] {
  return text
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length <= MAX_LINE && firstName(line) !== null);
}

/** A-Z a-z 0-9 . _ - */
function isNameCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 95 ||
    code === 45
  );
}

/** The first `a/b` of name characters on the line, scanned once (no backtracking). */
function firstName(line: string): string | null {
  let start = 0; // where the current run of name characters began
  let slash = -1; // a slash right after a run, while the run after it is read
  for (let i = 0; i <= line.length; i += 1) {
    const code = i < line.length ? line.charCodeAt(i) : 32;
    if (isNameCode(code)) continue;
    if (slash >= 0 && i > slash + 1) return line.slice(start, i);
    if (code === 47 && slash < 0 && i > start) slash = i;
    else {
      slash = -1;
      start = i + 1;
    }
  }
  return null;
}
