import { testRule } from '../../../test/helpers/rule-tester';
import {
  change,
  deliverable,
  entry,
  governance,
  LIST_FILE,
  team,
} from '../../../test/helpers/evidence-fixtures';
import type {
  CoreReviewerFacts,
  LaunchpadFacts,
  LaunchpadTeam,
  Lookup,
} from '../../evidence/types';
import { rule } from './index';

const LP = 'http://127.0.0.1:1/devel';
function coresec(
  lookup: Partial<LaunchpadTeam> | 'absent' | 'unknown',
  from: 'declared' | 'default' = 'declared',
): LaunchpadFacts {
  const team: Lookup<LaunchpadTeam> =
    lookup === 'absent'
      ? { state: 'absent', url: `${LP}/~cinder-coresec` }
      : lookup === 'unknown'
        ? { state: 'unknown', reason: 'Launchpad answers 404 for ~cinder-coresec' }
        : {
            state: 'found',
            url: `${LP}/~cinder-coresec`,
            value: {
              name: 'cinder-coresec',
              owner: 'openstack-admins',
              membershipPolicy: 'Restricted Team',
              visibility: 'Public',
              size: 2,
              members: [
                { name: 'alice', displayName: 'Alice' },
                { name: 'bob', displayName: 'Bob' },
              ],
              ...lookup,
            },
          };
  return {
    projectName: null,
    project: null,
    teamName: { name: 'cinder-coresec', from },
    team,
    vmtGrant: null,
  };
}
/** The core group with `count` members, alice first. */
function cores(count: number): CoreReviewerFacts {
  const names = ['alice', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'].slice(0, count);
  return {
    aclFiles: [{ source: 'project-config', file: 'gerrit/acls/openstack/cinder.config' }],
    groups: ['cinder-core'],
    members: [
      {
        state: 'found',
        url: 'http://127.0.0.1:1/groups/cinder-core/members/?recursive',
        value: {
          group: 'cinder-core',
          members: names.map((username, i) => ({ accountId: i + 1, username })),
        },
      },
    ],
  };
}
const declaredInfo = {
  messageId: 'declaredGroup',
  data: { group: 'cinder-coresec' },
  severity: 'info',
  field: 'tracker',
  line: 11,
} as const;
const teamFound = {
  messageId: 'teamFound',
  data: {
    team: 'cinder-coresec',
    policy: 'Restricted Team',
    owner: '~openstack-admins',
    size: '2',
  },
  severity: 'info',
  field: 'tracker',
  line: 11,
} as const;

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
    {
      name: 'Launchpad shows the declared team: restricted, owned by openstack-admins',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec({}) },
      expect: [declaredInfo, teamFound],
    },
    {
      name: 'a team owned by someone else is a warning',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec({ owner: 'cinder-drivers' }) },
      expect: [
        declaredInfo,
        {
          messageId: 'teamOwner',
          data: { team: 'cinder-coresec', owner: '~cinder-drivers' },
          severity: 'warning',
          field: 'tracker',
          line: 11,
        },
        { ...teamFound, data: { ...teamFound.data, owner: '~cinder-drivers' } },
      ],
    },
    {
      name: 'a redacted or missing membership policy is a warning that it cannot be verified',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec({ membershipPolicy: null }) },
      expect: [
        declaredInfo,
        {
          messageId: 'teamPolicyUnknown',
          data: { team: 'cinder-coresec', owner: '~openstack-admins', size: '2' },
          severity: 'warning',
          field: 'tracker',
          line: 11,
        },
      ],
    },
    {
      name: 'a private team (404) is cannot-tell: no finding beyond the declaration',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec('unknown'), coreReviewers: cores(3) },
      expect: [declaredInfo],
    },
    {
      name: 'more than five core reviewers and no coresec team found: the clause 5 warning',
      change: change('added', entry(brick)),
      evidence: {
        governance: withLiaison,
        launchpad: coresec('unknown', 'default'),
        coreReviewers: cores(6),
      },
      format: 'rst',
      expect: [
        { messageId: 'governanceLiaisons', data: cinderLiaison, severity: 'info' },
        {
          messageId: 'manyCores',
          data: { groups: 'cinder-core', count: '6', team: 'cinder-coresec' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'five core reviewers and no team: no warning',
      change: change('added', entry(brick)),
      evidence: {
        governance: withLiaison,
        launchpad: coresec('unknown', 'default'),
        coreReviewers: cores(5),
      },
      format: 'rst',
      expect: [{ messageId: 'governanceLiaisons', data: cinderLiaison, severity: 'info' }],
    },
    {
      name: 'coresec members who are not core reviewers: an info with the caveat',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec({}), coreReviewers: cores(7) },
      expect: [
        declaredInfo,
        teamFound,
        {
          messageId: 'notCore',
          data: { team: 'cinder-coresec', names: 'bob' },
          severity: 'info',
          field: 'tracker',
          line: 11,
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'an open team is an error',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec({ membershipPolicy: 'Open Team' }) },
      expect: [
        declaredInfo,
        {
          messageId: 'teamOpen',
          data: { team: 'cinder-coresec' },
          severity: 'error',
          field: 'tracker',
          line: 11,
        },
      ],
    },
    {
      name: 'the declared group is a person, not a team',
      change: change('added', entry(brick, withGroup)),
      evidence: { governance: withLiaison, launchpad: coresec('absent') },
      expect: [
        declaredInfo,
        {
          messageId: 'teamMissing',
          data: { team: 'cinder-coresec' },
          severity: 'error',
          field: 'tracker',
          line: 11,
        },
      ],
    },
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
