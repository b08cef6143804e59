import type { GovernanceTeam } from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import type { Person } from '../../list/model';
import { personText, personValue, refText, refValue } from '../../openstack/evidence';
import { defineRule, type RepositoryRuleContext, type RuleReport } from '../define';
import { citeNotListed, citeTeam } from '../../openstack/cite';
import { citeField, declaredValue, onField } from '../evidence-values';

const RECORD_IN_GOVERNANCE = 'under liaisons.security in governance reference/projects.yaml';

const messages = {
  governanceLiaisons: 'Security liaison(s) of team {{team}}: {{liaisons}} ({{ref}}).',
  implicitPtl:
    'No security liaison delegated: PTL {{ptl}} of team {{team}} is the implicit liaison ' +
    '({{ref}}).',
  noLiaisonDistributed:
    'Team {{team}} has distributed leadership and so no PTL, governance names no security ' +
    `liaison ({{ref}}), and the entry declares none: the team must add one ${RECORD_IN_GOVERNANCE}, ` +
    'and may declare it as liaison.',
  noLiaisonNoPtl:
    'Team {{team}} has no PTL, governance names no security liaison ({{ref}}), and the entry ' +
    `declares none: the team must add one ${RECORD_IN_GOVERNANCE}, and may declare it as liaison.`,
  declaredOnlyDistributed:
    'Security liaison: the entry declares {{declared}}. Team {{team}} has distributed leadership ' +
    'and so no PTL and governance names no security liaison ({{ref}}): ask the team to record ' +
    `them ${RECORD_IN_GOVERNANCE}.`,
  declaredOnlyNoPtl:
    'Security liaison: the entry declares {{declared}}. Team {{team}} has no PTL and governance ' +
    `names no security liaison ({{ref}}): ask the team to record them ${RECORD_IN_GOVERNANCE}.`,
  declaredUnknown:
    'The declared liaison {{declared}} is neither a security liaison nor the PTL of team ' +
    "{{team}} in governance ({{ref}}): add them to the team's liaisons.security in governance, " +
    'or declare the governance liaison.',
  noOwner:
    'No governance team owns the repository (see official-project), so no security liaison or ' +
    'PTL can be confirmed.',
} satisfies Record<string, string>;

type MessageId = keyof typeof messages;
type Context = RepositoryRuleContext<'governance', never, MessageId>;

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

/** The finding about the entry's declared liaison: on the `liaison` line, citing both sides. */
function aboutDeclared(
  change: Context['change'],
  declared: Person,
  team: GovernanceTeam,
): Pick<RuleReport<MessageId>, 'severity' | 'field' | 'line' | 'cite' | 'citations'> {
  return {
    severity: 'warning',
    ...onField(change, 'liaison'),
    cite: {
      ...declaredValue(change, 'liaison'),
      declared: personValue(declared),
      governance: teamValue(team),
    },
    citations: [citeField(change, 'liaison', `liaison: ${personText(declared)}`), citeTeam(team)],
  };
}

/** A declared liaison governance knows neither as a security liaison nor as the PTL. */
function checkDeclared({ change, report }: Context, team: GovernanceTeam): void {
  const declared = change.entry.declared.liaison;
  if (!declared) return;
  const known = [...team.securityLiaisons, ...(team.ptl ? [team.ptl] : [])];
  if (known.some((p) => samePerson(p, declared))) return;
  report({
    messageId: 'declaredUnknown',
    data: { declared: personText(declared), team: team.name, ref: refText(team.ref) },
    ...aboutDeclared(change, declared, team),
  });
}

/**
 * A team with neither a governance security liaison nor a PTL. If the entry declares a liaison,
 * the liaison is explicitly delegated (clause 6 is met), but governance should record it.
 */
function checkNoLiaison({ change, report }: Context, team: GovernanceTeam): void {
  const distributed = team.leadershipType === 'distributed';
  const data = { team: team.name, ref: refText(team.ref) };
  const declared = change.entry.declared.liaison;
  if (declared) {
    report({
      messageId: distributed ? 'declaredOnlyDistributed' : 'declaredOnlyNoPtl',
      data: { declared: personText(declared), ...data },
      ...aboutDeclared(change, declared, team),
    });
    return;
  }
  report({
    messageId: distributed ? 'noLiaisonDistributed' : 'noLiaisonNoPtl',
    data,
    severity: 'error',
    cite: teamValue(team),
    citations: [citeTeam(team)],
  });
}

function checkTeam(context: Context, team: GovernanceTeam): void {
  const { report } = context;
  const ref = refText(team.ref);
  if (team.securityLiaisons.length > 0) {
    const liaisons = team.securityLiaisons.map(personText).join(', ');
    report({
      messageId: 'governanceLiaisons',
      data: { team: team.name, liaisons, ref },
      severity: 'info',
      cite: teamValue(team),
      citations: [citeTeam(team)],
    });
  } else if (team.leadershipType === 'ptl' && team.ptl) {
    report({
      messageId: 'implicitPtl',
      data: { ptl: personText(team.ptl), team: team.name, ref },
      severity: 'info',
      cite: teamValue(team),
      citations: [citeTeam(team)],
    });
  } else {
    checkNoLiaison(context, team);
    return;
  }
  checkDeclared(context, team);
}

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'security-liaison',
    clause: '6',
    title: 'The team has a security liaison, or a PTL who is the implicit one.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['liaison'],
    needs: ['governance'],
    wants: [],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check(context) {
    const { owner } = context.evidence.governance;
    if (owner) {
      checkTeam(context, owner.team);
      return;
    }
    context.report({
      messageId: 'noOwner',
      severity: 'warning',
      cite: { owner: null },
      citations: [citeNotListed(context.evidence.governance, context.change.repository)],
    });
  },
});
