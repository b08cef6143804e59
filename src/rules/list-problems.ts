import type { ListProblem, ListProblemRule } from '../list/model';
import type { ListRuleContext, RuleResult } from './types';

/**
 * Turns the problems the parser found into results. A problem already present at base (same key)
 * was not introduced by this change, so it is reported as a warning at most.
 */
export function listProblemResults(rule: ListProblemRule, context: ListRuleContext): RuleResult[] {
  const { proposal } = context;
  const atBase = new Set(
    (proposal.baseList?.problems ?? []).filter((p) => p.rule === rule).map((p) => p.key),
  );
  return proposal.headList.problems
    .filter((problem) => problem.rule === rule)
    .map((problem) => toResult(problem, atBase.has(problem.key)));
}

function toResult(problem: ListProblem, preexisting: boolean): RuleResult {
  const severity = preexisting ? 'warning' : problem.severity;
  const message = preexisting
    ? `${problem.message} (already present before this change, so it does not block)`
    : problem.message;
  return {
    severity,
    message,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.repository !== undefined ? { repository: problem.repository } : {}),
    evidence: {
      problem: problem.key,
      introducedByChange: !preexisting,
      ...(problem.column !== undefined ? { column: problem.column } : {}),
    },
  };
}
