import type { ChangeFacts, GerritAccount } from '../evidence/types';
import { visible } from '../report/visible';
import { GerritError } from './errors';
import type { AccountInfo, ChangeInfo, RevisionInfo } from './types';
import type { GerritSite } from './url';
import { compareText } from '../util/compare';

/** The current revision of a change read with CURRENT_REVISION. */
export function currentRevision(change: ChangeInfo): { sha: string; revision: RevisionInfo } {
  const sha = change.current_revision;
  // Own keys only: a `current_revision` of "constructor" must not find Object's.
  const revisions = change.revisions ?? {};
  const revision = sha !== undefined && Object.hasOwn(revisions, sha) ? revisions[sha] : undefined;
  if (sha === undefined || revision === undefined) {
    throw new GerritError(
      'protocol',
      `Gerrit's reply for change ${change._number} has no current revision`,
    );
  }
  return { sha, revision };
}

/** The files the current revision touches, magic paths (`/COMMIT_MSG`) left out. */
export function changedFiles(change: ChangeInfo): string[] {
  const { revision } = currentRevision(change);
  return Object.keys(revision.files ?? {})
    .filter((path) => !path.startsWith('/'))
    .sort(compareText);
}

/** The change's URL in Gerrit's web UI; the server's project name cannot drive a terminal. */
function changeUrl(site: GerritSite, change: ChangeInfo): string {
  return visible(`${site.base}/c/${change.project}/+/${change._number}`);
}

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
