/**
 * A repository's versions from both places they are recorded: its git tags and the releases
 * data's deliverable files. Findings say which one they rest on.
 */
import type {
  DataRef,
  DeliverableFile,
  ReleasesFacts,
  RepositoryFacts,
  Series,
} from '../evidence/types';
import type { EvidenceRecord } from '../findings/finding';
import { BRANCH_CUT_DAYS, daysBefore } from './branches';
import { refText, refValue } from './evidence';
import type { ClassifiedVersion } from './versions';
import { classifyVersion, compareVersions } from './versions';

export type VersionOrigin = 'git-tag' | 'releases-data';

export interface VersionRecord {
  version: ClassifiedVersion;
  origin: VersionOrigin;
  /** Tag date (git tags only; the releases data records no dates). */
  date: string | null;
  /** The deliverable file's series (releases data only). */
  series: string | null;
  ref: DataRef | null;
}

/** The deliverable's release-type: the newest file that states one. */
export function releaseTypeOf(releases: ReleasesFacts | undefined): string | null {
  const files = releases?.files ?? [];
  for (let i = files.length - 1; i >= 0; i -= 1) {
    const type = files[i]?.releaseType;
    if (type) return type;
  }
  return null;
}

function fileRecords(file: DeliverableFile): VersionRecord[] {
  return file.releases.map((release) => ({
    version: classifyVersion(release.version, { releaseType: file.releaseType }),
    origin: 'releases-data' as const,
    date: null,
    series: file.series,
    ref: release.ref,
  }));
}

/**
 * The series of a deliverable file when it was first released after the date and the releases
 * data is newer than the date ('latest'): its releases may postdate the date. Null otherwise
 * (data as of the date, a series already released, `_independent`, or no initial-release date).
 */
function seriesReleasedAfter(
  file: DeliverableFile,
  releases: ReleasesFacts,
  asOf: string,
): Series | null {
  if (releases.seriesAsOf !== 'latest') return null;
  const series = releases.series.find((s) => s.name === file.series);
  if (!series?.initialRelease || series.initialRelease <= asOf) return null;
  return series;
}

/**
 * Whether a series could have been under development on the date: from the cut of its
 * predecessor's stable branch (some weeks before the predecessor's release), when master opens
 * for it. Unknown (no predecessor or no date) counts as possible.
 */
function underDevelopmentOn(series: Series, all: readonly Series[], asOf: string): boolean {
  const predecessor = all[all.indexOf(series) + 1];
  if (!predecessor?.initialRelease) return true;
  return daysBefore(predecessor.initialRelease, BRANCH_CUT_DAYS) <= asOf;
}

function fromReleasesData(releases: ReleasesFacts, asOf: string): VersionRecord[] {
  return releases.files
    .filter((file) => seriesReleasedAfter(file, releases, asOf) === null)
    .flatMap(fileRecords);
}

/** A version the releases data records for a series not yet released on the date. */
export interface LaterSeriesVersion {
  record: VersionRecord;
  series: Series;
  /**
   * The series was (or may have been) under development on the date, so the release may have
   * existed by then: the releases data records no dates, only a dated git tag can tell. False
   * when the series' development had not even begun.
   */
  possible: boolean;
}

/**
 * Versions `collectVersions` leaves out: with releases data newer than the date ('latest'), those
 * of deliverable files whose series was first released after the date.
 */
export function laterSeriesVersions(
  releases: ReleasesFacts | undefined,
  asOf: string,
): LaterSeriesVersion[] {
  if (!releases) return [];
  return releases.files.flatMap((file) => {
    const series = seriesReleasedAfter(file, releases, asOf);
    if (!series) return [];
    const possible = underDevelopmentOn(series, releases.series, asOf);
    return fileRecords(file).map((record) => ({ record, series, possible }));
  });
}

/** `7.1.0 (hibiscus, released 2026-09-30)`, for messages about a later series' version. */
export function laterVersionText(later: LaterSeriesVersion): string {
  return `${later.record.version.text} (${later.series.name}, released ${later.series.initialRelease ?? 'undated'})`;
}

function fromTags(
  repository: RepositoryFacts,
  releaseType: string | null,
  asOf: string,
): VersionRecord[] {
  // The source already drops later tags; filtering again keeps the rule right on its own.
  return repository.tags
    .filter((tag) => tag.date.slice(0, 10) <= asOf)
    .map((tag) => ({
      version: classifyVersion(tag.name, { releaseType }),
      origin: 'git-tag' as const,
      date: tag.date,
      series: null,
      ref: null,
    }));
}

/**
 * Every version of the repository known from the evidence at hand, as of the date: git tags dated
 * on or before it, and the deliverable files' releases — except, when the releases data is newer
 * than the date ('latest'), those of series first released after it (see `laterSeriesVersions`).
 */
export function collectVersions(
  releases: ReleasesFacts | undefined,
  repository: RepositoryFacts | undefined,
  asOf: string,
): VersionRecord[] {
  const releaseType = releaseTypeOf(releases);
  return [
    ...(repository ? fromTags(repository, releaseType, asOf) : []),
    ...(releases ? fromReleasesData(releases, asOf) : []),
  ];
}

/** The highest final among the records, preferring the git tag when both record it. */
export function latestFinal(records: readonly VersionRecord[]): VersionRecord | null {
  let best: VersionRecord | null = null;
  for (const record of records) {
    if (record.version.kind !== 'final') continue;
    if (best === null || compareVersions(record.version.text, best.version.text) > 0) {
      best = record;
    }
  }
  return best;
}

export function versionValue(record: VersionRecord): EvidenceRecord {
  const value: EvidenceRecord = {
    version: record.version.text,
    kind: record.version.kind,
    origin: record.origin,
  };
  if (record.date !== null) value.date = record.date;
  if (record.series !== null) value.series = record.series;
  if (record.ref !== null) value.ref = refValue(record.ref);
  return value;
}

/** `5.8.0 (git tag, 2025-10-01)` / `5.8.0 (releases data, deliverables/x/y.yaml:12)`. */
export function versionText(record: VersionRecord): string {
  if (record.origin === 'git-tag') {
    return `${record.version.text} (git tag, ${record.date?.slice(0, 10) ?? 'undated'})`;
  }
  const where = record.ref ? `, ${refText(record.ref)}` : '';
  return `${record.version.text} (releases data${where})`;
}
