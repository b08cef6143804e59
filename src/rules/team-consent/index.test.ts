import type { ChangeFacts, GerritAccount, GovernanceFacts } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import type { Person } from '../../list/model';
import type { ChangeKind, RepositoryChange } from '../types';
import { judgeCase, testRule } from '../../../test/helpers/rule-tester';
import { rule } from '.';

const PTL: Person = { name: 'Pat Lead', email: 'ptl@example.org' };
const LIAISON: Person = { name: 'Sam Secure', email: 'Sam.Secure@Example.org' };
const STRANGER: GerritAccount = { accountId: 9, name: 'Ann Other', email: 'ann@example.org' };

function account(id: number, email?: string): GerritAccount {
  return { accountId: id, name: `user ${id}`, ...(email ? { email } : {}) };
}

function change(kind: ChangeKind, repository = 'openstack/sushy'): RepositoryChange {
  const entry = {
    name: repository,
    location: { file: 'list.yaml', line: 7 },
    declared: {},
    fieldLines: {},
  };
  return { kind, repository, entry, before: kind === 'added' ? null : entry, changedFields: [] };
}

function governance(
  team: { ptl?: Person | null; security?: Person[]; distributed?: boolean } | null,
): GovernanceFacts {
  if (team === null) return { owner: null, retired: null };
  const ref = { source: 'governance' as const, file: 'reference/projects.yaml', line: 40 };
  const distributed = team.distributed ?? false;
  return {
    owner: {
      name: 'sushy',
      repos: ['openstack/sushy'],
      releaseManagement: null,
      deprecated: null,
      ref,
      team: {
        name: 'ironic',
        leadershipType: distributed ? 'distributed' : 'ptl',
        ptl: distributed ? null : team.ptl === undefined ? PTL : team.ptl,
        securityLiaisons: team.security ?? [],
        ref,
      },
    },
    retired: null,
  };
}

function facts(
  uploader: GerritAccount,
  votes: [GerritAccount, number][] = [],
  owner: GerritAccount = uploader,
): ChangeFacts {
  return {
    number: 912345,
    project: 'openstack/ossa',
    status: 'NEW',
    currentRevision: 'a'.repeat(40),
    owner,
    uploader,
    codeReview: votes.map(([a, value]) => ({ account: a, value })),
    url: 'https://review.example.org/c/openstack/ossa/+/912345',
  };
}

const URL = 'https://review.example.org/c/openstack/ossa/+/912345';
const repository = 'openstack/sushy';
const team = 'ironic';
const asError = { 'team-consent': 'error' } as const;

/** A listed repository moved to `newTeam`: native (declared team) or governance format. */
function moved(newTeam: string, format: 'native' | 'governance' = 'native'): RepositoryChange {
  const base = change('modified');
  const entry =
    format === 'native'
      ? { ...base.entry, declared: { team: newTeam } }
      : { ...base.entry, governance: { team: newTeam, deliverable: 'sushy' } };
  return { ...base, entry, changedFields: ['team'] };
}

/** The change as the rule sees it, with governance and Gerrit evidence. */
function input(kind: ChangeKind, gov: GovernanceFacts, gerrit: ChangeFacts) {
  return { change: change(kind), evidence: { governance: gov, change: gerrit } };
}

const nobodyOfTheTeam = input(
  'added',
  governance({ security: [LIAISON] }),
  facts(STRANGER, [[account(3, 'core@example.org'), 2]]),
);

const gerrit = (text: string): Citation => ({
  source: 'gerrit',
  text,
  repository: 'openstack/ossa',
  commit: 'a'.repeat(40),
  url: URL,
});
const projects = (text: string, line?: number): Citation => ({
  source: 'governance',
  text,
  repository: 'openstack/governance',
  file: 'reference/projects.yaml',
  ...(line !== undefined ? { line } : {}),
});
const ptlTeam = projects('team ironic, PTL Pat Lead <ptl@example.org>, no security liaison', 40);
const liaisonTeam = projects(
  'team ironic, security liaison Sam Secure <Sam.Secure@Example.org>',
  40,
);
const notListed = projects(`no deliverable lists ${repository}`);
const byStranger = gerrit('change 912345, uploaded by Ann Other <ann@example.org>');
const noApproval = gerrit('change 912345, no Code-Review +1 or more');

const bothConsenters =
  'one of PTL Pat Lead <ptl@example.org>, security liaison Sam Secure <Sam.Secure@Example.org>';

const strangerRemoval = input('removed', governance({}), facts(STRANGER));

