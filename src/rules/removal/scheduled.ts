/** A scheduled removal (`removal.effective`): a future non-patch release. */
import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import type { RuleOut } from '../define';
import { citeLatest } from './cite';
import { sample } from '../../openstack/evidence';
import { citeField, declaredValue, onField } from '../evidence-values';
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

/** What a scheduled removal can report, by id (the engine appends the clause). */
export const SCHEDULED_MESSAGES = {
  patchRelease:
    'removal.effective {{effective}} is a patch release: oversight may only stop at a future ' +
    'non-patch release X.Y.0, so that fixes to released series stay covered. ' +
    'Set it to {{nextRelease}}.',
  notFinalRelease:
    'removal.effective {{effective}} is not a final release ({{kind}}): oversight may only stop ' +
    'at a future non-patch release X.Y.0, so that fixes to released series stay covered. ' +
    'Set it to {{nextRelease}}.',
  alreadyReleased:
    'removal.effective {{effective}} is not in the future: the repository has already released ' +
    '{{latest}}. Only future non-patch releases may be dropped; set it to a release after ' +
    '{{latestVersion}}.',
  tookEffect:
    'The scheduled removal at {{effective}} has taken effect (latest release {{latest}}); ' +
    '{{coverage}}.',
  scheduled:
    'Removal scheduled at {{effective}}, after the latest release {{latest}}; {{coverage}}.',
  scheduledUntagged:
    'Removal scheduled at {{effective}}, after the latest release {{latest}}; {{coverage}}. ' +
    'Git tags were not examined ({{tagsMissing}}).',
} as const;

export type ScheduledMessageId = keyof typeof SCHEDULED_MESSAGES;

/** Where a scheduled removal's findings go: the rule context's `report` and `unavailable`. */
export type ScheduledReporter = RuleOut<ScheduledMessageId>;

/** Why the evidence cannot settle the question, as `unavailable` takes it. */
type Unavailable = NonNullable<RuleResult['unavailable']>;

export interface ScheduledInput {
  change: RepositoryChange;
  effective: string;
  releases: ReleasesFacts;
  repository: RepositoryFacts | undefined;
  repositoryMissing: string | undefined;
  asOf: string;
  /** The tail of the info message: which branches stay covered meanwhile. */
  coverage: string;
  /** The branches that stay covered meanwhile, as citations. */
  coverageCitations: Citation[];
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
): Unavailable | null {
  const { change, releases, repository } = input;
  const notRead = input.repositoryMissing ?? 'not provided';
  if (noneFound && releases.files.length === 0 && !repository) {
    const reason =
      `no deliverable file in the releases data names ${change.repository}, and there is no ` +
      `repository to read its tags from (${notRead}), so whether ${effective} is a future ` +
      `release cannot be established (${CLAUSE})`;
    return { kind: 'releases', reason };
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
  return { kind: 'repository', reason };
}

export function checkScheduled(input: ScheduledInput, out: ScheduledReporter): void {
  const { change, effective } = input;
  const field = onField(change, 'removal');
  const releaseType = releaseTypeOf(input.releases);
  const version = classifyVersion(effective, { releaseType });
  const records = collectVersions(input.releases, input.repository, input.asOf);
  const latest = latestFinal(records);
  const cite = {
    ...declaredValue(change, 'removal'),
    effective,
    kind: version.kind,
    latestRelease: latest ? versionValue(latest) : null,
    gitTags: input.repositoryMissing ? `not examined: ${input.repositoryMissing}` : 'examined',
  };
  const declared = citeField(change, 'removal', `removal.effective: ${effective}`);
  const against = [
    declared,
    ...citeLatest(latest, change.repository, input.repository, input.releases),
  ];
  const finding = { severity: 'error', ...field, cite, citations: against } as const;
  const withCoverage = [...against, ...input.coverageCitations];
  if (!isNonPatchFinal(effective, { releaseType })) {
    const nextRelease = `the next minor or major release${latest ? ` after ${latest.version.text}` : ''}`;
    out.report(
      version.kind === 'final'
        ? { ...finding, messageId: 'patchRelease', data: { effective, nextRelease } }
        : {
            ...finding,
            messageId: 'notFinalRelease',
            data: { effective, kind: version.kind, nextRelease },
          },
    );
    return;
  }
  if (latest && compareVersions(effective, latest.version.text) <= 0) {
    if (!isNewSchedule(change)) {
      out.report({
        ...finding,
        citations: withCoverage,
        severity: 'info',
        messageId: 'tookEffect',
        data: { effective, latest: versionText(latest), coverage: input.coverage },
      });
      return;
    }
    out.report({
      ...finding,
      messageId: 'alreadyReleased',
      data: { effective, latest: versionText(latest), latestVersion: latest.version.text },
    });
    return;
  }
  const unknown = unknownLatest(input, effective, latest === null);
  if (unknown) {
    out.unavailable(unknown.kind, unknown.reason);
    return;
  }
  const data = {
    effective,
    latest: latest ? versionText(latest) : '(none yet)',
    coverage: input.coverage,
  };
  out.report(
    input.repositoryMissing
      ? {
          ...finding,
          citations: withCoverage,
          severity: 'info',
          messageId: 'scheduledUntagged',
          data: { ...data, tagsMissing: input.repositoryMissing },
        }
      : { ...finding, citations: withCoverage, severity: 'info', messageId: 'scheduled', data },
  );
}
