import type { GitTag, RepositoryFacts } from '../../evidence/types';
import { tagValue } from '../../openstack/evidence';
import { declaredValue, onField } from '../evidence-values';
import { isMajorFinal } from '../../openstack/versions';
import type { RepositoryRule, RuleResult } from '../types';

const CLAUSE = 'policy clause 8, a recommendation';

/** The most recent `X.0.0` tag on or before the date. */
function latestMajor(repository: RepositoryFacts | undefined, asOf: string): GitTag | null {
  const majors = (repository?.tags ?? []).filter(
    (t) => isMajorFinal(t.name) && t.date.slice(0, 10) <= asOf,
  );
  return majors.reduce<GitTag | null>(
    (best, t) => (best === null || t.date > best.date ? t : best),
    null,
  );
}

export const rule: RepositoryRule<never, 'repository'> = {
  scope: 'repository',
  meta: {
    id: 'threat-analysis',
    clause: '8',
    title: 'A threat analysis exists, refreshed after the latest major release (recommended).',
    defaultSeverity: 'warning',
    canBlock: false,
    fields: ['threat-analysis'],
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => [],
  wants: () => ['repository'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    const declared = change.entry.declared['threat-analysis'];
    if (!declared) {
      return [
        {
          severity: 'warning',
          message:
            'No threat analysis is declared: a review, audit or threat analysis, ideally validated by ' +
            `a third party, is encouraged; declare threat-analysis {url, date} when there is one (${CLAUSE}).`,
          evidence: { declared: null, list: change.entry.location.file },
        },
      ];
    }
    const base = {
      ...declaredValue(change, 'threat-analysis'),
      url: declared.url ?? null,
      date: declared.date ?? null,
    };
    const major = latestMajor(evidence.repository, settings.asOf);
    const majorValue = major ? tagValue(major) : null;
    const unavailable = missing.repository ?? null;
    if (declared.date === undefined) {
      return [
        {
          severity: 'info',
          ...onField(change, 'threat-analysis'),
          message: `The threat analysis is undated: add its date so its freshness can be judged (${CLAUSE}).`,
          evidence: { ...base, latestMajor: majorValue },
        },
      ];
    }
    if (major && declared.date < major.date.slice(0, 10)) {
      return [
        {
          severity: 'info',
          ...onField(change, 'threat-analysis'),
          message:
            `The threat analysis (${declared.date}) predates the latest major release ${major.name} ` +
            `(${major.date.slice(0, 10)}): refreshing it after each major release is suggested; an ` +
            `outdated analysis is still more useful than none (${CLAUSE}).`,
          evidence: { ...base, latestMajor: majorValue },
        },
      ];
    }
    const against = major
      ? `not older than the latest major release ${major.name} (${major.date.slice(0, 10)})`
      : unavailable
        ? `freshness not checked: ${unavailable}`
        : 'no major release tagged yet';
    return [
      {
        severity: 'info',
        ...onField(change, 'threat-analysis'),
        message: `Threat analysis dated ${declared.date}, ${against} (${CLAUSE}).`,
        evidence: { ...base, latestMajor: majorValue, repositoryUnavailable: unavailable },
      },
    ];
  },
};
