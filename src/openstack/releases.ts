/**
 * A repository's versions from both places they are recorded: its git tags and the releases
 * data's deliverable files. Findings say which one they rest on.
 */
import type { DataRef, ReleasesFacts, RepositoryFacts } from '../evidence/types';
import type { EvidenceRecord } from '../report/finding';
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

function fromReleasesData(releases: ReleasesFacts): VersionRecord[] {
  return releases.files.flatMap((file) =>
    file.releases.map((release) => ({
      version: classifyVersion(release.version, { releaseType: file.releaseType }),
      origin: 'releases-data' as const,
      date: null,
      series: file.series,
      ref: release.ref,
    })),
  );
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

/** Every version of the repository known from the evidence at hand. */
export function collectVersions(
  releases: ReleasesFacts | undefined,
  repository: RepositoryFacts | undefined,
  asOf: string,
): VersionRecord[] {
  const releaseType = releaseTypeOf(releases);
  return [
    ...(repository ? fromTags(repository, releaseType, asOf) : []),
    ...(releases ? fromReleasesData(releases) : []),
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
