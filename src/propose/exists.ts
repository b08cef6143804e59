import type { Evidence, GovernanceFacts, ReleasesFacts, RepositoryFacts } from '../evidence/types';

/** Repository reasons that say it was looked for and is not there (locate, the git cache). */
const NOT_FOUND = /\bis not under\b|\bwas not found\b/;

/**
 * Why `repository` exists nowhere the sources looked, or null when any source knows it or could
 * not look: governance lists it in no team's deliverables and not as retired, no deliverable
 * file of the releases data names it, and the repository itself was looked for and not found.
 * Every source must have answered: missing evidence never proves absence.
 */
export function existsNowhere(
  repository: string,
  governance: Evidence<GovernanceFacts>,
  releases: Evidence<ReleasesFacts>,
  candidate: Evidence<RepositoryFacts>,
): string | null {
  if (governance.status !== 'available' || releases.status !== 'available') return null;
  if (governance.value.owner || governance.value.retired) return null;
  const files = [...releases.value.files, ...(releases.value.unlistedSeriesFiles ?? [])];
  if (files.length > 0) return null;
  if (candidate.status !== 'unavailable' || !NOT_FOUND.test(candidate.reason)) return null;
  return (
    `${repository} exists nowhere: no team in governance reference/projects.yaml lists it ` +
    '(nor reference/legacy.yaml as retired), no deliverable file in the releases data names ' +
    `it, and the repository itself is not found (${candidate.reason}). Check the name ` +
    '(namespace/name as on opendev.org, e.g. openstack/sushy); no entry is drafted'
  );
}
