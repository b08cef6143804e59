import { visible } from '../util/visible';
import { GerritError } from './errors';
import type { ChangeInfo, RevisionInfo } from './types';
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
export function changeUrl(site: GerritSite, change: ChangeInfo): string {
  return visible(`${site.base}/c/${change.project}/+/${change._number}`);
}
