import type { SecondLists } from '../../diff/model';
import type { Citation } from '../../findings/finding';
import type { ListEntry, OversightList } from '../../list/model';
import { compareRepositoryNames } from '../../list/order';
import { quote } from '../../list/problems';
import { isSafeRepositoryName } from '../../list/names';
import { defineListRule } from '../define';
import {
  citeListLine,
  issueReport,
  originOf,
  withPreexisting,
  type ListIssue,
} from '../list-problems';
import { SCOPE_MESSAGES, scopeReport } from './scope';

const judgedAtBase = withPreexisting({
  duplicate: '{{name}} is listed twice; the first is on line {{firstLine}}. Remove this entry.',
  duplicateInDeliverable:
    '{{name}} is listed twice (again in deliverable {{deliverable}}); the first is on line ' +
    '{{firstLine}}. A repository belongs to one deliverable: remove it from the other.',
  unsorted:
    '{{name}} is out of order: move it before {{before}}. Keep the list sorted by name (case ' +
    'and punctuation aside).',
  wrongLink:
    'The link for {{name}} points at {{target}}, not at the repository it names. Change the ' +
    'target to <{{expected}}>.',
});
/** A second list file exists only at head: it is always the change's own doing. */
const secondListMessages = {
  secondList:
    "This change adds '{{path}}' beside '{{listed}}': the repository now holds two oversight " +
    "lists, and only '{{listed}}' ({{why}}) is judged, so entries in '{{path}}' would escape " +
    'review. Keep one list: remove one of them, or move the list with a rename (git mv).',
  replacingList:
    "This change deletes the oversight list '{{listed}}' and adds '{{path}}': the new file is " +
    "not judged, and every entry of '{{listed}}' is judged as removed. Replace a list by " +
    'renaming it (git mv) so its entries are compared, or judge the new file with --list.',
};
const messages = { ...judgedAtBase, ...secondListMessages, ...SCOPE_MESSAGES };
type Id = 'duplicate' | 'duplicateInDeliverable' | 'unsorted' | 'wrongLink';
type SecondListId = keyof typeof secondListMessages;

/**
 * Judges the facts the list reader and the proposal loader record: repeated entries, an rst link
 * to another repository, a second list file the change adds (errors), and the order (warning).
 */
export const rule = defineListRule({
  scope: 'list',
  meta: {
    id: 'list-consistency',
    clause: '—',
    title: 'No duplicate entries, rst links point at the named repository, entries are sorted.',
    defaultSeverity: 'error',
    canBlock: true,
    needs: [],
    wants: [],
    messages,
  },
  check({ proposal, report }) {
    if (proposal.scopeChange) report(scopeReport(proposal.scopeChange, proposal.listPath));
    const baseKeys = new Set(issuesOf(proposal.baseList).map((issue) => issue.key));
    for (const issue of secondListIssues(proposal.secondLists)) {
      report({ ...issueReport(issue, 'new', proposal), messageId: issue.messageId });
    }
    for (const issue of issuesOf(proposal.headList)) {
      // Not fatal: a consistency problem never makes the list unreadable, so never `carried`.
      const preexisting = originOf(proposal, baseKeys, issue, false) !== 'new';
      const found = issueReport(issue, preexisting ? 'preexisting' : 'new', proposal);
      const messageId = preexisting ? (`${issue.messageId}Preexisting` as const) : issue.messageId;
      report({ ...found, messageId });
    }
  },
});

