/** What versioned-releases findings rest on: the sources read and what they held. */
import type { GovernanceDeliverable, ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import { citeData, citeTag } from '../../openstack/cite';
import { refValue } from '../../openstack/evidence';
import type { LaterSeriesVersion, VersionRecord } from '../../openstack/releases';
import { versionValue } from '../../openstack/releases';
import type { Citation, EvidenceRecord } from '../../findings/finding';

export function sourcesValue(
  owner: GovernanceDeliverable | null,
  releases: ReleasesFacts | undefined,
  missingRepository: string | undefined,
): EvidenceRecord {
  return {
    governance: owner
      ? {
          deliverable: owner.name,
          releaseManagement: owner.releaseManagement,
          ref: refValue(owner.ref),
        }
      : null,
    releasesFiles: (releases?.files ?? []).map((f) => refValue(f.ref)),
    releaseModels: [...new Set((releases?.files ?? []).map((f) => f.releaseModel ?? 'none'))],
    gitTags: missingRepository ? `not examined: ${missingRepository}` : 'examined',
  };
}

export function laterValue(later: readonly LaterSeriesVersion[]): EvidenceRecord[] {
  return later.slice(0, 20).map((l) => ({
    ...versionValue(l.record),
    seriesInitialRelease: l.series.initialRelease,
    possiblyByTheDate: l.possible,
  }));
}

/** One version as a citation: its tag (with commit) or its line in the releases data. */
export function citeVersion(
  record: VersionRecord,
  repository: string,
  facts: RepositoryFacts | undefined,
): Citation {
  const kind = record.version.kind === 'final' ? '' : ` (${record.version.kind})`;
  if (record.origin === 'git-tag') {
    const tag = facts?.tags.find((t) => t.name === record.version.text);
    if (tag)
      return {
        ...citeTag(repository, tag),
        text: `tag ${tag.name}${kind}, ${tag.date.slice(0, 10)}`,
      };
    return { source: 'repository', repository, text: `tag ${record.version.text}${kind}` };
  }
  const text = `release ${record.version.text}${kind}${record.series ? ` (${record.series})` : ''}`;
  return record.ref ? citeData(record.ref, text) : { source: 'releases', text };
}

/** At most `limit` versions, newest first as given: a finding cites what it names. */
export function citeVersions(
  records: readonly VersionRecord[],
  repository: string,
  facts: RepositoryFacts | undefined,
  limit = 3,
): Citation[] {
  return records.slice(0, limit).map((record) => citeVersion(record, repository, facts));
}
