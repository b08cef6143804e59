import type { ChangeFacts, GerritAccount, GovernanceTeam } from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import { citeNotListed, citeTeam } from '../../openstack/cite';
import { defineRule } from '../define';
import { citeEntry, citeField } from '../evidence-values';
import { citeChange } from './cite';
import type { RepositoryChange } from '../types';

const NOT_CONSENTED =
  'Change {{number}} was neither uploaded nor approved (Code-Review +1 or more) by the PTL or a ' +
  'security liaison of team "{{team}}", which is responsible for {{repository}}: ask ' +
  '{{consenters}} to review it.';

/** Someone whose consent counts: the team's PTL or one of its security liaisons. */
interface Consenter {
  role: 'PTL' | 'security liaison';
  name: string | null;
  email: string;
}

/**
 * The policy's premise and its "Updating" section: the responsible team agrees to the change.
 * Not blocking by default (warning); `rules: {team-consent: error}` in `.vmt-oversight.yaml`
 * makes a missing consent block. `canBlock: false` keeps missing Gerrit data from blocking too.
 */
export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'team-consent',
    clause: 'Updating',
    title: "The team's PTL or a security liaison uploaded or approved the change.",
    defaultSeverity: 'warning',
    canBlock: false,
    needs: ['change', 'governance'],
    wants: [],
    messages: {
      notConsented: NOT_CONSENTED,
      notConsentedNoEmail: `${NOT_CONSENTED} Gerrit showed no email address for the uploader or the reviewers.`,
      noConsenters:
        'Cannot check the consent of team "{{team}}" for {{action}} {{repository}}: governance ' +
        'names no PTL or security liaison with an email address for it.',
      noTeamForAddition:
        'Cannot check team consent for adding {{repository}}: no official team in governance ' +
        'lists it as a deliverable repository.',
      movedToUnknownTeam:
        'Cannot check team consent for moving {{repository}} to team "{{team}}": governance as ' +
        'read names team "{{owner}}" for it, so the new team\'s PTL and liaisons are not known. ' +
        'Ask the PTL or a security liaison of "{{team}}" to review the change.',
      noTeamForMove:
        'Cannot check team consent for moving {{repository}}: no official team in governance ' +
        'lists it as a deliverable repository.',
      noTeamForRemoval:
        'Cannot check team consent for removing {{repository}}: no official team in governance ' +
        'lists it as a deliverable repository.',
    },
  },
  // A base entry of a list made to mean every official repository is not the team's removal: the
  // removal rule settles whether it stays overseen.
  appliesTo: (change) =>
    change.kind === 'added' || (change.kind === 'removed' && !change.widened) || isMove(change),
  check({ change, evidence, report }) {
    const { repository } = change;
    const owner = evidence.governance.owner;
    if (!owner) {
      // A removal of a repository governance no longer lists (retired) has no team left to ask.
      const removal = change.kind === 'removed';
      report({
        messageId: removal
          ? 'noTeamForRemoval'
          : isMove(change)
            ? 'noTeamForMove'
            : 'noTeamForAddition',
        data: { repository },
        severity: removal ? 'info' : 'warning',
        cite: { change: evidence.change.url, team: null },
        citations: [citeNotListed(evidence.governance, repository), ...citeChange(evidence.change)],
      });
      return;
    }
    const team = owner.team;
    const newTeam = isMove(change)
      ? (change.entry.governance?.team ?? change.entry.declared.team)
      : undefined;
    if (newTeam !== undefined && newTeam !== team.name) {
      // Governance read at base (a governance-format list) still names the old team.
      report({
        messageId: 'movedToUnknownTeam',
        data: { repository, team: newTeam, owner: team.name },
        severity: 'warning',
        cite: { change: evidence.change.url, team: newTeam, governanceTeam: team.name },
        citations: [citeNewTeam(change, newTeam), citeTeam(team), ...citeChange(evidence.change)],
      });
      return;
    }
    const consenters = consentersOf(team);
    const cite = baseEvidence(evidence.change, team, consenters);
    const citations = [citeTeam(team), ...citeChange(evidence.change)];
    if (consenters.length === 0) {
      const action = ACTION[change.kind];
      report({
        messageId: 'noConsenters',
        data: { team: team.name, action, repository },
        severity: 'warning',
        cite,
        citations,
      });
      return;
    }
    if (consent(evidence.change, consenters)) return;
    report({
      messageId: anyEmail(evidence.change) ? 'notConsented' : 'notConsentedNoEmail',
      data: {
        number: evidence.change.number,
        team: team.name,
        repository,
        consenters: names(consenters),
      },
      severity: 'warning',
      cite,
      citations,
    });
  },
});

