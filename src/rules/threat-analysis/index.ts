import type { GitTag, RepositoryFacts } from '../../evidence/types';
import type { Citation, EvidenceRecord } from '../../findings/finding';
import { citeRepositoryFile, citeTag } from '../../openstack/cite';
import { tagValue } from '../../openstack/evidence';
import { isMajorFinal } from '../../openstack/versions';
import { defineRule, type MessageData } from '../define';
import { citeEntry, citeField, declaredValue, onField } from '../evidence-values';
import type { RepositoryChange } from '../types';

const messages = {
  notDeclared:
    'No threat analysis is declared: a review, audit or threat analysis, ideally validated by a ' +
    'third party, is encouraged; declare threat-analysis {url, date} when there is one.',
  undated: 'The threat analysis is undated: add its date so its freshness can be judged.',
  predatesMajor:
    'The threat analysis ({{date}}) predates the latest major release {{release}} ' +
    '({{releaseDate}}): refreshing it after each major release is suggested; an outdated ' +
    'analysis is still more useful than none.',
  currentSinceMajor:
    'Threat analysis dated {{date}}, not older than the latest major release {{release}} ' +
    '({{releaseDate}}).',
  freshnessUnchecked: 'Threat analysis dated {{date}}, freshness not checked: {{reason}}.',
  noMajorYet: 'Threat analysis dated {{date}}, no major release tagged yet.',
} as const;

type MessageId = keyof typeof messages;

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

/** What a dated analysis is measured against: the latest major release, or why there is none. */
function freshness(
  date: string,
  major: GitTag | null,
  unavailable: string | null,
): { messageId: MessageId; data: MessageData } {
  if (major) {
    const release = { release: major.name, releaseDate: major.date.slice(0, 10) };
    if (date < release.releaseDate)
      return { messageId: 'predatesMajor', data: { date, ...release } };
    return { messageId: 'currentSinceMajor', data: { date, ...release } };
  }
  if (unavailable) return { messageId: 'freshnessUnchecked', data: { date, reason: unavailable } };
  return { messageId: 'noMajorYet', data: { date } };
}

function notDeclaredCite(change: RepositoryChange): EvidenceRecord {
  return { declared: null, list: change.entry.location.file };
}

/** The declared analysis, and what its freshness was measured against (the tags read). */
function freshnessCitations(
  change: RepositoryChange,
  repository: RepositoryFacts | undefined,
  major: GitTag | null,
  asOf: string,
): Citation[] {
  const declared = change.entry.declared['threat-analysis'];
  const parts = [declared?.url, declared?.date ?? 'undated'].filter((p) => p !== undefined);
  const field = citeField(change, 'threat-analysis', `threat-analysis: ${parts.join(', ')}`);
  if (major) return [field, { ...citeTag(change.repository, major), text: majorText(major) }];
  if (!repository) return [field];
  const { commit } = repository.evaluated;
  const none = `no major release tag (X.0.0) on or before ${asOf}`;
  return [field, citeRepositoryFile(change.repository, commit, none)];
}

function majorText(major: GitTag): string {
  return `last major release tag ${major.name}, ${major.date.slice(0, 10)}`;
}

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'threat-analysis',
    clause: '8',
    title: 'A threat analysis exists, refreshed after the latest major release (recommended).',
    defaultSeverity: 'warning',
    canBlock: false,
    fields: ['threat-analysis'],
    needs: [],
    wants: ['repository'],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check({ change, evidence, missing, settings, report }) {
    const declared = change.entry.declared['threat-analysis'];
    if (!declared) {
      report({
        messageId: 'notDeclared',
        severity: 'warning',
        cite: notDeclaredCite(change),
        citations: [citeEntry(change, `entry ${change.repository}, no threat-analysis`)],
      });
      return;
    }
    const major = latestMajor(evidence.repository, settings.asOf);
    const unavailable = missing.repository ?? null;
    const cite = {
      ...declaredValue(change, 'threat-analysis'),
      url: declared.url ?? null,
      date: declared.date ?? null,
      latestMajor: major ? tagValue(major) : null,
    };
    const on = onField(change, 'threat-analysis');
    const citations = freshnessCitations(change, evidence.repository, major, settings.asOf);
    if (declared.date === undefined) {
      report({
        messageId: 'undated',
        severity: 'info',
        ...on,
        cite,
        citations: citations.slice(0, 1),
      });
      return;
    }
    const judged = freshness(declared.date, major, unavailable);
    // An analysis not found outdated also records whether its freshness could be checked.
    const current = judged.messageId !== 'predatesMajor';
    const withRepository = current ? { ...cite, repositoryUnavailable: unavailable } : cite;
    report({ ...judged, severity: 'info', ...on, cite: withRepository, citations });
  },
});
