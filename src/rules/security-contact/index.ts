import type { GovernanceFacts } from '../../evidence/types';
import { personText, personValue, refText, refValue } from '../../openstack/evidence';
import { declaredValue, onField } from '../evidence-values';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryChange, RepositoryRule, RuleResult } from '../types';

const CLAUSE = 'policy clause 5';

function liaisonsValue(governance: GovernanceFacts | undefined): EvidenceRecord | null {
  const team = governance?.owner?.team;
  if (!team) return null;
  return {
    team: team.name,
    securityLiaisons: team.securityLiaisons.map(personValue),
    ref: refValue(team.ref),
  };
}

function liaisonsText(governance: GovernanceFacts | undefined): string | null {
  const team = governance?.owner?.team;
  if (!team || team.securityLiaisons.length === 0) return null;
  return `team ${team.name}'s security liaison(s) ${team.securityLiaisons.map(personText).join(', ')} (${refText(team.ref)})`;
}

function nativeResult(
  change: RepositoryChange,
  governance: GovernanceFacts | undefined,
  governanceMissing: string | undefined,
): RuleResult {
  const group = change.entry.declared.tracker?.['security-group'];
  if (group !== undefined) {
    return {
      severity: 'info',
      ...onField(change, 'tracker'),
      message: `Security contact: tracker group '${group}' (${CLAUSE}).`,
      evidence: {
        ...declaredValue(change, 'tracker'),
        securityGroup: group,
        governance: liaisonsValue(governance),
      },
    };
  }
  const evidence = {
    list: change.entry.location.file,
    line: change.entry.location.line,
    securityGroup: null,
    governance: liaisonsValue(governance),
    governanceUnavailable: governanceMissing ?? null,
  };
  // Governance security liaisons are a contact the VMT can reach, as for the rst and governance
  // formats; the group is still what the native format should say.
  const team = governance?.owner?.team;
  if (team && team.securityLiaisons.length > 0) {
    return {
      severity: 'warning',
      ...onField(change, 'tracker'),
      message:
        `No tracker.security-group declared: declare tracker.security-group (a group in the ` +
        `defect tracker the VMT can subscribe to new reports); governance names ` +
        `${team.securityLiaisons.map(personText).join(', ')} (team ${team.name}, ` +
        `${refText(team.ref)}) as security liaison(s) who can serve as the contact (${CLAUSE}).`,
      evidence,
    };
  }
  if (governanceMissing) {
    // Governance might name a liaison who can serve as the contact: that is for the data to say.
    return {
      severity: 'error',
      message: 'unavailable',
      evidence,
      unavailable: {
        kind: 'governance',
        reason:
          `the entry declares no tracker.security-group and governance data is unavailable ` +
          `(${governanceMissing}), so whether a security liaison can serve as the contact is unknown`,
      },
    };
  }
  const why = 'governance names no security liaison for the team either';
  return {
    severity: 'error',
    ...onField(change, 'tracker'),
    message:
      `No security contact: the entry declares no tracker.security-group, and ${why}. The team ` +
      'must have a dedicated security point of contact, a group in its defect tracker the VMT can ' +
      `subscribe to new reports (${CLAUSE}). Declare tracker.security-group.`,
    evidence,
  };
}

export const rule: RepositoryRule<never, 'governance'> = {
  scope: 'repository',
  meta: {
    id: 'security-contact',
    clause: '5',
    title: 'The team has a dedicated security point of contact (a tracker group).',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['tracker'],
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => [],
  wants: () => ['governance'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    if (settings.format === 'native') {
      return [nativeResult(change, evidence.governance, missing.governance)];
    }
    const found = liaisonsText(evidence.governance);
    if (found) {
      return [
        {
          severity: 'info',
          message: `Security contact: ${found} (${CLAUSE}); their tracker group cannot be read from the data.`,
          evidence: { governance: liaisonsValue(evidence.governance) },
        },
      ];
    }
    const why = missing.governance
      ? `governance data unavailable: ${missing.governance}`
      : 'governance names no security liaison for the team';
    return [
      {
        severity: 'warning',
        message:
          `Unverifiable: ${why}, and the list format declares no security contact. Ask the team to ` +
          `name its security contact group (${CLAUSE}).`,
        evidence: {
          governance: liaisonsValue(evidence.governance),
          governanceUnavailable: missing.governance ?? null,
        },
      },
    ];
  },
};
