import type { ListProblem, OversightList } from '../../list/model';
import { defineListRule } from '../define';
import { issueReport, originOf, withOrigins, type ListIssue } from '../list-problems';

/** The reader's diagnostics are facts with their own text; this rule decides what they weigh. */
const messages = withOrigins({ diagnostic: '{{diagnostic}}' });

const MESSAGE_OF = {
  new: 'diagnostic',
  preexisting: 'diagnosticPreexisting',
  carried: 'diagnosticCarried',
} as const;

export const rule = defineListRule({
  scope: 'list',
  meta: {
    id: 'list-schema',
    clause: '—',
    title: 'The list parses, follows its schema, and names repositories safely.',
    defaultSeverity: 'error',
    canBlock: true,
    needs: [],
    wants: [],
    messages,
  },
  check({ proposal, report }) {
    const baseKeys = new Set(issues(proposal.baseList).map((issue) => issue.key));
    for (const issue of issues(proposal.headList)) {
      const origin = originOf(proposal, baseKeys, issue, issue.severity === 'error');
      report({ ...issueReport(issue, origin), messageId: MESSAGE_OF[origin] });
    }
  },
});

function issues(list: OversightList | null): ListIssue<'diagnostic'>[] {
  return (list?.problems ?? []).map(toIssue);
}

function toIssue(problem: ListProblem): ListIssue<'diagnostic'> {
  return {
    key: problem.key,
    messageId: 'diagnostic',
    data: { diagnostic: problem.message },
    severity: problem.severity,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.column !== undefined ? { column: problem.column } : {}),
    ...(problem.repository !== undefined ? { repository: problem.repository } : {}),
  };
}
