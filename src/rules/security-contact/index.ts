import type { GovernanceFacts, GovernanceTeam } from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import { personText, personValue, refText, refValue } from '../../openstack/evidence';
import { defineRule, type RepositoryRuleContext } from '../define';
import { citeOwningTeam } from '../../openstack/cite';
import { citeEntry, citeField, declaredValue, onField } from '../evidence-values';
import { judgeServices, serviceMessages } from './services';

const messages = {
  declaredGroup: "Security contact: tracker group '{{group}}'.",
  liaisonNoGroup:
    'No tracker.security-group declared: declare tracker.security-group (a group in the defect ' +
    'tracker the VMT can subscribe to new reports); governance names {{liaisons}} (team ' +
    '{{team}}, {{ref}}) as security liaison(s) who can serve as the contact.',
  noContact:
    'No security contact: the entry declares no tracker.security-group, and governance names no ' +
    'security liaison for the team either. The team must have a dedicated security point of ' +
    'contact, a group in its defect tracker the VMT can subscribe to new reports. Declare ' +
    'tracker.security-group.',
  governanceLiaisons:
    "Security contact: team {{team}}'s security liaison(s) {{liaisons}} ({{ref}}); their " +
    'tracker group cannot be read from the data.',
  unverifiableNoLiaison:
    'Unverifiable: governance names no security liaison for the team, and the list format ' +
    'declares no security contact. Ask the team to name its security contact group.',
  unverifiableNoGovernance:
    'Unverifiable: governance data unavailable: {{reason}}, and the list format declares no ' +
    'security contact. Ask the team to name its security contact group.',
  ...serviceMessages,
} satisfies Record<string, string>;

type Context = RepositoryRuleContext<
  never,
  'governance' | 'launchpad' | 'coreReviewers',
  keyof typeof messages
>;

/** Launchpad's security team and Gerrit's core reviewers, where the services answered. */
function checkServices({ change, evidence, report }: Context): void {
  const at = change.entry.declared.tracker ? onField(change, 'tracker') : {};
  for (const judgment of judgeServices(evidence.launchpad, evidence.coreReviewers)) {
    report({ ...judgment, ...at });
  }
}

/** The owning team, when governance names at least one security liaison for it. */
function teamWithLiaisons(governance: GovernanceFacts | undefined): GovernanceTeam | null {
  const team = governance?.owner?.team;
  return team && team.securityLiaisons.length > 0 ? team : null;
}

function liaisonsValue(governance: GovernanceFacts | undefined): EvidenceRecord | null {
  const team = governance?.owner?.team;
  if (!team) return null;
  return {
    team: team.name,
    securityLiaisons: team.securityLiaisons.map(personValue),
    ref: refValue(team.ref),
  };
}

function liaisonsData(team: GovernanceTeam): { team: string; liaisons: string; ref: string } {
  return {
    team: team.name,
    liaisons: team.securityLiaisons.map(personText).join(', '),
    ref: refText(team.ref),
  };
}

/** Native format: the entry states its group in `tracker.security-group`. */
function checkNative({ change, evidence, missing, report, unavailable }: Context): void {
  const group = change.entry.declared.tracker?.['security-group'];
  if (group !== undefined) {
    report({
      messageId: 'declaredGroup',
      data: { group },
      severity: 'info',
      ...onField(change, 'tracker'),
      cite: {
        ...declaredValue(change, 'tracker'),
        securityGroup: group,
        governance: liaisonsValue(evidence.governance),
      },
      citations: [citeField(change, 'tracker', `tracker.security-group: ${group}`)],
    });
    return;
  }
  const noGroup = citeEntry(change, `entry ${change.repository}, no tracker.security-group`);
  const citations = [noGroup, ...citeOwningTeam(evidence.governance, change.repository)];
  const cite = {
    list: change.entry.location.file,
    line: change.entry.location.line,
    securityGroup: null,
    governance: liaisonsValue(evidence.governance),
    governanceUnavailable: missing.governance ?? null,
  };
  // Governance security liaisons are a contact the VMT can reach, as for the rst and governance
  // formats; the group is still what the native format should say.
  const team = teamWithLiaisons(evidence.governance);
  if (team) {
    report({
      messageId: 'liaisonNoGroup',
      data: liaisonsData(team),
      severity: 'warning',
      ...onField(change, 'tracker'),
      cite,
      citations,
    });
    return;
  }
  if (missing.governance) {
    // Governance might name a liaison who can serve as the contact: that is for the data to say.
    unavailable(
      'governance',
      `the entry declares no tracker.security-group and governance data is unavailable ` +
        `(${missing.governance}), so whether a security liaison can serve as the contact is unknown`,
    );
    return;
  }
  report({
    messageId: 'noContact',
    severity: 'error',
    ...onField(change, 'tracker'),
    cite,
    citations,
  });
}

/** rst and governance formats declare nothing: the contact can only come from governance. */
function checkUndeclared({ change, evidence, missing, report }: Context): void {
  const teamCitations = citeOwningTeam(evidence.governance, change.repository);
  const governance = liaisonsValue(evidence.governance);
  const team = teamWithLiaisons(evidence.governance);
  if (team) {
    report({
      messageId: 'governanceLiaisons',
      data: liaisonsData(team),
      severity: 'info',
      cite: { governance },
      citations: teamCitations,
    });
    return;
  }
  const cite = { governance, governanceUnavailable: missing.governance ?? null };
  if (missing.governance) {
    report({
      messageId: 'unverifiableNoGovernance',
      data: { reason: missing.governance },
      severity: 'warning',
      cite,
      citations: [
        citeEntry(change, `entry ${change.repository}, no security contact in this format`),
      ],
    });
    return;
  }
  report({
    messageId: 'unverifiableNoLiaison',
    severity: 'warning',
    cite,
    citations: teamCitations,
  });
}

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'security-contact',
    clause: '5',
    title: 'The team has a dedicated security point of contact (a tracker group).',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['tracker'],
    needs: [],
    wants: ['governance', 'launchpad', 'coreReviewers'],
    messages,
  },
  appliesTo: (change) => change.kind !== 'removed',
  check(context) {
    if (context.settings.format === 'native') checkNative(context);
    else checkUndeclared(context);
    checkServices(context);
  },
});
