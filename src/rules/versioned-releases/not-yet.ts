/** A repository that did not exist yet on the date: no commit, so no release, by then. */
import type { GitTag, NotYetCreated, RepositoryFacts } from '../../evidence/types';
import type { Citation, EvidenceRecord } from '../../findings/finding';
import { tagValue } from '../../openstack/evidence';
import { classifyVersion, compareVersions } from '../../openstack/versions';

/** The earliest-dated final-version tag of the clone's later history, or null. */
export function firstFinalTag(later: NotYetCreated, releaseType: string | null): GitTag | null {
  const finals = later.laterTags.filter(
    (tag) => classifyVersion(tag.name, { releaseType }).kind === 'final',
  );
  const byDate = (a: GitTag, b: GitTag) =>
    Date.parse(a.date) - Date.parse(b.date) || compareVersions(a.name, b.name);
  return [...finals].sort(byDate)[0] ?? null;
}

const day = (instant: string) => instant.slice(0, 10);

/** `first commit 2016-05-02, first final release 1.0.0 on 2016-09-01`. */
export function laterHistoryText(later: NotYetCreated, first: GitTag | null): string {
  const commit = `first commit ${day(later.firstCommit.date)}`;
  return first ? `${commit}, first final release ${first.name} on ${day(first.date)}` : commit;
}

export function notYetValue(later: NotYetCreated, first: GitTag | null): EvidenceRecord {
  return {
    notYetCreated: true,
    firstCommit: { ...later.firstCommit },
    firstFinalRelease: first ? tagValue(first) : null,
  };
}

export function notYetCitations(
  repository: RepositoryFacts,
  later: NotYetCreated,
  first: GitTag | null,
): Citation[] {
  const { commit, date } = later.firstCommit;
  const citations: Citation[] = [
    {
      source: 'repository',
      text: `first commit ${commit.slice(0, 10)}, ${day(date)} (no commit of any ref before it)`,
      repository: repository.name,
      commit,
    },
  ];
  if (first) {
    citations.push({
      source: 'repository',
      text: `tag ${first.name}, ${day(first.date)}`,
      repository: repository.name,
      commit: first.commit,
    });
  }
  return citations;
}
