import { testRule } from '../../../test/helpers/rule-tester';
import {
  change,
  deliverable,
  entry,
  governance,
  LIST_FILE,
  team,
} from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';

const brick = 'openstack/os-brick';
const withLiaison = governance(
  deliverable(
    'os-brick',
    team('cinder', { security: [{ name: 'Sec Person', email: 'sec@example.org' }] }),
  ),
);
const withoutLiaison = governance(deliverable('swift', team('swift')));
const cinderLiaison = {
  team: 'cinder',
  liaisons: 'Sec Person <sec@example.org>',
  ref: 'reference/projects.yaml:100',
};
const withGroup = { tracker: { launchpad: 'os-brick', 'security-group': 'cinder-coresec' } };

testRule(rule, {
  valid: [
    {
      name: 'native, security group declared',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison },
      expect: [
        {
          messageId: 'declaredGroup',
          data: { group: 'cinder-coresec' },
          severity: 'info',
          field: 'tracker',
          line: 11,
        },
      ],
    },
    {
      name: 'native, security group declared, governance unavailable: it is not needed',
      change: change('added', entry(brick, withGroup)),
      expect: [
        {
          messageId: 'declaredGroup',
          data: { group: 'cinder-coresec' },
          severity: 'info',
          field: 'tracker',
          line: 11,
        },
      ],
    },
    {
      name: 'native, no group but governance security liaisons: a warning, as rst gets an info',
      change: change('added', entry(brick)),
      evidence: { governance: withLiaison },
      expect: [
        { messageId: 'liaisonNoGroup', data: cinderLiaison, severity: 'warning', field: 'tracker' },
      ],
    },
    {
      name: 'native, no contact on a modified entry that did not touch tracker: a warning',
      change: change('modified', entry('openstack/swift'), { changedFields: ['team'] }),
      evidence: { governance: withoutLiaison },
      expect: [{ messageId: 'noContact', severity: 'warning', field: 'tracker' }],
    },
    {
      name: 'rst, governance security liaison found',
      change: change('added', entry(brick)),
      evidence: { governance: withLiaison },
      format: 'rst',
      expect: [{ messageId: 'governanceLiaisons', data: cinderLiaison, severity: 'info' }],
    },
    {
      name: 'governance format, no liaison',
      change: change('audited', entry('openstack/swift')),
      evidence: { governance: withoutLiaison },
      format: 'governance',
      expect: [{ messageId: 'unverifiableNoLiaison', severity: 'warning' }],
    },
    {
      name: 'rst, governance unavailable',
      change: change('added', entry(brick)),
      missing: { governance: 'no --governance' },
      format: 'rst',
      expect: [
        {
          messageId: 'unverifiableNoGovernance',
          data: { reason: 'no --governance' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry(brick)),
      evidence: { governance: withoutLiaison },
      expect: [],
    },
  ],
  invalid: [
    {
      name: 'native, a tracker without a group and no governance security liaison: error',
      change: change('added', entry('openstack/swift', { tracker: { launchpad: 'swift' } })),
      evidence: { governance: withoutLiaison },
      expect: [
        {
          messageId: 'noContact',
          severity: 'error',
          field: 'tracker',
          line: 11,
          citations: [
            {
              source: 'list',
              text: 'entry openstack/swift, no tracker.security-group',
              file: LIST_FILE,
              line: 10,
            },
            {
              source: 'governance',
              text: 'team swift, PTL Pat Lead <ptl@example.org>, no security liaison',
              repository: 'openstack/governance',
              file: 'reference/projects.yaml',
              line: 100,
            },
          ],
        },
      ],
    },
    {
      name: 'native, no group, not owned in governance: error',
      change: change('added', entry('openstack/nowhere')),
      evidence: { governance: governance(null) },
      expect: [{ messageId: 'noContact', severity: 'error', field: 'tracker' }],
    },
    {
      name: 'native, a tracker without a group, governance unavailable',
      change: change('added', entry(brick, { tracker: { launchpad: 'os-brick' } })),
      expect: [
        {
          unavailable: 'governance',
          severity: 'error',
          reason: 'governance data is unavailable (no governance data in this case)',
        },
      ],
    },
  ],
});
