/**
 * What removal findings rest on: each stable branch with its series and the date it leaves
 * maintenance (series_status.yaml), the repository's own end-of-maintenance tag, the declared
 * `removal.effective` and the latest release; or the branches read and found without a stable one.
 */
import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import type { BranchState } from '../../openstack/branches';
import { leavesOn } from '../../openstack/branches';
import { citeData, citeRepositoryFile, citeTag } from '../../openstack/cite';
import { sample } from '../../openstack/evidence';
import type { VersionRecord } from '../../openstack/releases';
import { citeVersion } from '../versioned-releases/cite';

/** How many branches one finding cites, at most (two or three facts each). */
const MAX_BRANCHES = 6;

/** `branch stable/2025.1 (epoxy): maintained until 2026-10-02, then unmaintained`. */
function branchStateText(state: BranchState): string {
  const { series, status, basis } = state.series;
  const inferred = basis === 'inferred' ? ' (inferred)' : '';
  const leaves = leavesOn(state);
  const until = leaves ? ` until ${leaves.date}, then ${leaves.status}` : '';
  return `branch ${state.branch} (${series.name}): ${status}${inferred}${until}`;
}

/** The branch and its series' status, its end-of-maintenance tag, and tags that do not count. */
export function citeBranch(
  state: BranchState,
  repositoryName: string,
  repository: RepositoryFacts | undefined,
): Citation[] {
  const citations = [citeData(state.series.series.ref, branchStateText(state))];
  const { transition } = state;
  if (transition) {
    const tag = repository?.tags.find((t) => t.name === transition.tag);
    if (tag && transition.origin === 'git-tag') {
      const text = `${tagText(tag.name, tag.date)}, ends its coverage`;
      citations.push({ ...citeTag(repositoryName, tag), text });
    } else {
      const text = `tag ${transition.tag} in the releases data${transition.date ? `, ${transition.date.slice(0, 10)}` : ''}`;
      citations.push({ source: 'releases', text });
    }
  }
  for (const ignored of state.ignoredTags) {
    const tag = repository?.tags.find((t) => t.name === ignored.tag);
    const text = `tag ${ignored.tag}, not counted: ${ignored.reason}`;
    citations.push(
      tag
        ? { ...citeTag(repositoryName, tag), text }
        : { source: 'repository', text, repository: repositoryName },
    );
  }
  return citations;
}

function tagText(name: string, date: string): string {
  return `tag ${name}, ${date.slice(0, 10)}`;
}

/** Each branch's citations, for at most MAX_BRANCHES branches. */
export function citeBranches(
  states: readonly BranchState[],
  repositoryName: string,
  repository: RepositoryFacts | undefined,
): Citation[] {
  return states
    .slice(0, MAX_BRANCHES)
    .flatMap((state) => citeBranch(state, repositoryName, repository));
}

/** The branches git had on the date, found without a stable one (the proof cites the rest). */
export function citeNoStableBranch(
  repositoryName: string,
  repository: RepositoryFacts | undefined,
  asOf: string,
): Citation[] {
  if (!repository) return [];
  const text = `branches on ${asOf}: ${sample(repository.branches.map((b) => b.name)) || 'none'}, no stable branch`;
  return [citeRepositoryFile(repositoryName, repository.evaluated.commit, text)];
}

/** The scheduled `removal.effective` is cited by the rule; this is the latest release it meets. */
export function citeLatest(
  latest: VersionRecord | null,
  repositoryName: string,
  repository: RepositoryFacts | undefined,
  releases: ReleasesFacts,
): Citation[] {
  if (latest) {
    const cited = citeVersion(latest, repositoryName, repository);
    return [{ ...cited, text: `latest release: ${cited.text}` }];
  }
  const citations: Citation[] = [];
  if (repository) {
    const text = 'no final release tag';
    citations.push(citeRepositoryFile(repositoryName, repository.evaluated.commit, text));
  }
  const newest = releases.files.at(-1);
  if (newest) citations.push(citeData(newest.ref, 'no final release'));
  return citations;
}
