/** What team-consent findings rest on: the Gerrit change, its approvals, and the team asked. */
import type { ChangeFacts, GerritAccount } from '../../evidence/types';
import type { Citation } from '../../findings/finding';

/** How many Code-Review votes a finding cites, at most (each is one fact). */
const MAX_VOTES = 10;

/** `Pat Lead <ptl@example.org>`, or the name or id Gerrit showed without an email. */
export function accountText(account: GerritAccount): string {
  const name = account.name ?? account.username;
  if (account.email !== undefined)
    return name ? `${name} <${account.email}>` : `<${account.email}>`;
  return name ?? `account ${account.accountId}`;
}

function gerrit(facts: ChangeFacts, text: string): Citation {
  return {
    source: 'gerrit',
    text,
    repository: facts.project,
    commit: facts.currentRevision,
    url: facts.url,
  };
}

/**
 * The change with who uploaded (and owns) it, then each Code-Review vote of +1 or more — or the
 * votes read and found without one.
 */
export function citeChange(facts: ChangeFacts): Citation[] {
  const owner =
    facts.owner.accountId === facts.uploader.accountId
      ? ''
      : `, owned by ${accountText(facts.owner)}`;
  const change = gerrit(
    facts,
    `change ${facts.number}, uploaded by ${accountText(facts.uploader)}${owner}`,
  );
  const approvals = facts.codeReview.filter((vote) => vote.value >= 1).slice(0, MAX_VOTES);
  if (approvals.length === 0) {
    return [change, gerrit(facts, `change ${facts.number}, no Code-Review +1 or more`)];
  }
  return [
    change,
    ...approvals.map((vote) =>
      gerrit(facts, `Code-Review +${vote.value} by ${accountText(vote.account)}`),
    ),
  ];
}
