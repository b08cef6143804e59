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
