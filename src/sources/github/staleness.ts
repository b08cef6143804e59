import type { GitBranch, GitTag, ReleasesFacts } from '../../evidence/types';

/** The newest release the releases data records for the repository, with its hash. */
export interface RecordedRelease {
  version: string;
  commit: string;
  /** `deliverables/<series>/<name>.yaml`. */
  file: string;
}

export type MirrorVerdict =
  { fresh: true; checkedAgainst: RecordedRelease | null } | { fresh: false; reason: string };

/** The last release with a hash in the newest deliverable file that records one. */
export function newestRecordedRelease(releases: ReleasesFacts): RecordedRelease | null {
  for (const file of [...releases.files].reverse()) {
    const release = [...file.releases].reverse().find((r) => r.commit !== null);
    if (release?.commit)
      return { version: release.version, commit: release.commit, file: file.ref.file };
  }
  return null;
}

/** The mirror's newest commit over every branch it has, or null when it has none. */
export function newestCommit(branches: readonly GitBranch[]): GitBranch | null {
  let newest: GitBranch | null = null;
  for (const branch of branches) {
    if (!newest || Date.parse(branch.date) > Date.parse(newest.date)) newest = branch;
  }
  return newest;
}

/**
 * Whether the mirror shows what the releases data (as of the date) says the repository had:
 * the newest recorded release must be a tag on the mirror at the recorded commit. A missing tag
 * means the mirror lags; a tag at another commit means it is not the same history. Either way
 * nothing it shows can be trusted for the date, and the reason names the mirror's date.
 */
export function judgeMirror(
  mirror: { url: string; tags: readonly GitTag[]; branches: readonly GitBranch[] },
  releases: ReleasesFacts,
): MirrorVerdict {
  const recorded = newestRecordedRelease(releases);
  if (!recorded) return { fresh: true, checkedAgainst: null };
  const tag = mirror.tags.find((t) => t.name === recorded.version);
  if (tag && sameCommit(tag.commit, recorded.commit))
    return { fresh: true, checkedAgainst: recorded };
  const newest = newestCommit(mirror.branches);
  const newestTag = [...mirror.tags].sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
  const state =
    `its newest commit is ${newest ? `${newest.commit.slice(0, 10)} of ${newest.date}` : 'unknown'}` +
    (newestTag ? `, its newest tag ${newestTag.name} of ${newestTag.date}` : ', it has no tag');
  const mismatch = tag
    ? `has tag ${recorded.version} at ${tag.commit.slice(0, 10)}, but ${recorded.file} records it at ${recorded.commit.slice(0, 10)}`
    : `has no tag ${recorded.version}, which ${recorded.file} records at ${recorded.commit.slice(0, 10)}`;
  return {
    fresh: false,
    reason:
      `the GitHub mirror ${mirror.url} is stale: it ${mismatch}; ${state}. ` +
      'Evidence newer than the mirror cannot be shown from it',
  };
}

/** Hashes compared case-blind, an abbreviated recorded hash matching its prefix. */
function sameCommit(actual: string, recorded: string): boolean {
  const a = actual.toLowerCase();
  const r = recorded.toLowerCase();
  return r.length >= 7 && a.startsWith(r);
}
