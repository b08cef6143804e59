import type {
  GerritProject,
  GovernanceDeliverable,
  GovernanceFacts,
  ProjectConfigFacts,
  RetiredDeliverable,
} from '../../evidence/types';
import { refText, refValue } from '../../openstack/evidence';
import { declaredValue, onField } from '../evidence-values';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryChange, RepositoryRule, RuleResult, RunSettings } from '../types';

const CLAUSE = 'policy clause 2';
const PROJECTS = 'governance reference/projects.yaml';

function ownerValue(owner: GovernanceDeliverable): EvidenceRecord {
  return {
    team: owner.team.name,
    deliverable: owner.name,
    releaseManagement: owner.releaseManagement,
    deprecated: owner.deprecated,
    ref: refValue(owner.ref),
    teamRef: refValue(owner.team.ref),
  };
}

function retiredValue(retired: RetiredDeliverable): EvidenceRecord {
  return {
    team: retired.team,
    deliverable: retired.deliverable,
    retiredOn: retired.retiredOn,
    ref: refValue(retired.ref),
  };
}

/** A legacy.yaml entry counts once its `retired-on` date has come (undated: retired). */
function retiredBy(retired: RetiredDeliverable | null, asOf: string): RetiredDeliverable | null {
  if (!retired) return null;
  return retired.retiredOn === null || retired.retiredOn <= asOf ? retired : null;
}

function retiredText(retired: RetiredDeliverable): string {
  const when = retired.retiredOn ? `on ${retired.retiredOn}` : '(undated)';
  return `deliverable ${retired.deliverable} of team ${retired.team} retired ${when} (${refText(retired.ref)})`;
}

function notOfficial(retired: RetiredDeliverable | null): RuleResult {
  const why = retired
    ? `; governance legacy.yaml lists it as retired: ${retiredText(retired)}`
    : '';
  return {
    severity: 'error',
    message:
      `No official team lists this repository among its deliverables' repos in ${PROJECTS}${why}. ` +
      `Only source code of official OpenStack project teams is eligible (${CLAUSE}): drop the ` +
      'entry, or first make the repository a deliverable of an official team.',
    evidence: { owner: null, retired: retired ? retiredValue(retired) : null },
  };
}

function gerritRetired(gerrit: GerritProject): RuleResult {
  return {
    severity: 'error',
    message:
      `project-config gerrit/projects.yaml gives the repository the retired ACL (${gerrit.acl ?? ''}): ` +
      `a retired repository is no longer maintained and cannot be overseen (${CLAUSE}). Drop the entry.`,
    evidence: { acl: gerrit.acl, description: gerrit.description, ref: refValue(gerrit.ref) },
  };
}

/**
 * Listed only in legacy.yaml, retired after the date: official on the date (governance data newer
 * than the date no longer lists it in projects.yaml). A declared team is checked against the
 * legacy entry's team.
 */
function retiredLater(change: RepositoryChange, retired: RetiredDeliverable): RuleResult[] {
  const results: RuleResult[] = [];
  const declared = change.entry.declared.team;
  if (declared !== undefined && retired.team && !sameTeam(declared, retired.team)) {
    results.push({
      severity: 'error',
      ...onField(change, 'team'),
      message:
        `The entry declares team '${declared}', but governance legacy.yaml lists the repository ` +
        `under team '${retired.team}' (deliverable ${retired.deliverable}, ${refText(retired.ref)}): ` +
        `set team to '${retired.team}' (${CLAUSE}).`,
      evidence: { ...declaredValue(change, 'team'), declared, retired: retiredValue(retired) },
    });
  }
  results.push({
    severity: 'info',
    message:
      `Official on the date, retired later: governance legacy.yaml lists ${retiredText(retired)}, ` +
      `after the evaluated date, which is why ${PROJECTS} no longer lists it (${CLAUSE}).`,
    evidence: { owner: null, retired: retiredValue(retired), retiredLater: true },
  });
  return results;
}

/**
 * A retired Gerrit ACL seen in project-config that is not a git checkout (so possibly newer than
 * the date), for a repository governance retired only after the date: the ACL may postdate it.
 */
function gerritRetiredLater(gerrit: GerritProject, retired: RetiredDeliverable): RuleResult {
  const reason =
    `project-config gerrit/projects.yaml gives the repository the retired ACL ` +
    `(${gerrit.acl ?? ''}, ${refText(gerrit.ref)}), but governance retired it only on ` +
    `${retired.retiredOn ?? '?'}, after the evaluated date, and project-config is not a git ` +
    `checkout that can be read as of the date: whether the ACL was retired by then cannot be ` +
    `established. Pass a git checkout of openstack/project-config as --project-config (${CLAUSE})`;
  return {
    severity: 'error',
    message: reason,
    unavailable: { kind: 'projectConfig', reason },
    evidence: { acl: gerrit.acl, ref: refValue(gerrit.ref), retired: retiredValue(retired) },
  };
}

