import type { GovernanceDeliverable, ReleasesFacts } from '../../evidence/types';
import { refText, refValue, sample } from '../../openstack/evidence';
import type { LaterSeriesVersion, VersionOrigin, VersionRecord } from '../../openstack/releases';
import {
  collectVersions,
  laterSeriesVersions,
  laterVersionText,
  latestFinal,
  versionText,
  versionValue,
} from '../../openstack/releases';
import type { VersionKind } from '../../openstack/versions';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryRule, RuleResult } from '../types';
import { compareText } from '../../util/compare';

const CLAUSE = 'policy clause 3';

const KIND_LABEL: Record<VersionKind, string> = {
  final: 'final releases',
  'pre-release': 'pre-releases (alpha, beta/milestone, release candidate)',
  'legacy-pre-release': 'old-style pre-releases',
  'legacy-final': 'old-style versions',
  dev: 'dev versions',
  special: 'eol/eom/em/last tags',
  unknown: 'other tags',
};

function origins(records: readonly VersionRecord[]): VersionOrigin[] {
  return [...new Set(records.map((r) => r.origin))].sort(compareText);
}

function restsOn(records: readonly VersionRecord[]): string {
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

/** ` Releases data newer than the date also records 5.13.0 (hibiscus, …): not counted.` */
function laterText(later: readonly LaterSeriesVersion[]): string {
  const finals = later.filter((l) => l.record.version.kind === 'final');
  if (finals.length === 0) return '';
  return (
    ` Releases data newer than the date also records ${sample(finals.map(laterVersionText))}, ` +
    'of series released after the date: not counted.'
  );
}

function laterValue(later: readonly LaterSeriesVersion[]): EvidenceRecord[] {
  return later.slice(0, 20).map((l) => ({
    ...versionValue(l.record),
    seriesInitialRelease: l.series.initialRelease,
    possiblyByTheDate: l.possible,
  }));
}

/** `pre-releases (…): 13.0.0.0rc1, 13.0.0.0b1; eol/eom/em/last tags: 2023.1-eom`. */
function foundText(records: readonly VersionRecord[]): string {
  const byKind = new Map<VersionKind, string[]>();
  for (const r of records) {
    const list = byKind.get(r.version.kind) ?? [];
    if (!list.includes(r.version.text)) list.push(r.version.text);
    byKind.set(r.version.kind, list);
  }
  return [...byKind.entries()].map(([kind, v]) => `${KIND_LABEL[kind]}: ${sample(v)}`).join('; ');
}

function sourcesValue(
  owner: GovernanceDeliverable | null,
  releases: ReleasesFacts | undefined,
  missing: Partial<Record<'repository', string>>,
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
    gitTags: missing.repository ? `not examined: ${missing.repository}` : 'examined',
  };
}

function notExamined(missing: Partial<Record<'repository', string>>): string {
  return missing.repository ? ` Git tags were not examined (${missing.repository}).` : '';
}

export const rule: RepositoryRule<'governance' | 'releases', 'repository'> = {
  scope: 'repository',
  meta: {
    id: 'versioned-releases',
    clause: '3',
    title: 'The repository has at least one official (final) release.',
    defaultSeverity: 'error',
    canBlock: true,
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => ['governance', 'releases'],
  wants: () => ['repository'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    const owner = evidence.governance.owner;
    const sources = sourcesValue(owner, evidence.releases, missing);
    if (owner?.releaseManagement === 'none') {
      return [
        {
          severity: 'error',
          message:
            `Governance declares release-management: none for deliverable ${owner.name} ` +
            `(${refText(owner.ref)}): it is never released, and repositories must have versioned ` +
            `releases to qualify (${CLAUSE}). Drop the entry until the deliverable is released.`,
          evidence: sources,
        },
      ];
    }
    if (evidence.releases.files.length === 0 && !evidence.repository) {
      const reason =
        `no deliverable file in the releases data names ${change.repository}, and there is no ` +
        `repository to read its tags from (${missing.repository ?? 'not provided'}), so whether ` +
        'it has an official release cannot be established';
      return [
        {
          severity: 'error',
          message: reason,
          unavailable: { kind: 'repository', reason },
          evidence: sources,
        },
      ];
    }
    const records = collectVersions(evidence.releases, evidence.repository, settings.asOf);
    const later = laterSeriesVersions(evidence.releases, settings.asOf);
    if (later.length > 0) sources.laterSeriesNotCounted = laterValue(later);
    const finals = records.filter((r) => r.version.kind === 'final');
    const latest = latestFinal(finals);
    if (latest) {
      return [
        {
          severity: 'info',
          message:
            `${new Set(finals.map((f) => f.version.text)).size} official release(s), the latest ` +
            `${versionText(latest)}; this rests on ${restsOn(finals)} (${CLAUSE}).${notExamined(missing)}`,
          evidence: { latest: versionValue(latest), restsOn: origins(finals), ...sources },
        },
      ];
    }
    // Newer releases data may record a final made during a cycle under way on the date; without
    // the repository's dated tags, whether it existed then is unknown.
    const possible = later.filter((l) => l.possible && l.record.version.kind === 'final');
    if (possible.length > 0 && !evidence.repository) {
      const reason =
        `the releases data is newer than ${settings.asOf} and records ` +
        `${sample(possible.map(laterVersionText))}, of a series under development on that date, ` +
        "without release dates; only the repository's dated tags can tell whether it was " +
        `released by then, and the repository is not available (${missing.repository ?? 'not provided'})`;
      return [
        {
          severity: 'error',
          message: reason,
          unavailable: { kind: 'repository', reason },
          evidence: sources,
        },
      ];
    }
    const found =
      records.length > 0
        ? `Found only ${foundText(records)} in ${restsOn(records)}.`
        : `Found no version in ${searchedText(evidence.releases, evidence.repository !== undefined)}.`;
    const evidenceRecord = { found: records.slice(0, 20).map(versionValue), ...sources };
    if (owner?.releaseManagement === 'external') {
      return [
        {
          severity: 'warning',
          message:
            `Unverifiable: governance says deliverable ${owner.name} is released outside ` +
            `openstack/releases (release-management: external, ${refText(owner.ref)}). ${found} ` +
            `Link an official final release in the review (${CLAUSE}).${notExamined(missing)}`,
          evidence: evidenceRecord,
        },
      ];
    }
    const legacyOnly = records.some((r) => r.version.kind === 'legacy-final');
    return [
      {
        severity: legacyOnly ? 'warning' : 'error',
        message:
          `No official release: ${found} Pre-releases, release candidates, milestones and ` +
          `eol/eom/em/last tags are not official releases (${CLAUSE}). ` +
          (legacyOnly
            ? 'Old-style versions predate the current scheme: check them by hand.'
            : 'Propose the entry after the first final X.Y.Z release.') +
          laterText(later) +
          notExamined(missing),
        evidence: evidenceRecord,
      },
    ];
  },
};
