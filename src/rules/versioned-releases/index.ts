import type { GovernanceDeliverable, NotYetCreated, RepositoryFacts } from '../../evidence/types';
import type { Citation, EvidenceRecord } from '../../findings/finding';
import { refText } from '../../openstack/evidence';
import type { LaterSeriesVersion, VersionRecord } from '../../openstack/releases';
import {
  collectVersions,
  laterSeriesVersions,
  latestFinal,
  releaseTypeOf,
  versionText,
  versionValue,
} from '../../openstack/releases';
import { defineRule, type RepositoryRuleContext } from '../define';
import { citeData, citeRepositoryFile } from '../../openstack/cite';
import { citeVersion, citeVersions, laterValue, sourcesValue } from './cite';
import { messages, type MessageId } from './messages';
import { firstFinalTag, laterHistoryText, notYetCitations, notYetValue } from './not-yet';
import {
  cycleUnderWayReason,
  foundText,
  laterText,
  noSourceReason,
  notExaminedText,
  origins,
  restsOn,
} from './text';

type Context = RepositoryRuleContext<'governance' | 'releases', 'repository', MessageId>;

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'versioned-releases',
    clause: '3',
    title: 'The repository has at least one official (final) release.',
    defaultSeverity: 'error',
    canBlock: true,
    needs: ['governance', 'releases'],
    wants: ['repository'],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check(context: Context) {
    const { change, evidence, missing, settings } = context;
    const owner = evidence.governance.owner;
    const sources = sourcesValue(owner, evidence.releases, missing.repository);
    if (owner?.releaseManagement === 'none') {
      reportNeverReleased(context, owner, sources);
      return;
    }
    const notYet = evidence.repository?.notYetCreated;
    if (evidence.repository && notYet) {
      reportNotYetCreated(context, evidence.repository, notYet, sources);
      return;
    }
    if (evidence.releases.files.length === 0 && !evidence.repository) {
      context.unavailable('repository', noSourceReason(change.repository, missing.repository));
      return;
    }
    const records = collectVersions(evidence.releases, evidence.repository, settings.asOf);
    const later = laterSeriesVersions(evidence.releases, settings.asOf);
    if (later.length > 0) sources.laterSeriesNotCounted = laterValue(later);
    const finals = records.filter((r) => r.version.kind === 'final');
    const latest = latestFinal(finals);
    if (latest) {
      reportReleased(context, finals, latest, sources);
      return;
    }
    // Newer releases data may record a final made during a cycle under way on the date; without
    // the repository's dated tags, whether it existed then is unknown.
    const possible = later.filter((l) => l.possible && l.record.version.kind === 'final');
    if (possible.length > 0 && !evidence.repository) {
      const reason = cycleUnderWayReason(settings.asOf, possible, missing.repository);
      context.unavailable('repository', reason);
      return;
    }
    reportNoFinal(context, owner, records, later, sources);
  },
});

function reportNeverReleased(
  context: Context,
  owner: GovernanceDeliverable,
  sources: EvidenceRecord,
): void {
  context.report({
    messageId: 'releaseManagementNone',
    data: { deliverable: owner.name, ref: refText(owner.ref) },
    severity: 'error',
    cite: sources,
    citations: [citeData(owner.ref, `deliverable ${owner.name}, release-management: none`)],
  });
}

/** The clone proves the repository had no commit on the date: clause 3 cannot be met. */
function reportNotYetCreated(
  context: Context,
  repository: RepositoryFacts,
  notYet: NotYetCreated,
  sources: EvidenceRecord,
): void {
  const first = firstFinalTag(notYet, releaseTypeOf(context.evidence.releases));
  context.report({
    messageId: 'notYetCreated',
    data: { asOf: context.settings.asOf, history: laterHistoryText(notYet, first) },
    severity: 'error',
    cite: { ...notYetValue(notYet, first), ...sources },
    citations: notYetCitations(repository, notYet, first),
  });
}

function reportReleased(
  context: Context,
  finals: readonly VersionRecord[],
  latest: VersionRecord,
  sources: EvidenceRecord,
): void {
  context.report({
    messageId: 'released',
    data: {
      count: new Set(finals.map((f) => f.version.text)).size,
      latest: versionText(latest),
      restsOn: restsOn(finals),
      notExamined: notExaminedText(context.missing.repository),
    },
    severity: 'info',
    cite: { latest: versionValue(latest), restsOn: origins(finals), ...sources },
    citations: [citeVersion(latest, context.change.repository, context.evidence.repository)],
  });
}

/** Nothing final: unverifiable for a deliverable released elsewhere, else what was found. */
function reportNoFinal(
  context: Context,
  owner: GovernanceDeliverable | null,
  records: readonly VersionRecord[],
  later: readonly LaterSeriesVersion[],
  sources: EvidenceRecord,
): void {
  const { evidence, missing } = context;
  const found = foundText(records, evidence.releases, evidence.repository !== undefined);
  const notExamined = notExaminedText(missing.repository);
  const cite = { found: records.slice(0, 20).map(versionValue), ...sources };
  const found3 = citeVersions(records, context.change.repository, evidence.repository);
  const citations = found3.length > 0 ? found3 : [noneFound(context)];
  if (owner?.releaseManagement === 'external') {
    context.report({
      messageId: 'externalUnverifiable',
      data: { deliverable: owner.name, ref: refText(owner.ref), found, notExamined },
      severity: 'warning',
      cite,
      citations: [
        citeData(owner.ref, `deliverable ${owner.name}, release-management: external`),
        ...found3,
      ],
    });
    return;
  }
  const oldStyleOnly = records.some((r) => r.version.kind === 'legacy-final');
  context.report({
    messageId: oldStyleOnly ? 'oldStyleOnly' : 'noRelease',
    data: { found, later: laterText(later), notExamined },
    severity: oldStyleOnly ? 'warning' : 'error',
    cite,
    citations,
  });
}

/** No version anywhere: the deliverable files read, or the repository's tags, as examined. */
function noneFound(context: Context): Citation {
  const [file] = context.evidence.releases.files;
  if (file)
    return citeData(file.ref, `deliverable file, no release of ${context.change.repository}`);
  const facts = context.evidence.repository;
  if (facts) {
    return citeRepositoryFile(context.change.repository, facts.evaluated.commit, 'no release tag');
  }
  return { source: 'releases', text: `no deliverable file names ${context.change.repository}` };
}
