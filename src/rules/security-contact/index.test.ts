import type { Expected, RunInput } from '../test-helpers';
import { change, deliverable, entry, governance, mismatches, runRule, team } from '../test-helpers';
import { rule } from './index';

const brick = 'openstack/os-brick';
const withLiaison = governance(
  deliverable(
    'os-brick',
    team('cinder', { security: [{ name: 'Sec Person', email: 'sec@example.org' }] }),
  ),
);
const withoutLiaison = governance(deliverable('swift', team('swift')));

const cases: [string, RunInput, Expected[]][] = [
  [
    'native, security group declared',
    {
      change: change(
        'added',
        entry(brick, { tracker: { launchpad: 'os-brick', 'security-group': 'cinder-coresec' } }),
      ),
      evidence: { governance: withLiaison },
    },
    [{ severity: 'info', field: 'tracker', message: ["'cinder-coresec'"] }],
  ],
  [
    'native, no group but governance security liaisons: a warning, as rst gets an info',
    { change: change('added', entry(brick)), evidence: { governance: withLiaison } },
    [
      {
        severity: 'warning',
        field: 'tracker',
        message: [
          'declare tracker.security-group',
          'governance names Sec Person <sec@example.org> (team cinder',
          'as security liaison(s) who can serve as the contact',
          'clause 5',
        ],
      },
    ],
  ],
  [
    'native, a tracker without a group and no governance security liaison: error',
    {
      change: change('added', entry('openstack/swift', { tracker: { launchpad: 'swift' } })),
      evidence: { governance: withoutLiaison },
    },
    [
      {
        severity: 'error',
        field: 'tracker',
        message: ['No security contact', 'governance names no security liaison', 'clause 5'],
      },
    ],
  ],
  [
    'native, no group, not owned in governance: error',
    {
      change: change('added', entry('openstack/nowhere')),
      evidence: { governance: governance(null) },
    },
    [{ severity: 'error', field: 'tracker', message: ['No security contact'] }],
  ],
  [
    'native, a tracker without a group, governance unavailable',
    { change: change('added', entry(brick, { tracker: { launchpad: 'os-brick' } })) },
    [
      {
        unavailable: 'governance',
        reason: ['governance data is unavailable (no governance data)'],
      },
    ],
  ],
  [
    'rst, governance security liaison found',
    { change: change('added', entry(brick)), evidence: { governance: withLiaison }, format: 'rst' },
    [
      {
        severity: 'info',
        message: ["team cinder's security liaison(s) Sec Person <sec@example.org>"],
      },
    ],
  ],
  [
    'governance format, no liaison',
    {
      change: change('audited', entry('openstack/swift')),
      evidence: { governance: withoutLiaison },
      format: 'governance',
    },
    [{ severity: 'warning', message: ['Unverifiable', 'no security liaison'] }],
  ],
  [
    'rst, governance unavailable',
    {
      change: change('added', entry(brick)),
      missing: { governance: 'no --governance' },
      format: 'rst',
    },
    [{ severity: 'warning', message: ['no --governance'] }],
  ],
];

describe('security-contact', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });
});
