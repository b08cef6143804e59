import type { ChangeFacts, GerritAccount } from '../evidence/types';
import { changeUrl, currentRevision } from '../gerrit/change';
import type { AccountInfo, ChangeInfo } from '../gerrit/types';
import type { GerritSite } from '../gerrit/url';

/** What team-consent judges: who uploaded the change and who voted Code-Review on it. */
export function changeFacts(site: GerritSite, change: ChangeInfo): ChangeFacts {
  const { sha, revision } = currentRevision(change);
  const labels = change.labels ?? {};
  const codeReview = Object.hasOwn(labels, 'Code-Review') ? labels['Code-Review'] : undefined;
  const votes = (codeReview?.all ?? [])
    .filter((a) => a.value !== undefined && a.value !== 0)
    .map((a) => ({ account: account(a), value: a.value as number }))
    .sort((a, b) => a.account.accountId - b.account.accountId);
  return {
    number: change._number,
    project: change.project,
    status: change.status,
    currentRevision: sha,
    owner: account(change.owner),
    uploader: account(revision.uploader ?? change.owner),
    codeReview: votes,
    url: changeUrl(site, change),
  };
}

function account(info: AccountInfo): GerritAccount {
  return {
    accountId: info._account_id,
    ...(info.name !== undefined ? { name: info.name } : {}),
    ...(info.email !== undefined ? { email: info.email } : {}),
    ...(info.username !== undefined ? { username: info.username } : {}),
  };
}
