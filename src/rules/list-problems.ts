import type { ListProblem, ListProblemRule } from '../list/model';
import { isUnreadable, sameContent } from '../list/readable';
import type { ListRuleContext, RuleResult } from './types';

/**
 * Turns the problems the parser found into results. A problem already present at base (same key)
 * was not introduced by this change, so it is reported as a warning at most — except what makes
 * the head list unreadable: when the change edited the list's bytes, the change carries that
 * problem and it blocks, so an unreadable list never passes through a change as a mere warning.
 */
export function listProblemResults(rule: ListProblemRule, context: ListRuleContext): RuleResult[] {
  const { proposal } = context;
  const { baseList, headList } = proposal;
  const atBase = new Set(
    (baseList?.problems ?? []).filter((p) => p.rule === rule).map((p) => p.key),
  );
  const editedUnreadable = isUnreadable(headList) && !sameContent(baseList, headList);
  return headList.problems
    .filter((problem) => problem.rule === rule)
    .map((problem) => {
      if (!atBase.has(problem.key)) return toResult(problem, 'new');
      return toResult(problem, editedUnreadable && isFatal(problem) ? 'carried' : 'preexisting');
    });
}

/** A problem that, with no entries read, is why the list could not be read. */
function isFatal(problem: ListProblem): boolean {
  return problem.rule === 'list-schema' && problem.severity === 'error';
}

/**
 * `new`: introduced by the change. `preexisting`: present at base, not the change's doing.
 * `carried`: present at base too, but the change edits a list that still cannot be read.
 */
type Origin = 'new' | 'preexisting' | 'carried';

const NOTES: Record<Origin, string> = {
  new: '',
  preexisting: ' (already present before this change, so it does not block)',
  carried:
    ' (already present before this change, but this change edits the list and leaves it ' +
    'unreadable: a change to the list must make it readable)',
};

function toResult(problem: ListProblem, origin: Origin): RuleResult {
  const preexisting = origin === 'preexisting';
  return {
    severity: preexisting ? 'warning' : problem.severity,
    message: `${problem.message}${NOTES[origin]}`,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.repository !== undefined ? { repository: problem.repository } : {}),
    evidence: {
      problem: problem.key,
      introducedByChange: !preexisting,
      ...(origin === 'carried' ? { unreadableListEdited: true } : {}),
      ...(problem.column !== undefined ? { column: problem.column } : {}),
    },
  };
}