function sameTeam(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function ownerFindings(change: RepositoryChange, owner: GovernanceDeliverable): RuleResult[] {
  const results: RuleResult[] = [];
  const declared = change.entry.declared.team;
  if (declared !== undefined && !sameTeam(declared, owner.team.name)) {
    results.push({
      severity: 'error',
      ...onField(change, 'team'),
      message:
        `The entry declares team '${declared}', but ${PROJECTS} lists the repository under team ` +
        `'${owner.team.name}' (deliverable ${owner.name}, ${refText(owner.ref)}): set team to ` +
        `'${owner.team.name}' (${CLAUSE}).`,
      evidence: { ...declaredValue(change, 'team'), declared, owner: ownerValue(owner) },
    });
  }
  if (owner.releaseManagement === 'deprecated') {
    const since = owner.deprecated ? ` since ${owner.deprecated}` : '';
    results.push({
      severity: 'warning',
      message:
        `Governance marks deliverable ${owner.name} as deprecated${since} (${refText(owner.ref)}): ` +
        `it is still official, but confirm with team ${owner.team.name} that it will stay maintained (${CLAUSE}).`,
      evidence: { owner: ownerValue(owner) },
    });
  }
  return results;
}

/** The governance findings, and the Gerrit ACL when project-config is at hand. */
function judge(
  change: RepositoryChange,
  governance: GovernanceFacts,
  projectConfig: ProjectConfigFacts | undefined,
  settings: RunSettings,
): RuleResult[] {
  const { owner } = governance;
  const retired = retiredBy(governance.retired, settings.asOf);
  const gerrit = projectConfig?.gerrit ?? null;
  const later = governance.retired;
  if (!owner && later && !retired) {
    const acl = gerrit?.retired
      ? [gerrit.ref.commit ? gerritRetired(gerrit) : gerritRetiredLater(gerrit, later)]
      : [];
    return [...acl, ...retiredLater(change, later)];
  }
  const results: RuleResult[] = [];
  if (!owner) results.push(notOfficial(retired));
  if (gerrit?.retired) results.push(gerritRetired(gerrit));
  if (!owner) return results;
  if (retired) {
    results.push({
      severity: 'warning',
      message:
        `Governance legacy.yaml also lists the repository: ${retiredText(retired)}. ` +
        `${PROJECTS} still lists it under team ${owner.team.name}, which decides; check that the ` +
        `entry is not stale (${CLAUSE}).`,
      evidence: { owner: ownerValue(owner), retired: retiredValue(retired) },
    });
  }
  results.push(...ownerFindings(change, owner));
  if (results.length > 0) return results;
  return [
    {
      severity: 'info',
      message:
        `Official: deliverable ${owner.name} of team ${owner.team.name} (${refText(owner.ref)}) ` +
        `lists the repository (${CLAUSE}).`,
      evidence: {
        owner: ownerValue(owner),
        gerrit: gerrit ? { acl: gerrit.acl, ref: refValue(gerrit.ref) } : null,
      },
    },
  ];
}

/**
 * Without project-config the retired Gerrit ACL, which blocks, is unchecked: never a pass. The
 * governance findings still stand beside it (a repository no official team owns fails anyway).
 */
function aclUnchecked(reason: string): RuleResult {
  const why =
    `project-config is unavailable (${reason}), so whether project-config gerrit/projects.yaml ` +
    `gives the repository the retired ACL, which blocks, cannot be checked (${CLAUSE})`;
  return {
    severity: 'error',
    message: why,
    unavailable: { kind: 'projectConfig', reason: why },
    evidence: { gerrit: null, projectConfigUnavailable: reason },
  };
}

export const rule: RepositoryRule<'governance', 'projectConfig'> = {
  scope: 'repository',
  meta: {
    id: 'official-project',
    clause: '2',
    title: 'The repository is a deliverable of an official OpenStack project team, not retired.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['team'],
  },
  appliesTo: (change) => change.kind !== 'removed',
  // project-config is wanted, not needed, so that the governance findings stand without it; its
  // absence is still never a pass: `aclUnchecked` makes the rule's result evidence-unavailable.
  needs: () => ['governance'],
  wants: () => ['projectConfig'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    const unchecked = missing.projectConfig ? [aclUnchecked(missing.projectConfig)] : [];
    return [...unchecked, ...judge(change, evidence.governance, evidence.projectConfig, settings)];
  },
};
