/** What versioned-releases findings rest on: the sources read and what they held. */
import type { GovernanceDeliverable, ReleasesFacts } from '../../evidence/types';
import { refValue } from '../../openstack/evidence';
import type { LaterSeriesVersion } from '../../openstack/releases';
import { versionValue } from '../../openstack/releases';
import type { EvidenceRecord } from '../../findings/finding';

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
