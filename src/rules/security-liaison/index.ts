import type { GovernanceTeam } from '../../evidence/types';
import { personText, personValue, refText, refValue } from '../../openstack/evidence';
import { declaredValue, onField } from '../evidence-values';
import type { Person } from '../../list/model';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryChange, RepositoryRule, RuleResult } from '../types';

const CLAUSE = 'policy clause 6';

function teamValue(team: GovernanceTeam): EvidenceRecord {
  return {
    team: team.name,
    leadershipType: team.leadershipType,
    ptl: team.ptl ? personValue(team.ptl) : null,
    securityLiaisons: team.securityLiaisons.map(personValue),
    ref: refValue(team.ref),
  };
}

function norm(value: string | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v ? v : null;
}

/** Same person: by e-mail when both have one, else by name, else by IRC nick. */
function samePerson(a: Person, b: Person): boolean {
  const keys: (keyof Person)[] = ['email', 'name', 'irc'];
  for (const key of keys) {
    const x = norm(a[key]);
    const y = norm(b[key]);
    if (x !== null && y !== null) return x === y;
  }
  return false;
}

function declaredLiaison(change: RepositoryChange, team: GovernanceTeam): RuleResult[] {
  const declared = change.entry.declared.liaison;
  if (!declared) return [];
  const known = [...team.securityLiaisons, ...(team.ptl ? [team.ptl] : [])];
  if (known.some((p) => samePerson(p, declared))) return [];
  return [
    {
      severity: 'warning',
      ...onField(change, 'liaison'),
      message:
        `The declared liaison ${personText(declared)} is neither a security liaison nor the PTL of ` +
        `team ${team.name} in governance (${refText(team.ref)}): add them to the team's ` +
        `liaisons.security in governance, or declare the governance liaison (${CLAUSE}).`,
      evidence: {
        ...declaredValue(change, 'liaison'),
        declared: personValue(declared),
        governance: teamValue(team),
      },
    },
  ];
}

/**
 * A team with neither a governance security liaison nor a PTL, whose entry declares a liaison:
 * the liaison is explicitly delegated (clause 6 is met), but governance should record it.
 */
function declaredOnly(
  change: RepositoryChange,
  declared: Person,
  team: GovernanceTeam,
  why: string,
): RuleResult {
  return {
    severity: 'warning',
    ...onField(change, 'liaison'),
    message:
      `Security liaison: the entry declares ${personText(declared)}. Team ${team.name} ${why} and ` +
      `governance names no security liaison (${refText(team.ref)}): ask the team to record them ` +
      `under liaisons.security in governance reference/projects.yaml (${CLAUSE}).`,
    evidence: {
      ...declaredValue(change, 'liaison'),
      declared: personValue(declared),
      governance: teamValue(team),
    },
  };
}

function governanceResult(change: RepositoryChange, team: GovernanceTeam): RuleResult {
  if (team.securityLiaisons.length > 0) {
    return {
      severity: 'info',
      message: `Security liaison(s) of team ${team.name}: ${team.securityLiaisons.map(personText).join(', ')} (${refText(team.ref)}, ${CLAUSE}).`,
      evidence: teamValue(team),
    };
  }
  if (team.leadershipType === 'ptl' && team.ptl) {
    return {
      severity: 'info',
      message: `No security liaison delegated: PTL ${personText(team.ptl)} of team ${team.name} is the implicit liaison (${refText(team.ref)}, ${CLAUSE}).`,
      evidence: teamValue(team),
    };
  }
  const why =
    team.leadershipType === 'distributed'
      ? 'has distributed leadership and so no PTL'
      : 'has no PTL';
  const declared = change.entry.declared.liaison;
  if (declared) return declaredOnly(change, declared, team, why);
  return {
    severity: 'error',
    message:
      `Team ${team.name} ${why}, governance names no security liaison (${refText(team.ref)}), and ` +
      `the entry declares none: the team must add one under liaisons.security in governance ` +
      `reference/projects.yaml, and may declare it as liaison (${CLAUSE}).`,
    evidence: teamValue(team),
  };
}

export const rule: RepositoryRule<'governance', never> = {
  scope: 'repository',
  meta: {
    id: 'security-liaison',
    clause: '6',
    title: 'The team has a security liaison, or a PTL who is the implicit one.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['liaison'],
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => ['governance'],
  wants: () => [],
  check({ change, evidence }): RuleResult[] {
    const owner = evidence.governance.owner;
    if (!owner) {
      return [
        {
          severity: 'warning',
          message:
            'No governance team owns the repository (see official-project), so no security liaison ' +
            `or PTL can be confirmed (${CLAUSE}).`,
          evidence: { owner: null },
        },
      ];
    }
    const result = governanceResult(change, owner.team);
    // A declared liaison the team's governance record lacks is already what `declaredOnly` says.
    if (result.field === 'liaison') return [result];
    return [result, ...declaredLiaison(change, owner.team)];
  },
};
