import type { ListProblem, OversightList } from '../../list/model';
import { defineListRule } from '../define';
import { citeListLine, issueReport, originOf, withOrigins, type ListIssue } from '../list-problems';

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
      report({ ...issueReport(issue, origin, proposal), messageId: MESSAGE_OF[origin] });
    }
  },
});

function issues(list: OversightList | null): ListIssue<'diagnostic'>[] {
  return (list?.problems ?? []).map((problem) => toIssue(list?.path ?? '', problem));
}

/** Where the reader found the problem: `entry openstack/nova, line 3, column 5`. */
function problemText(file: string, problem: ListProblem): string {
  const what = problem.repository === undefined ? file : `entry ${problem.repository}`;
  const line = problem.line === undefined ? ', as read' : `, line ${problem.line}`;
  const column = problem.column === undefined ? '' : `, column ${problem.column}`;
  return `${what}${line}${column}`;
}

function toIssue(file: string, problem: ListProblem): ListIssue<'diagnostic'> {
  return {
    citations: [citeListLine(file, problem.line, problemText(file, problem))],
    key: problem.key,
    messageId: 'diagnostic',
    data: { diagnostic: problem.message },
    severity: problem.severity,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
    ...(problem.column !== undefined ? { column: problem.column } : {}),
    ...(problem.repository !== undefined ? { repository: problem.repository } : {}),
  };
}
