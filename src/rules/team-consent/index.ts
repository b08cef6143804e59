import type { ChangeFacts, GerritAccount, GovernanceTeam } from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryChange, RepositoryRule, RuleResult } from '../types';

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
export const rule: RepositoryRule<'change' | 'governance', never> = {
  scope: 'repository',
  meta: {
    id: 'team-consent',
    clause: 'Updating',
    title: "The team's PTL or a security liaison uploaded or approved the change.",
    defaultSeverity: 'warning',
    canBlock: false,
  },
  appliesTo: (change) => change.kind === 'added' || change.kind === 'removed',
  needs: () => ['change', 'governance'],
  wants: () => [],
  check({ change, evidence }): RuleResult[] {
    const owner = evidence.governance.owner;
    if (!owner) return [noTeam(change, evidence.change)];
    const team = owner.team;
    const consenters = consentersOf(team);
    const base = baseEvidence(evidence.change, team, consenters);
    if (consenters.length === 0) {
      return [
        {
          severity: 'warning',
          message:
            `Cannot check the consent of team "${team.name}" for ${change.kind === 'added' ? 'adding' : 'removing'} ` +
            `${change.repository}: governance names no PTL or security liaison with an email ` +
            'address for it (the Updating section).',
          evidence: base,
        },
      ];
    }
    const found = consent(evidence.change, consenters);
    if (found) return [];
    return [
      {
        severity: 'warning',
        message:
          `Change ${evidence.change.number} was neither uploaded nor approved (Code-Review +1 or ` +
          `more) by the PTL or a security liaison of team "${team.name}", which is responsible for ` +
          `${change.repository} (the Updating section): ask ${names(consenters)} to review it.` +
          (anyEmail(evidence.change)
            ? ''
            : ' Gerrit showed no email address for the uploader or the reviewers.'),
        evidence: base,
      },
    ];
  },
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

function noTeam(change: RepositoryChange, facts: ChangeFacts): RuleResult {
  // A removal of a repository governance no longer lists (retired) has no team left to ask.
  const removal = change.kind === 'removed';
  return {
    severity: removal ? 'info' : 'warning',
    message:
      `Cannot check team consent for ${removal ? 'removing' : 'adding'} ${change.repository}: ` +
      'no official team in governance lists it as a deliverable repository (the Updating section).',
    evidence: { change: facts.url, team: null },
  };
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
