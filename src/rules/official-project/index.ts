import type {
  GerritProject,
  GovernanceDeliverable,
  RetiredDeliverable,
} from '../../evidence/types';
import { declaredValue, onField, refText, refValue } from '../../openstack/evidence';
import type { EvidenceRecord } from '../../report/finding';
import type { RepositoryChange, RepositoryRule, RuleResult } from '../types';

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
  needs: () => ['governance'],
  wants: () => ['projectConfig'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    const { owner } = evidence.governance;
    const retired = retiredBy(evidence.governance.retired, settings.asOf);
    const gerrit = evidence.projectConfig?.gerrit ?? null;
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
    const gerritNote = missing.projectConfig
      ? ` The Gerrit ACL was not checked: ${missing.projectConfig}.`
      : '';
    return [
      {
        severity: 'info',
        message:
          `Official: deliverable ${owner.name} of team ${owner.team.name} (${refText(owner.ref)}) ` +
          `lists the repository (${CLAUSE}).${gerritNote}`,
        evidence: {
          owner: ownerValue(owner),
          gerrit: gerrit ? { acl: gerrit.acl, ref: refValue(gerrit.ref) } : null,
          gerritUnavailable: missing.projectConfig ?? null,
        },
      },
    ];
  },
};
