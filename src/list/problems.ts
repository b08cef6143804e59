import { compareText } from '../util/compare';
import { LIST_LIMITS } from './limits';
import type { ListProblem } from './model';

export interface Position {
  line: number;
  column?: number;
}

/** Optional parts of a problem: where it is and which repository it is about. */
export interface ProblemPlace {
  position?: Position | null;
  repository?: string;
}

/** An error of rule `list-schema`: the file, or part of it, cannot be read as a list. */
export function schemaProblem(key: string, message: string, place: ProblemPlace = {}): ListProblem {
  return build('list-schema', 'error', key, message, place);
}

function build(
  rule: ListProblem['rule'],
  severity: ListProblem['severity'],
  key: string,
  message: string,
  { position, repository }: ProblemPlace,
): ListProblem {
  return {
    rule,
    severity,
    key,
    message,
    ...(position ? { line: position.line } : {}),
    ...(position?.column !== undefined ? { column: position.column } : {}),
    ...(repository !== undefined ? { repository } : {}),
  };
}

/** Problems in file order (line, then key), at most `maxProblems` of them plus a summary. */
export function finishProblems(problems: readonly ListProblem[]): ListProblem[] {
  const sorted = [...problems].sort(byPlace);
  const max = LIST_LIMITS.maxProblems;
  if (sorted.length <= max) return sorted;
  const summary = schemaProblem(
    'too-many-problems',
    `More problems in this file are not shown (at least ${sorted.length - max}); ` +
      'fix the ones above and check again.',
  );
  return [...sorted.slice(0, max), summary];
}

function byPlace(a: ListProblem, b: ListProblem): number {
  const line = (a.line ?? 0) - (b.line ?? 0);
  if (line !== 0) return line;
  const column = (a.column ?? 0) - (b.column ?? 0);
  if (column !== 0) return column;
  return compareText(a.key, b.key);
}

/** A value quoted for a message or key: escapes control characters, cut to a readable length. */
export function quote(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}
