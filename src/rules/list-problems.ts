import { isUnreadable, sameContent } from '../list/readable';
import type { Proposal, Revision } from '../diff/model';
import type { Citation, EvidenceRecord, Severity } from '../findings/finding';
import { citeList } from '../openstack/cite';

/**
 * `new`: introduced by the change. `preexisting`: present at base, not the change's doing.
 * `carried`: present at base too, but the change edits a list that still cannot be read.
 */
export type Origin = 'new' | 'preexisting' | 'carried';

/** What the list rules say after a problem's own message, by where the problem comes from. */
export const ORIGIN_NOTES = {
  preexisting: ' (already present before this change, so it does not block)',
  carried:
    ' (already present before this change, but this change edits the list and leaves it ' +
    'unreadable: a change to the list must make it readable)',
} as const;

/** A problem of the list file, as a list rule finds it, before its origin is known. */
export interface ListIssue<M extends string> {
  /** Names the same problem across revisions (never a line number). */
  key: string;
  messageId: M;
  data: Record<string, string | number>;
  severity: Severity;
  line?: number;
  column?: number;
  repository?: string;
  /** The facts of the list it rests on (the line read), at head. */
  citations: Citation[];
}

/** A fact of the list file at `line`: what a list rule read there. */
export function citeListLine(file: string, line: number | undefined, text: string): Citation {
  return citeList(file, line ?? null, text);
}

/** The base list, for a problem already present there: `also in repos.yaml at base HEAD~1`. */
function citeBase(file: string, base: Revision): Citation {
  const citation: Citation = { source: 'list', text: `also at base ${base.label}`, file };
  if (base.commit !== null) citation.commit = base.commit;
  return citation;
}

/** Base messages with their `…Preexisting` forms (a problem the change did not introduce). */
export function withPreexisting<M extends string>(
  messages: Record<M, string>,
): Record<M | `${M}Preexisting`, string> {
  const all: Record<string, string> = { ...messages };
  for (const [id, text] of Object.entries<string>(messages)) {
    all[`${id}Preexisting`] = `${text}${ORIGIN_NOTES.preexisting}`;
  }
  return all as Record<M | `${M}Preexisting`, string>;
}

/** Base messages with their `…Preexisting` and `…Carried` forms. */
export function withOrigins<M extends string>(
  messages: Record<M, string>,
): Record<M | `${M}Preexisting` | `${M}Carried`, string> {
  const all: Record<string, string> = { ...withPreexisting(messages) };
  for (const [id, text] of Object.entries<string>(messages)) {
    all[`${id}Carried`] = `${text}${ORIGIN_NOTES.carried}`;
  }
  return all as Record<M | `${M}Preexisting` | `${M}Carried`, string>;
}

/**
 * Where each issue of the head list comes from: one already present at base (same key) was not
 * introduced by this change, so it is at most a warning — except what makes the head list
 * unreadable (`fatal`): when the change edited the list's bytes, the change carries it, and it
 * blocks, so an unreadable list never passes through a change as a mere warning.
 */
export function originOf(
  proposal: Proposal,
  baseKeys: ReadonlySet<string>,
  issue: ListIssue<string>,
  fatal: boolean,
): Origin {
  if (!baseKeys.has(issue.key)) return 'new';
  const { baseList, headList } = proposal;
  const editedUnreadable = isUnreadable(headList) && !sameContent(baseList, headList);
  return editedUnreadable && fatal ? 'carried' : 'preexisting';
}

/**
 * The report of an issue but its message id: severity for its origin, and what it cites (with
 * the base list, for an issue already present there).
 */
export function issueReport(issue: ListIssue<string>, origin: Origin, proposal?: Proposal) {
  const preexisting = origin === 'preexisting';
  const cite: EvidenceRecord = {
    problem: issue.key,
    introducedByChange: !preexisting,
    ...(origin === 'carried' ? { unreadableListEdited: true } : {}),
    ...(issue.column !== undefined ? { column: issue.column } : {}),
  };
  const atBase =
    origin !== 'new' && proposal
      ? [citeBase(proposal.baseList?.path ?? proposal.listPath, proposal.base)]
      : [];
  const citations = [...issue.citations, ...atBase];
  return {
    data: issue.data,
    severity: preexisting ? ('warning' as const) : issue.severity,
    cite,
    citations,
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.repository !== undefined ? { repository: issue.repository } : {}),
  };
}