/** Where the change names the new team: the entry's `team` field, or its governance deliverable. */
function citeNewTeam(change: RepositoryChange, newTeam: string) {
  if (change.entry.declared.team !== undefined) {
    return citeField(change, 'team', `team: ${newTeam}`);
  }
  return citeEntry(change, `entry ${change.repository}, team ${newTeam}`);
}

/** A listed repository that moves to another team or deliverable: the new team must agree. */
function isMove(change: RepositoryChange): boolean {
  return change.kind === 'modified' && change.changedFields.includes('team');
}

const ACTION: Record<RepositoryChange['kind'], string> = {
  added: 'adding',
  removed: 'removing',
  modified: 'moving',
  audited: 'keeping',
};

function consentersOf(team: GovernanceTeam): Consenter[] {
  const people = [
    ...(team.ptl ? [{ role: 'PTL' as const, person: team.ptl }] : []),
    ...team.securityLiaisons.map((person) => ({ role: 'security liaison' as const, person })),
  ];
  return people
    .filter((p) => p.person.email !== undefined && p.person.email.trim() !== '')
    .map((p) => ({ role: p.role, name: p.person.name ?? null, email: p.person.email as string }));
}

/** How one of the consenters took part: uploaded (owner or uploader) or voted Code-Review ≥ +1. */
function consent(facts: ChangeFacts, consenters: Consenter[]): boolean {
  const emails = new Set(consenters.map((c) => normal(c.email)));
  const involved = [
    facts.owner,
    facts.uploader,
    ...facts.codeReview.filter((v) => v.value >= 1).map((v) => v.account),
  ];
  return involved.some(
    (account) => account.email !== undefined && emails.has(normal(account.email)),
  );
}

function baseEvidence(
  facts: ChangeFacts,
  team: GovernanceTeam,
  consenters: Consenter[],
): EvidenceRecord {
  return {
    change: facts.url,
    revision: facts.currentRevision,
    team: team.name,
    governance: `${team.ref.file}${team.ref.line !== undefined ? `:${team.ref.line}` : ''}`,
    consenters: consenters.map((c) => `${c.role}: ${label(c.name, c.email)}`),
    owner: accountLabel(facts.owner),
    uploader: accountLabel(facts.uploader),
    codeReview: facts.codeReview.map(
      (v) => `${v.value > 0 ? '+' : ''}${v.value} ${accountLabel(v.account)}`,
    ),
  };
}

function names(consenters: Consenter[]): string {
  const labels = consenters.map((c) => `${c.role} ${label(c.name, c.email)}`);
  return labels.length === 1 ? (labels[0] as string) : `one of ${labels.join(', ')}`;
}

function anyEmail(facts: ChangeFacts): boolean {
  return [facts.owner, facts.uploader, ...facts.codeReview.map((v) => v.account)].some(
    (a) => a.email !== undefined,
  );
}

function accountLabel(account: GerritAccount): string {
  return account.email !== undefined
    ? label(account.name ?? null, account.email)
    : (account.name ?? account.username ?? `account ${account.accountId}`);
}

function label(name: string | null, email: string): string {
  return name ? `${name} <${email}>` : `<${email}>`;
}

function normal(email: string): string {
  return email.trim().toLowerCase();
}
