import type { ChangeFacts, GerritAccount, GovernanceFacts } from '../../evidence/types';
import type { Person } from '../../list/model';
import type { Severity } from '../../findings/finding';
import type { ChangeKind, RepositoryChange, RuleResult } from '../types';
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

function run(kind: ChangeKind, gov: GovernanceFacts, change_: ChangeFacts): RuleResult[] {
  return rule.check({
    change: change(kind),
    evidence: { governance: gov, change: change_ },
    missing: {},
    settings: { asOf: '2026-06-01', listFile: 'list.yaml', format: 'native' },
  });
}

interface Case {
  name: string;
  kind?: ChangeKind;
  governance: GovernanceFacts;
  change: ChangeFacts;
  expected: { severity: Severity; message: string[] }[];
}

const cases: Case[] = [
  {
    name: 'the PTL uploaded it',
    governance: governance({}),
    change: facts(account(1, 'ptl@example.org')),
    expected: [],
  },
  {
    name: 'the PTL owns the change, someone else uploaded the patch set',
    governance: governance({}),
    change: facts(STRANGER, [], account(1, 'ptl@example.org')),
    expected: [],
  },
  {
    name: 'the PTL voted Code-Review +1 (email case differs)',
    governance: governance({}),
    change: facts(STRANGER, [[account(1, 'PTL@Example.ORG'), 1]]),
    expected: [],
  },
  {
    name: 'a security liaison voted Code-Review +2',
    governance: governance({ security: [LIAISON] }),
    change: facts(STRANGER, [[account(2, ' sam.secure@example.org'), 2]]),
    expected: [],
  },
  {
    name: 'a security liaison of a distributed team uploaded it',
    governance: governance({ distributed: true, security: [LIAISON] }),
    change: facts(account(2, 'sam.secure@example.org')),
    expected: [],
  },
  {
    name: 'removal approved by the PTL',
    kind: 'removed',
    governance: governance({}),
    change: facts(STRANGER, [[account(1, 'ptl@example.org'), 1]]),
    expected: [],
  },
  {
    name: 'nobody of the team took part',
    governance: governance({ security: [LIAISON] }),
    change: facts(STRANGER, [[account(3, 'core@example.org'), 2]]),
    expected: [
      {
        severity: 'warning',
        message: ['912345', 'team "ironic"', 'Pat Lead <ptl@example.org>', 'Sam Secure'],
      },
    ],
  },
  {
    name: 'the PTL voted Code-Review -1',
    governance: governance({}),
    change: facts(STRANGER, [[account(1, 'ptl@example.org'), -1]]),
    expected: [{ severity: 'warning', message: ['neither uploaded nor approved', 'PTL Pat Lead'] }],
  },
  {
    name: 'the PTL voted 0 (a reviewer without a vote)',
    governance: governance({}),
    change: facts(STRANGER, [[account(1, 'ptl@example.org'), 0]]),
    expected: [{ severity: 'warning', message: ['neither uploaded nor approved'] }],
  },
  {
    name: 'a name match is not enough',
    governance: governance({}),
    change: facts({ accountId: 1, name: 'Pat Lead' }),
    expected: [{ severity: 'warning', message: ['no email address'] }],
  },
  {
    name: 'governance names nobody with an email',
    governance: governance({ ptl: { name: 'No Mail' }, security: [{ name: 'Nor Here' }] }),
    change: facts(account(1, 'ptl@example.org')),
    expected: [{ severity: 'warning', message: ['Cannot check the consent of team "ironic"'] }],
  },
  {
    name: 'an added repository no team lists',
    governance: governance(null),
    change: facts(STRANGER),
    expected: [{ severity: 'warning', message: ['Cannot check team consent for adding'] }],
  },
  {
    name: 'a removed repository no team lists any more',
    kind: 'removed',
    governance: governance(null),
    change: facts(STRANGER),
    expected: [{ severity: 'info', message: ['Cannot check team consent for removing'] }],
  },
];

describe('team-consent', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const results = run(c.kind ?? 'added', c.governance, c.change);
    expect(results.map((r) => r.severity)).toEqual(c.expected.map((e) => e.severity));
    results.forEach((result, i) => {
      for (const part of c.expected[i]?.message ?? []) expect(result.message).toContain(part);
      expect(Object.keys(result.evidence).length).toBeGreaterThan(0);
      expect(result.evidence.change).toBe('https://review.example.org/c/openstack/ossa/+/912345');
    });
  });

  it('records the votes and the consenters as evidence', () => {
    const [result] = run(
      'added',
      governance({ security: [LIAISON] }),
      facts(STRANGER, [[account(3, 'core@example.org'), 2]]),
    );
    expect(result?.evidence).toEqual({
      change: 'https://review.example.org/c/openstack/ossa/+/912345',
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

  it('applies to added and removed repositories only', () => {
    expect(
      (['added', 'removed', 'modified', 'audited'] as const).map((k) => rule.appliesTo(change(k))),
    ).toEqual([true, true, false, false]);
  });

  it('needs the change and governance, warns by default and cannot block unless configured', () => {
    expect(rule.needs(change('added'))).toEqual(['change', 'governance']);
    expect(rule.meta).toMatchObject({
      id: 'team-consent',
      clause: 'Updating',
      defaultSeverity: 'warning',
      canBlock: false,
    });
  });
});