testRule(rule, {
  valid: [
    {
      name: "a base entry of a list made to mean every official repository is not the team's removal",
      ...strangerRemoval,
      change: { ...strangerRemoval.change, widened: true },
      expect: [],
    },
    {
      name: 'the PTL uploaded it',
      ...input('added', governance({}), facts(account(1, 'ptl@example.org'))),
      expect: [],
    },
    {
      name: 'the PTL owns the change, someone else uploaded the patch set',
      ...input('added', governance({}), facts(STRANGER, [], account(1, 'ptl@example.org'))),
      expect: [],
    },
    {
      name: 'the PTL voted Code-Review +1 (email case differs)',
      ...input('added', governance({}), facts(STRANGER, [[account(1, 'PTL@Example.ORG'), 1]])),
      expect: [],
    },
    {
      name: 'a security liaison voted Code-Review +2',
      ...input(
        'added',
        governance({ security: [LIAISON] }),
        facts(STRANGER, [[account(2, ' sam.secure@example.org'), 2]]),
      ),
      expect: [],
    },
    {
      name: 'a security liaison of a distributed team uploaded it',
      ...input(
        'added',
        governance({ distributed: true, security: [LIAISON] }),
        facts(account(2, 'sam.secure@example.org')),
      ),
      expect: [],
    },
    {
      name: 'removal approved by the PTL',
      ...input('removed', governance({}), facts(STRANGER, [[account(1, 'ptl@example.org'), 1]])),
      expect: [],
    },
    {
      name: 'nobody of the team took part',
      ...nobodyOfTheTeam,
      expect: [
        {
          messageId: 'notConsented',
          data: { number: 912345, team, repository, consenters: bothConsenters },
          severity: 'warning',
          citations: [
            liaisonTeam,
            byStranger,
            gerrit('Code-Review +2 by user 3 <core@example.org>'),
          ],
        },
      ],
    },
    {
      name: 'the PTL voted Code-Review -1',
      ...input('added', governance({}), facts(STRANGER, [[account(1, 'ptl@example.org'), -1]])),
      expect: [
        {
          messageId: 'notConsented',
          data: { number: 912345, team, repository, consenters: 'PTL Pat Lead <ptl@example.org>' },
          severity: 'warning',
          citations: [ptlTeam, byStranger, noApproval],
        },
      ],
    },
    {
      name: 'the PTL voted 0 (a reviewer without a vote)',
      ...input('added', governance({}), facts(STRANGER, [[account(1, 'ptl@example.org'), 0]])),
      expect: [
        {
          messageId: 'notConsented',
          data: { number: 912345, team, repository, consenters: 'PTL Pat Lead <ptl@example.org>' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a name match is not enough',
      ...input('added', governance({}), facts({ accountId: 1, name: 'Pat Lead' })),
      expect: [
        {
          messageId: 'notConsentedNoEmail',
          data: { number: 912345, team, repository, consenters: 'PTL Pat Lead <ptl@example.org>' },
          severity: 'warning',
          citations: [ptlTeam, gerrit('change 912345, uploaded by Pat Lead'), noApproval],
        },
      ],
    },
    {
      name: 'governance names nobody with an email',
      ...input(
        'added',
        governance({ ptl: { name: 'No Mail' }, security: [{ name: 'Nor Here' }] }),
        facts(account(1, 'ptl@example.org')),
      ),
      expect: [
        {
          messageId: 'noConsenters',
          data: { team, action: 'adding', repository },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a removal whose team names nobody with an email',
      ...input('removed', governance({ ptl: null }), facts(STRANGER)),
      expect: [
        {
          messageId: 'noConsenters',
          data: { team, action: 'removing', repository },
          severity: 'warning',
          line: null,
          citations: [
            projects('team ironic, no PTL, no security liaison', 40),
            byStranger,
            noApproval,
          ],
        },
      ],
    },
    {
      name: 'an added repository no team lists',
      ...input('added', governance(null), facts(STRANGER)),
      expect: [
        {
          messageId: 'noTeamForAddition',
          data: { repository },
          severity: 'warning',
          citations: [notListed, byStranger, noApproval],
        },
      ],
    },
    {
      name: 'a removed repository no team lists any more',
      ...input('removed', governance(null), facts(STRANGER)),
      expect: [
        {
          messageId: 'noTeamForRemoval',
          data: { repository },
          severity: 'info',
          citations: [notListed, byStranger, noApproval],
        },
      ],
    },
    {
      name: 'a modified entry whose team did not change is not judged',
      ...input('modified', governance({}), facts(STRANGER)),
      expect: [],
    },
    {
      name: 'a repository moved to the team governance names: its PTL uploaded it',
      change: moved(team),
      evidence: { governance: governance({}), change: facts(account(1, PTL.email)) },
      expect: [],
    },
    {
      name: 'a repository moved to the team governance names: the new team is asked',
      change: moved(team),
      evidence: { governance: governance({ security: [LIAISON] }), change: facts(STRANGER) },
      expect: [
        {
          messageId: 'notConsented',
          data: { number: 912345, team, repository, consenters: bothConsenters },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a governance-format move judged against governance at base, which names the old team',
      change: moved('bifrost', 'governance'),
      evidence: { governance: governance({}), change: facts(STRANGER) },
      expect: [
        {
          messageId: 'movedToUnknownTeam',
          data: { repository, team: 'bifrost', owner: team },
          severity: 'warning',
          citations: [
            {
              source: 'list',
              text: `entry ${repository}, team bifrost`,
              file: 'list.yaml',
              line: 7,
            },
            ptlTeam,
            byStranger,
            noApproval,
          ],
        },
      ],
    },
    {
      name: 'a moved repository no team lists',
      change: moved(team),
      evidence: { governance: governance(null), change: facts(STRANGER) },
      expect: [
        {
          messageId: 'noTeamForMove',
          data: { repository },
          severity: 'warning',
          citations: [notListed, byStranger, noApproval],
        },
      ],
    },
    {
      name: 'without the Gerrit change: a warning, never a block',
      change: change('added'),
      evidence: { governance: governance({}) },
      missing: { change: 'no --gerrit/--change given' },
      expect: [
        { unavailable: 'change', severity: 'warning', reason: 'no --gerrit/--change given' },
      ],
    },
    {
      // The rule cannot block by nature (canBlock: false), whatever its configured severity.
      name: 'configured as an error, missing Gerrit data still only warns',
      change: change('added'),
      evidence: { governance: governance({}) },
      missing: { change: 'no --gerrit/--change given' },
      severities: asError,
      expect: [
        { unavailable: 'change', severity: 'warning', reason: 'no --gerrit/--change given' },
      ],
    },
    {
      name: 'configured off: nothing is said',
      ...nobodyOfTheTeam,
      severities: { 'team-consent': 'off' },
      expect: [],
    },
  ],
  invalid: [
    {
      name: 'configured as an error, a missing consent blocks',
      ...nobodyOfTheTeam,
      severities: asError,
      expect: [
        {
          messageId: 'notConsented',
          data: { number: 912345, team, repository, consenters: bothConsenters },
          severity: 'error',
        },
      ],
    },
  ],
});

describe('team-consent, beyond the table', () => {
  it('records the votes and the consenters as evidence', async () => {
    const [judged] = await judgeCase(rule, { name: 'evidence', ...nobodyOfTheTeam, expect: [] });
    expect(judged?.finding.evidence).toEqual({
      change: URL,
      revision: 'a'.repeat(40),
      team: 'ironic',
      governance: 'reference/projects.yaml:40',
      consenters: [
        'PTL: Pat Lead <ptl@example.org>',
        'security liaison: Sam Secure <Sam.Secure@Example.org>',
      ],
      owner: 'Ann Other <ann@example.org>',
      uploader: 'Ann Other <ann@example.org>',
      codeReview: ['+2 user 3 <core@example.org>'],
    });
  });

  it('cites the change even when no team lists the repository', async () => {
    const [judged] = await judgeCase(rule, {
      name: 'no team',
      ...input('added', governance(null), facts(STRANGER)),
      expect: [],
    });
    expect(judged?.finding.evidence).toEqual({ change: URL, team: null });
  });

  it('applies to added and removed repositories only', () => {
    expect(
      (['added', 'removed', 'modified', 'audited'] as const).map((k) => rule.appliesTo(change(k))),
    ).toEqual([true, true, false, false]);
  });

  it('needs the change and governance, warns by default and cannot block unless configured', () => {
    expect(rule.meta.needs).toEqual(['change', 'governance']);
    expect(rule.meta).toMatchObject({
      id: 'team-consent',
      clause: 'Updating',
      defaultSeverity: 'warning',
      canBlock: false,
    });
  });

  it('renders the message users read with the clause at the end', async () => {
    const [judged] = await judgeCase(rule, { name: 'text', ...nobodyOfTheTeam, expect: [] });
    expect(judged?.finding.message).toBe(
      'Change 912345 was neither uploaded nor approved (Code-Review +1 or more) by the PTL or a ' +
        'security liaison of team "ironic", which is responsible for openstack/sushy: ask ' +
        `${bothConsenters} to review it (policy: Updating).`,
    );
  });
});
