import type { Expected, RunInput } from '../test-helpers';
import { change, deliverable, entry, governance, mismatches, runRule, team } from '../test-helpers';
import { rule } from './index';

const sec = { name: 'Sec Person', email: 'sec@example.org' };
const ptl = { name: 'Pat Lead', email: 'ptl@example.org' };
const cinder = governance(deliverable('os-brick', team('cinder', { ptl, security: [sec] })));
const swift = governance(deliverable('swift', team('swift', { ptl })));
const ironicNoLiaison = governance(deliverable('sushy', team('ironic', { distributed: true })));
const ironic = governance(
  deliverable('sushy', team('ironic', { distributed: true, security: [sec] })),
);

const cases: [string, RunInput, Expected[]][] = [
  [
    'a governance security liaison',
    { change: change('added', entry('openstack/os-brick')), evidence: { governance: cinder } },
    [{ severity: 'info', message: ['Sec Person <sec@example.org>'] }],
  ],
  [
    'the PTL as implicit liaison',
    { change: change('added', entry('openstack/swift')), evidence: { governance: swift } },
    [{ severity: 'info', message: ['PTL Pat Lead', 'implicit liaison'] }],
  ],
  [
    'a distributed-leadership team with a security liaison',
    { change: change('added', entry('openstack/sushy')), evidence: { governance: ironic } },
    [{ severity: 'info' }],
  ],
  [
    'a distributed-leadership team without one',
    {
      change: change('added', entry('openstack/sushy')),
      evidence: { governance: ironicNoLiaison },
    },
    [{ severity: 'error', message: ['distributed leadership', 'liaisons.security', 'clause 6'] }],
  ],
  [
    'a distributed-leadership team without one, but a declared liaison: met, record it in governance',
    {
      change: change(
        'added',
        entry('openstack/sushy', { liaison: { name: 'Iris Ironic', email: 'iris@example.org' } }),
      ),
      evidence: { governance: ironicNoLiaison },
    },
    [
      {
        severity: 'warning',
        field: 'liaison',
        message: [
          'the entry declares Iris Ironic <iris@example.org>',
          'distributed leadership',
          'record them under liaisons.security in governance',
        ],
      },
    ],
  ],
  [
    'a team with no PTL recorded and no liaison anywhere: still an error',
    {
      change: change('added', entry('openstack/swift')),
      evidence: { governance: governance(deliverable('swift', { ...team('swift'), ptl: null })) },
    },
    [{ severity: 'error', message: ['has no PTL', 'the entry declares none'] }],
  ],
  [
    'a team with no PTL recorded, a declared liaison: a warning',
    {
      change: change('added', entry('openstack/swift', { liaison: { name: 'Sam Swift' } })),
      evidence: { governance: governance(deliverable('swift', { ...team('swift'), ptl: null })) },
    },
    [{ severity: 'warning', field: 'liaison', message: ['Sam Swift', 'has no PTL'] }],
  ],
  [
    'a declared liaison matching the governance liaison by e-mail',
    {
      change: change(
        'added',
        entry('openstack/os-brick', { liaison: { email: 'SEC@example.org' } }),
      ),
      evidence: { governance: cinder },
    },
    [{ severity: 'info' }],
  ],
  [
    'a declared liaison matching the PTL by name',
    {
      change: change('added', entry('openstack/swift', { liaison: { name: 'pat lead' } })),
      evidence: { governance: swift },
    },
    [{ severity: 'info' }],
  ],
  [
    'a declared liaison unknown to governance',
    {
      change: change(
        'added',
        entry('openstack/os-brick', {
          liaison: { name: 'Someone Else', email: 'else@example.org' },
        }),
      ),
      evidence: { governance: cinder },
    },
    [
      { severity: 'info' },
      { severity: 'warning', field: 'liaison', message: ['Someone Else', 'neither'] },
    ],
  ],
  [
    'no owning team',
    {
      change: change('added', entry('openstack/nowhere')),
      evidence: { governance: governance(null) },
    },
    [{ severity: 'warning', message: ['official-project'] }],
  ],
];

describe('security-liaison', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('needs governance', () => {
    expect(runRule(rule, { change: change('added', entry('openstack/swift')) })).toBe(
      'evidence-unavailable',
    );
  });
});
