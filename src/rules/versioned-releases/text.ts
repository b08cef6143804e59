/** The sentences versioned-releases builds from lists of versions and sources. */
import { compareText } from '../../util/compare';
import type { ReleasesFacts } from '../../evidence/types';
import { refText, sample } from '../../openstack/evidence';
import type { LaterSeriesVersion, VersionOrigin, VersionRecord } from '../../openstack/releases';
import { laterVersionText } from '../../openstack/releases';
import type { VersionKind } from '../../openstack/versions';

const KIND_LABEL: Record<VersionKind, string> = {
  final: 'final releases',
  'pre-release': 'pre-releases (alpha, beta/milestone, release candidate)',
  'legacy-pre-release': 'old-style pre-releases',
  'legacy-final': 'old-style versions',
  dev: 'dev versions',
  special: 'eol/eom/em/last tags',
  unknown: 'other tags',
};

export function origins(records: readonly VersionRecord[]): VersionOrigin[] {
  return [...new Set(records.map((r) => r.origin))].sort(compareText);
}

/** `git tags`, `releases data`, or `git tags and releases data`. */
export function restsOn(records: readonly VersionRecord[]): string {
  return origins(records)
    .map((o) => (o === 'git-tag' ? 'git tags' : 'releases data'))
    .join(' and ');
}

/** Where nothing was found: `its git tags or the deliverable files (…)`. */
function searchedText(releases: ReleasesFacts, repositoryRead: boolean): string {
  const files = releases.files.map((f) => refText(f.ref));
  const inFiles = `the deliverable files (${sample(files)})`;
  if (!repositoryRead) return inFiles;
  return files.length > 0
    ? `its git tags or ${inFiles}`
    : 'its git tags (no deliverable file names the repository)';
}

/** `pre-releases (…): 13.0.0.0rc1, 13.0.0.0b1; eol/eom/em/last tags: 2023.1-eom`. */
function byKindText(records: readonly VersionRecord[]): string {
  const byKind = new Map<VersionKind, string[]>();
  for (const r of records) {
    const list = byKind.get(r.version.kind) ?? [];
    if (!list.includes(r.version.text)) list.push(r.version.text);
    byKind.set(r.version.kind, list);
  }
  return [...byKind.entries()].map(([kind, v]) => `${KIND_LABEL[kind]}: ${sample(v)}`).join('; ');
}

/** What was found where, when no final was: one sentence. */
export function foundText(
  records: readonly VersionRecord[],
  releases: ReleasesFacts,
  repositoryRead: boolean,
): string {
  return records.length > 0
    ? `Found only ${byKindText(records)} in ${restsOn(records)}.`
    : `Found no version in ${searchedText(releases, repositoryRead)}.`;
}

/** ` Releases data newer than the date also records 5.13.0 (hibiscus, …): not counted.` */
export function laterText(later: readonly LaterSeriesVersion[]): string {
  const finals = later.filter((l) => l.record.version.kind === 'final');
  if (finals.length === 0) return '';
  return (
    ` Releases data newer than the date also records ${sample(finals.map(laterVersionText))}, ` +
    'of series released after the date: not counted.'
  );
}

/** ` Git tags were not examined (…).`, or nothing when they were. */
export function notExaminedText(missing: string | undefined): string {
  return missing ? ` Git tags were not examined (${missing}).` : '';
}

/** Why the releases data alone cannot settle it: no deliverable file, no repository. */
export function noSourceReason(repository: string, missing: string | undefined): string {
  return (
    `no deliverable file in the releases data names ${repository}, and there is no ` +
    `repository to read its tags from (${missing ?? 'not provided'}), so whether ` +
    'it has an official release cannot be established'
  );
}

/** Why a final of a cycle under way on the date cannot be placed before or after it. */
export function cycleUnderWayReason(
  asOf: string,
  possible: readonly LaterSeriesVersion[],
  missing: string | undefined,
): string {
  return (
    `the releases data is newer than ${asOf} and records ` +
    `${sample(possible.map(laterVersionText))}, of a series under development on that date, ` +
    "without release dates; only the repository's dated tags can tell whether it was " +
    `released by then, and the repository is not available (${missing ?? 'not provided'})`
  );
}
