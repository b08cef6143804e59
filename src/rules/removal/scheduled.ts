/** A scheduled removal (`removal.effective`): a future non-patch release. */
import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import { sample } from '../../openstack/evidence';
import { declaredValue, onField } from '../evidence-values';
import {
  collectVersions,
  laterSeriesVersions,
  laterVersionText,
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

/**
 * Why whether `effective` is still in the future cannot be established, or null: no release is
 * known from anywhere (no deliverable file, no repository), or releases data newer than the date
 * records a release at or after `effective` in a cycle under way on the date, which only the
 * repository's dated tags could place before or after it.
 */
function unknownLatest(
  input: ScheduledInput,
  effective: string,
  noneFound: boolean,
): Pick<RuleResult, 'severity' | 'message' | 'unavailable'> | null {
  const { change, releases, repository } = input;
  const notRead = input.repositoryMissing ?? 'not provided';
  if (noneFound && releases.files.length === 0 && !repository) {
    const reason =
      `no deliverable file in the releases data names ${change.repository}, and there is no ` +
      `repository to read its tags from (${notRead}), so whether ${effective} is a future ` +
      `release cannot be established (${CLAUSE})`;
    return { severity: 'error', message: reason, unavailable: { kind: 'releases', reason } };
  }
  if (repository) return null;
  const reached = laterSeriesVersions(releases, input.asOf).filter(
    (l) =>
      l.possible &&
      l.record.version.kind === 'final' &&
      compareVersions(effective, l.record.version.text) <= 0,
  );
  if (reached.length === 0) return null;
  const reason =
    `the releases data is newer than ${input.asOf} and records ` +
    `${sample(reached.map(laterVersionText))}, of a series under development on that date, ` +
    `without release dates: whether ${effective} was still a future release then cannot be ` +
    `established without the repository's dated tags (${notRead}) (${CLAUSE})`;
  return { severity: 'error', message: reason, unavailable: { kind: 'repository', reason } };
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
  const unknown = unknownLatest(input, effective, latest === null);
  if (unknown) return { ...unknown, ...field, evidence };
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
