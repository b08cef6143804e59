/** A scheduled removal (`removal.effective`): a future non-patch release. */
import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import { declaredValue, onField } from '../../openstack/evidence';
import {
  collectVersions,
  latestFinal,
  releaseTypeOf,
  versionText,
  versionValue,
} from '../../openstack/releases';
import { classifyVersion, compareVersions, isNonPatchFinal } from '../../openstack/versions';
import type { RepositoryChange, RuleResult } from '../types';

const CLAUSE = 'policy, Deprecation';

export interface ScheduledInput {
  change: RepositoryChange;
  effective: string;
  releases: ReleasesFacts;
  repository: RepositoryFacts | undefined;
  repositoryMissing: string | undefined;
  asOf: string;
  /** The tail of the info message: which branches stay covered meanwhile. */
  coverage: string;
}

/** A schedule the change introduces is judged strictly; an old one may simply have taken effect. */
function isNewSchedule(change: RepositoryChange): boolean {
  return change.kind === 'added' || change.changedFields.includes('removal');
}

export function checkScheduled(input: ScheduledInput): RuleResult {
  const { change, effective } = input;
  const field = onField(change, 'removal');
  const releaseType = releaseTypeOf(input.releases);
  const version = classifyVersion(effective, { releaseType });
  const records = collectVersions(input.releases, input.repository, input.asOf);
  const latest = latestFinal(records);
  const evidence = {
    ...declaredValue(change, 'removal'),
    effective,
    kind: version.kind,
    latestRelease: latest ? versionValue(latest) : null,
    gitTags: input.repositoryMissing ? `not examined: ${input.repositoryMissing}` : 'examined',
  };
  if (!isNonPatchFinal(effective, { releaseType })) {
    const what =
      version.kind === 'final' ? 'a patch release' : `not a final release (${version.kind})`;
    return {
      severity: 'error',
      ...field,
      message:
        `removal.effective ${effective} is ${what}: oversight may only stop at a future ` +
        `non-patch release X.Y.0, so that fixes to released series stay covered (${CLAUSE}). ` +
        `Set it to the next minor or major release${latest ? ` after ${latest.version.text}` : ''}.`,
      evidence,
    };
  }
  if (latest && compareVersions(effective, latest.version.text) <= 0) {
    if (!isNewSchedule(change)) {
      return {
        severity: 'info',
        ...field,
        message: `The scheduled removal at ${effective} has taken effect (latest release ${versionText(latest)}); ${input.coverage} (${CLAUSE}).`,
        evidence,
      };
    }
    return {
      severity: 'error',
      ...field,
      message:
        `removal.effective ${effective} is not in the future: the repository has already released ` +
        `${versionText(latest)}. Only future non-patch releases may be dropped (${CLAUSE}); ` +
        `set it to a release after ${latest.version.text}.`,
      evidence,
    };
  }
  const note = input.repositoryMissing
    ? ` Git tags were not examined (${input.repositoryMissing}).`
    : '';
  return {
    severity: 'info',
    ...field,
    message: `Removal scheduled at ${effective}, after the latest release ${latest ? versionText(latest) : '(none yet)'}; ${input.coverage} (${CLAUSE}).${note}`,
    evidence,
  };
}
