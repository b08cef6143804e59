import type {
  GerritProject,
  GovernanceDeliverable,
  RetiredDeliverable,
} from '../../evidence/types';
import { citeData, citeNotListed } from '../../openstack/cite';
import { refText, refValue } from '../../openstack/evidence';
import type { Citation } from '../../findings/finding';
import { defineRule, type RepositoryRuleContext, type RuleReport } from '../define';
import { citeField, declaredValue, onField } from '../evidence-values';
import type { RepositoryChange } from '../types';
import {
  citeGerrit,
  citeOwner,
  citeRetired,
  gerritValue,
  ownerData,
  ownerValue,
  retiredAfter,
  retiredBy,
  retiredData,
  retiredValue,
  sameTeam,
  type DatedRetirement,
} from './facts';
import { createdByChange, createdReport } from './created';
import { messages, type MessageId } from './messages';
import { aclMayPostdateReason, aclUncheckedReason } from './reasons';

type Context = RepositoryRuleContext<'governance', 'projectConfig', MessageId>;
type Report = (finding: RuleReport<MessageId>) => void;

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'official-project',
    clause: '2',
    title: 'The repository is a deliverable of an official OpenStack project team, not retired.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['team'],
    // project-config is wanted, not needed, so that the governance findings stand without it;
    // its absence is still never a pass: check reports it unavailable beside them.
    needs: ['governance'],
    wants: ['projectConfig'],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check(context: Context) {
    const { evidence, missing, settings, report } = context;
    if (missing.projectConfig) {
      context.unavailable('projectConfig', aclUncheckedReason(missing.projectConfig));
    }
    const gerrit = evidence.projectConfig?.gerrit ?? null;
    const { owner, retired: legacy } = evidence.governance;
    const later = owner ? null : retiredAfter(legacy, settings.asOf);
    if (later) {
      judgeRetiredLater(context, later, gerrit);
      return;
    }
    const retired = retiredBy(legacy, settings.asOf);
    if (owner) {
      judgeOwned(context.change, owner, retired, gerrit, report);
      return;
    }
    const created = retired
      ? null
      : createdByChange(context.change, settings, evidence.governance.projects);
    if (created) report(createdReport(context.change, created));
    else {
      const notListed = citeNotListed(evidence.governance, context.change.repository);
      reportNotOfficial(retired, notListed, report);
    }
    if (gerrit?.retired) reportRetiredAcl(gerrit, report);
  },
});

/** No official team owns it (and legacy.yaml may say it was retired). */
function reportNotOfficial(
  retired: RetiredDeliverable | null,
  notListed: Citation,
  report: Report,
): void {
  const cite = { owner: null, retired: retired ? retiredValue(retired) : null };
  if (!retired) {
    report({ messageId: 'notOfficial', severity: 'error', cite, citations: [notListed] });
    return;
  }
  report({
    messageId: retired.retiredOn === null ? 'notOfficialRetiredUndated' : 'notOfficialRetired',
    data: retiredData(retired),
    severity: 'error',
    cite,
    citations: [notListed, citeRetired(retired)],
  });
}

function reportRetiredAcl(gerrit: GerritProject, report: Report): void {
  report({
    messageId: 'retiredAcl',
    data: { acl: gerrit.acl ?? '' },
    severity: 'error',
    cite: gerritValue(gerrit),
    citations: [citeGerrit(gerrit)],
  });
}

/**
 * Owned in projects.yaml: the retired ACL, a legacy.yaml entry beside it, the declared team and
 * deprecation; with nothing to say, an info naming the owner.
 */
function judgeOwned(
  change: RepositoryChange,
  owner: GovernanceDeliverable,
  retired: RetiredDeliverable | null,
  gerrit: GerritProject | null,
  report: Report,
): void {
  let said = 0;
  const tell: Report = (finding) => {
    said += 1;
    report(finding);
  };
  if (gerrit?.retired) reportRetiredAcl(gerrit, tell);
  if (retired) {
    tell({
      messageId: retired.retiredOn === null ? 'alsoRetiredUndated' : 'alsoRetired',
      data: { ...retiredData(retired), owner: owner.team.name },
      severity: 'warning',
      cite: { owner: ownerValue(owner), retired: retiredValue(retired) },
      citations: [citeOwner(owner), citeRetired(retired)],
    });
  }
  reportDeclaredTeam(change, owner, tell);
  reportDeprecated(owner, tell);
  if (said > 0) return;
  report({
    messageId: 'official',
    data: ownerData(owner),
    severity: 'info',
    cite: {
      owner: ownerValue(owner),
      gerrit: gerrit ? { acl: gerrit.acl, ref: refValue(gerrit.ref) } : null,
    },
    citations: gerrit ? [citeOwner(owner), citeGerrit(gerrit)] : [citeOwner(owner)],
  });
}

function reportDeclaredTeam(
  change: RepositoryChange,
  owner: GovernanceDeliverable,
  report: Report,
): void {
  const declared = change.entry.declared.team;
  if (declared === undefined || sameTeam(declared, owner.team.name)) return;
  report({
    messageId: 'wrongTeam',
    data: { declared, team: owner.team.name, deliverable: owner.name, ref: refText(owner.ref) },
    severity: 'error',
    ...onField(change, 'team'),
    cite: { ...declaredValue(change, 'team'), declared, owner: ownerValue(owner) },
    citations: [citeField(change, 'team', `team: ${declared}`), citeOwner(owner)],
  });
}

function reportDeprecated(owner: GovernanceDeliverable, report: Report): void {
  if (owner.releaseManagement !== 'deprecated') return;
  const data = ownerData(owner);
  const cite = { owner: ownerValue(owner) };
  const citations = [
    citeData(
      owner.ref,
      `deliverable ${owner.name} (team ${owner.team.name}), release-management: deprecated`,
    ),
  ];
  if (owner.deprecated === null) {
    report({ messageId: 'deprecated', data, severity: 'warning', cite, citations });
    return;
  }
  const since = { ...data, since: owner.deprecated };
  report({ messageId: 'deprecatedSince', data: since, severity: 'warning', cite, citations });
}

/**
 * Listed only in legacy.yaml, retired after the date: official on the date (governance data newer
 * than the date no longer lists it in projects.yaml). A declared team is checked against the
 * legacy entry's team; a retired ACL counts only if project-config can be read as of the date.
 */
function judgeRetiredLater(
  context: Context,
  retired: DatedRetirement,
  gerrit: GerritProject | null,
): void {
  const { change, report } = context;
  if (gerrit?.retired) {
    if (gerrit.ref.commit) reportRetiredAcl(gerrit, report);
    else context.unavailable('projectConfig', aclMayPostdateReason(gerrit, retired));
  }
  const declared = change.entry.declared.team;
  if (declared !== undefined && retired.team !== '' && !sameTeam(declared, retired.team)) {
    report({
      messageId: 'wrongLegacyTeam',
      data: {
        declared,
        team: retired.team,
        deliverable: retired.deliverable,
        ref: refText(retired.ref),
      },
      severity: 'error',
      ...onField(change, 'team'),
      cite: { ...declaredValue(change, 'team'), declared, retired: retiredValue(retired) },
      citations: [citeField(change, 'team', `team: ${declared}`), citeRetired(retired)],
    });
  }
  report({
    messageId: 'retiredLater',
    data: retiredData(retired),
    severity: 'info',
    cite: { owner: null, retired: retiredValue(retired), retiredLater: true },
    citations: [citeRetired(retired)],
  });
}
