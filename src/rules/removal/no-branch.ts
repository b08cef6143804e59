/**
 * When no stable branch is found, whether the evidence shows there was none on the date. Today's
 * clone has lost every branch tagged `-eol` since, and the releases data records branches only
 * from newton on, so "none found" is only a pass with a positive reason.
 */
import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import { isReleaseVersion } from '../../openstack/branch-presence';
import { citeData, citeRepositoryFile, citeTag } from '../../openstack/cite';
import { sample } from '../../openstack/evidence';

export interface NoBranchProof {
  text: string;
  citations: Citation[];
}

const CLAUSE = 'policy, Deprecation';

function noReleaseYet(repository: RepositoryFacts, asOf: string): NoBranchProof | null {
  const { name, evaluated } = repository;
  if (repository.notYetCreated) {
    const text = `${name} had no commit on or before ${asOf}`;
    return { text, citations: [citeRepositoryFile(name, evaluated.commit, text)] };
  }
  const released = repository.tags.some(
    (t) => isReleaseVersion(t.name) && t.date.slice(0, 10) <= asOf,
  );
  if (released) return null;
  const text = `${name} had no release on or before ${asOf}, so no series had branched`;
  return {
    text,
    citations: [citeRepositoryFile(name, evaluated.commit, `no release tag by ${asOf}`)],
  };
}

function filesText(releases: ReleasesFacts): string {
  return sample(releases.files.map((f) => f.ref.file));
}

/**
 * Why the repository had no stable branch on the date, or null when nothing shows it: no release
 * yet; an independent deliverable (no series branches); or deliverable files of series whose
 * branches the releases data records, recording none (the pre-newton files, which record no
 * branch, have already given theirs).
 */
export function noBranchProof(
  releases: ReleasesFacts,
  repository: RepositoryFacts,
  asOf: string,
): NoBranchProof | null {
  const none = noReleaseYet(repository, asOf);
  if (none) return none;
  const { files } = releases;
  if (files.length === 0) return null;
  const cite = (text: string) => files.map((f) => citeData(f.ref, `${f.ref.file}: ${text}`));
  if (files.every((f) => f.series === 'independent')) {
    return {
      text: `an independent deliverable (${filesText(releases)}), with no series branches`,
      citations: cite('independent release model'),
    };
  }
  return {
    text:
      `the deliverable files (${filesText(releases)}) record no stable branch of it that ` +
      `existed on ${asOf}, and its clone has none and no eol/eom/em tag for one`,
    citations: cite('no stable branch recorded'),
  };
}

/** Why "none found" cannot be a pass: releases by the date, and nothing that records branches. */
export function unprovenReason(repository: RepositoryFacts, asOf: string): string {
  const releases = repository.tags.filter(
    (t) => isReleaseVersion(t.name) && t.date.slice(0, 10) <= asOf,
  );
  const [first, ...rest] = releases;
  const last = first ? rest.reduce((a, b) => (b.date > a.date ? b : a), first) : null;
  const latest = last ? ` (latest ${citeTag(repository.name, last).text})` : '';
  return (
    `${repository.name} had releases by ${asOf}${latest}, but no deliverable file in the ` +
    `releases data records its series or branches, and its clone has no stable branch of the ` +
    `date and no eol/eom/em tag for one: a stable branch deleted since without such a tag ` +
    `cannot be ruled out, so whether a maintained branch is still covered cannot be ` +
    `established. Pass releases data with its deliverable file (${CLAUSE})`
  );
}