function issuesOf(list: OversightList | null): ListIssue<Id>[] {
  if (list === null) return [];
  const issues = [...duplicateIssues(list), ...linkIssues(list)];
  const unsorted = list.format === 'governance' ? null : orderIssue(list);
  return (unsorted ? [...issues, unsorted] : issues).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function duplicateIssues(list: OversightList): ListIssue<Id>[] {
  return list.duplicates.map((duplicate): ListIssue<Id> => {
    const { name, line, column, firstLine, deliverable } = duplicate;
    const message: Pick<ListIssue<Id>, 'messageId' | 'data'> = deliverable !== undefined
      ? {
          messageId: 'duplicateInDeliverable',
          data: { name, deliverable: quote(deliverable), firstLine },
        }
      : { messageId: 'duplicate', data: { name, firstLine } };
    const where = deliverable === undefined ? '' : ` in deliverable ${quote(deliverable)}`;
    return {
      key: `duplicate:${name}`,
      ...message,
      severity: 'error',
      line,
      citations: [
        citeListLine(list.path, line, `entry ${name}${where}, listed again`),
        citeListLine(list.path, firstLine, `entry ${name}, first listed`),
      ],
      ...(column !== undefined ? { column } : {}),
      repository: name,
    };
  });
}

function linkIssues(list: OversightList): ListIssue<Id>[] {
  const issues: ListIssue<Id>[] = [];
  for (const entry of list.entries) {
    if (entry.link === undefined || !isSafeRepositoryName(entry.name)) continue;
    const expected = `https://opendev.org/${entry.name}`;
    if ([expected, `${expected}/`, `${expected}.git`].includes(entry.link)) continue;
    issues.push({
      key: `link:${entry.name}`,
      messageId: 'wrongLink',
      data: { name: entry.name, target: quote(entry.link, 200), expected },
      severity: 'error',
      citations: [
        citeListLine(list.path, entry.linkAt?.line ?? entry.location.line, linkText(entry)),
      ],
      ...(entry.linkAt ? { line: entry.linkAt.line } : {}),
      ...(entry.linkAt?.column !== undefined ? { column: entry.linkAt.column } : {}),
      repository: entry.name,
    });
  }
  return issues;
}

/** `link of openstack/nova: <https://…>`, the target cut to a readable length. */
function linkText(entry: ListEntry): string {
  return `link of ${entry.name}: ${quote(entry.link ?? '', 200)}`;
}

/** The first entry out of order, and where it belongs. */
function orderIssue(list: OversightList): ListIssue<Id> | null {
  const { entries } = list;
  for (let i = 1; i < entries.length; i += 1) {
    const previous = entries[i - 1];
    const entry = entries[i];
    if (!previous || !entry || compareRepositoryNames(previous.name, entry.name) <= 0) continue;
    const before = entries.find((other) => compareRepositoryNames(entry.name, other.name) < 0);
    const next = before ?? previous;
    return {
      key: `unsorted:${entry.name}`,
      messageId: 'unsorted',
      data: { name: entry.name, before: next.name },
      severity: 'warning',
      line: entry.location.line,
      citations: [
        citeListLine(list.path, entry.location.line, `entry ${entry.name}`),
        citeListLine(
          list.path,
          next.location.line,
          `entry ${next.name}, sorts after ${entry.name}`,
        ),
      ],
      ...(entry.location.column !== undefined ? { column: entry.location.column } : {}),
      repository: entry.name,
    };
  }
  return null;
}

function secondListIssues(second: SecondLists | undefined): ListIssue<SecondListId>[] {
  if (second === undefined) return [];
  const { listed } = second;
  const why = second.listIsNew ? 'the first of the usual list names' : 'the list at base';
  return second.paths.map((path): ListIssue<SecondListId> => ({
    key: `second-list:${path}`,
    citations: secondListCitations(second, path, why),
    ...(second.listDeleted
      ? { messageId: 'replacingList', data: { path, listed } }
      : { messageId: 'secondList', data: { path, listed, why } }),
    severity: 'error',
  }));
}

/** The file the change adds, and the list it is judged on (or deletes). */
function secondListCitations(second: SecondLists, path: string, why: string): Citation[] {
  const listed = second.listDeleted
    ? `list ${second.listed}, deleted by the change`
    : `list ${second.listed}, judged (${why})`;
  return [
    { source: 'list', text: `file ${path}, added by the change`, file: path },
    { source: 'list', text: listed, file: second.listed },
  ];
}
