import type {
  GerritProject,
  GovernanceFacts,
  ProjectConfigFacts,
  RetiredDeliverable,
} from '../../evidence/types';
import { testRule } from '../../../test/helpers/rule-tester';
import {
  change,
  deliverable,
  entry,
  governance,
  LIST_FILE,
  ref,
  team,
} from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';

const cinder = team('cinder');
const ironic = team('ironic', { distributed: true });
const osBrick = deliverable('os-brick', cinder);
const charms = team('OpenStack Charms');

const RETIRED_ACL = '/home/gerrit2/acls/openstack/retired.config';
const PROJECTS_REF = 'reference/projects.yaml:120';
const LEGACY_REF = 'reference/legacy.yaml:77';

function gerrit(acl: string, commit?: string): ProjectConfigFacts {
  const at = ref('project-config', 'gerrit/projects.yaml', 1234);
  const project: GerritProject = {
    acl,
    description: acl.endsWith('retired.config') ? 'RETIRED, was a library' : 'A library',
    retired: acl.endsWith('/retired.config'),
    ref: commit === undefined ? at : { ...at, commit },
  };
  return { gerrit: project, zuul: null };
}

/** Cases that are not about project-config get an ordinary ACL. */
const ordinaryAcl = gerrit('/home/gerrit2/acls/openstack/ironic.config');

function legacy(deliverableName: string, retiredOn: string | null): RetiredDeliverable {
  return {
    team: 'ironic',
    deliverable: deliverableName,
    retiredOn,
    ref: ref('governance', 'reference/legacy.yaml', 77),
  };
}

const brick = 'openstack/os-brick';
const inspectorClient = 'openstack/python-ironic-inspector-client';
const inspectorDeliverable = 'python-ironic-inspector-client';
const inspectorLegacyOnly = governance(null, legacy(inspectorDeliverable, '2025-10-08'));
const inspectorLegacyData = {
  deliverable: inspectorDeliverable,
  team: 'ironic',
  retiredOn: '2025-10-08',
  ref: LEGACY_REF,
};
const brickOfficial = { deliverable: 'os-brick', team: 'cinder', ref: PROJECTS_REF };
const ACL_COMMIT = 'c7e4f290'.padEnd(40, '0');
const brickCitation = {
  source: 'governance',
  text: 'deliverable os-brick (team cinder)',
  file: 'reference/projects.yaml',
  repository: 'openstack/governance',
  line: 120,
} as const;

/** The head of a change to governance itself: openstack/zaqar-ui tagged in deliverable zaqar-ui of team zaqar. */
const zaqarUi = 'openstack/zaqar-ui';
const taggedZaqarUi = change('added', {
  ...entry(zaqarUi),
  governance: { team: 'zaqar', deliverable: 'zaqar-ui' },
});
const BASE = 'b'.repeat(40);

/** Governance read at the change's base (`revision`) or as of the date (null). */
function atBase(teams: Record<string, string[]>, revision: string | null = BASE): GovernanceFacts {
  return {
    owner: null,
    retired: null,
    projects: {
      ref: { source: 'governance', file: 'reference/projects.yaml', commit: BASE },
      revision,
      teams: new Map(Object.entries(teams)),
    },
  };
}
const createdData = {
  team: 'zaqar',
  deliverable: 'zaqar-ui',
  ref: 'reference/projects.yaml at commit bbbbbbbbbb',
};

testRule(rule, {
  valid: [
    {
      name: 'an official deliverable repository',
      change: change('added', entry(brick)),
      evidence: {
        governance: governance(osBrick),
        projectConfig: gerrit('/home/gerrit2/acls/openstack/cinder.config', ACL_COMMIT),
      },
      expect: [
        {
          messageId: 'official',
          data: brickOfficial,
          severity: 'info',
          citations: [
            brickCitation,
            {
              source: 'project-config',
              text: 'Gerrit ACL /home/gerrit2/acls/openstack/cinder.config',
              file: 'gerrit/projects.yaml',
              repository: 'openstack/project-config',
              line: 1234,
              commit: ACL_COMMIT,
              url: `https://opendev.org/openstack/project-config/src/commit/${ACL_COMMIT}/gerrit/projects.yaml#L1234`,
            },
          ],
        },
      ],
    },
    {
      name: 'a declared team matching case-insensitively',
      change: change('added', entry('openstack/charm-nova', { team: 'openstack charms' })),
      evidence: {
        governance: governance(deliverable('charm-nova', charms)),
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'official',
          data: { deliverable: 'charm-nova', team: 'OpenStack Charms', ref: PROJECTS_REF },
          severity: 'info',
        },
      ],
    },
    {
      name: 'listed in legacy.yaml and still owned: projects.yaml decides',
      change: change('added', entry('openstack/sushy')),
      evidence: {
        governance: governance(deliverable('sushy', ironic), legacy('sushy', '2020-01-01')),
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'alsoRetired',
          data: {
            deliverable: 'sushy',
            team: 'ironic',
            retiredOn: '2020-01-01',
            ref: LEGACY_REF,
            owner: 'ironic',
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'listed undated in legacy.yaml and still owned: projects.yaml decides',
      change: change('added', entry('openstack/sushy')),
      evidence: {
        governance: governance(deliverable('sushy', ironic), legacy('sushy', null)),
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'alsoRetiredUndated',
          data: { deliverable: 'sushy', team: 'ironic', ref: LEGACY_REF, owner: 'ironic' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a legacy retirement dated after the date does not count yet',
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(
          deliverable(inspectorDeliverable, ironic),
          legacy(inspectorDeliverable, '2025-10-08'),
        ),
        projectConfig: ordinaryAcl,
      },
      asOf: '2025-10-07',
      expect: [
        {
          messageId: 'official',
          data: { deliverable: inspectorDeliverable, team: 'ironic', ref: PROJECTS_REF },
          severity: 'info',
        },
      ],
    },
    {
      name: 'listed only in legacy.yaml, retired after the date: official on the date',
      change: change('added', entry(inspectorClient)),
      evidence: { governance: inspectorLegacyOnly, projectConfig: ordinaryAcl },
      asOf: '2025-10-07',
      expect: [{ messageId: 'retiredLater', data: inspectorLegacyData, severity: 'info' }],
    },
    {
      name: 'retired after the date, a declared team matching the legacy team',
      change: change('added', entry(inspectorClient, { team: 'Ironic' })),
      evidence: { governance: inspectorLegacyOnly, projectConfig: ordinaryAcl },
      asOf: '2025-10-07',
      expect: [{ messageId: 'retiredLater', data: inspectorLegacyData, severity: 'info' }],
    },
    {
      name: 'a deprecated deliverable',
      change: change('audited', entry('openstack/ironic-lib')),
      evidence: {
        governance: governance(
          deliverable('ironic-lib', ironic, {
            releaseManagement: 'deprecated',
            deprecated: '2025.1',
          }),
        ),
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'deprecatedSince',
          data: { deliverable: 'ironic-lib', team: 'ironic', ref: PROJECTS_REF, since: '2025.1' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a deprecated deliverable without a date',
      change: change('audited', entry('openstack/ironic-lib')),
      evidence: {
        governance: governance(
          deliverable('ironic-lib', ironic, { releaseManagement: 'deprecated' }),
        ),
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'deprecated',
          data: { deliverable: 'ironic-lib', team: 'ironic', ref: PROJECTS_REF },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a wrong team on a modified entry that did not touch it: a warning',
      change: change('modified', entry(brick, { team: 'nova' }), { changedFields: ['tracker'] }),
      evidence: { governance: governance(osBrick), projectConfig: ordinaryAcl },
      expect: [
        {
          messageId: 'wrongTeam',
          data: { declared: 'nova', team: 'cinder', deliverable: 'os-brick', ref: PROJECTS_REF },
          severity: 'warning',
          field: 'team',
          line: 11,
          citations: [
            { source: 'list', text: 'team: nova', file: LIST_FILE, line: 11 },
            brickCitation,
          ],
        },
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry('openstack/not-here')),
      evidence: { governance: governance(null), projectConfig: gerrit(RETIRED_ACL) },
      expect: [],
    },
    {
      name: 'governance list: the change creates the deliverable of a team official at base',
      change: taggedZaqarUi,
      format: 'governance',
      evidence: { governance: atBase({ zaqar: ['zaqar'] }), projectConfig: ordinaryAcl },
      expect: [{ messageId: 'createdAtBase', data: createdData, severity: 'warning' }],
    },
    {
      name: 'governance list: the change adds the repository to a deliverable of base (team case differs)',
      change: taggedZaqarUi,
      format: 'governance',
      evidence: {
        governance: atBase({ Zaqar: ['zaqar', 'zaqar-ui'] }),
        projectConfig: ordinaryAcl,
      },
      expect: [{ messageId: 'addedToDeliverableAtBase', data: createdData, severity: 'warning' }],
    },
  ],
  invalid: [
    {
      name: 'official, project-config unavailable: the retired ACL is unchecked, never a pass',
      change: change('added', entry(brick)),
      evidence: { governance: governance(osBrick) },
      missing: { projectConfig: 'no --project-config given' },
      expect: [
        {
          unavailable: 'projectConfig',
          reason: /^project-config is unavailable \(no --project-config given\).*retired ACL/,
        },
        { messageId: 'official', data: brickOfficial, severity: 'info' },
      ],
    },
    {
      name: 'not official, project-config unavailable: the governance error still stands',
      change: change('added', entry('openstack/not-here')),
      evidence: { governance: governance(null) },
      missing: { projectConfig: 'no --project-config given' },
      expect: [
        { unavailable: 'projectConfig', reason: 'retired ACL' },
        { messageId: 'notOfficial', severity: 'error' },
      ],
    },
    {
      name: 'governance unavailable: nothing is judged',
      change: change('added', entry(brick)),
      evidence: { projectConfig: ordinaryAcl },
      missing: { governance: 'no --governance given' },
      expect: [{ unavailable: 'governance', reason: 'no --governance given' }],
    },
    {
      name: 'not in projects.yaml',
      change: change('added', entry('openstack/not-here')),
      evidence: { governance: governance(null), projectConfig: ordinaryAcl },
      expect: [
        {
          messageId: 'notOfficial',
          severity: 'error',
          citations: [
            {
              source: 'governance',
              text: 'no deliverable lists openstack/not-here',
              file: 'reference/projects.yaml',
              repository: 'openstack/governance',
            },
          ],
        },
      ],
    },
    {
      name: 'retired in legacy.yaml before the date',
      change: change('added', entry(inspectorClient)),
      evidence: { governance: inspectorLegacyOnly, projectConfig: ordinaryAcl },
      asOf: '2026-08-21',
      expect: [{ messageId: 'notOfficialRetired', data: inspectorLegacyData, severity: 'error' }],
    },
    {
      name: 'an undated legacy.yaml entry counts as retired',
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(null, legacy(inspectorDeliverable, null)),
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'notOfficialRetiredUndated',
          data: { deliverable: inspectorDeliverable, team: 'ironic', ref: LEGACY_REF },
          severity: 'error',
        },
      ],
    },
    {
      name: 'retired ACL in Gerrit while governance still lists it',
      change: change('added', entry(brick)),
      evidence: { governance: governance(osBrick), projectConfig: gerrit(RETIRED_ACL) },
      expect: [{ messageId: 'retiredAcl', data: { acl: RETIRED_ACL }, severity: 'error' }],
    },
    {
      name: 'not official and retired in Gerrit',
      change: change('added', entry('openstack/castellan-ui')),
      evidence: {
        governance: governance(null, legacy('castellan-ui', '2019-05-22')),
        projectConfig: gerrit(RETIRED_ACL),
      },
      expect: [
        {
          messageId: 'notOfficialRetired',
          data: {
            deliverable: 'castellan-ui',
            team: 'ironic',
            retiredOn: '2019-05-22',
            ref: LEGACY_REF,
          },
          severity: 'error',
        },
        { messageId: 'retiredAcl', data: { acl: RETIRED_ACL }, severity: 'error' },
      ],
    },
    {
      name: 'retired after the date, a declared team other than the legacy team',
      change: change('added', entry(inspectorClient, { team: 'nova' })),
      evidence: { governance: inspectorLegacyOnly, projectConfig: ordinaryAcl },
      asOf: '2025-10-07',
      expect: [
        {
          messageId: 'wrongLegacyTeam',
          data: {
            declared: 'nova',
            team: 'ironic',
            deliverable: inspectorDeliverable,
            ref: LEGACY_REF,
          },
          severity: 'error',
          field: 'team',
          line: 11,
        },
        { messageId: 'retiredLater', data: inspectorLegacyData, severity: 'info' },
      ],
    },
    {
      name: 'retired after the date, a retired ACL in project-config that is not a git checkout',
      change: change('added', entry(inspectorClient)),
      evidence: { governance: inspectorLegacyOnly, projectConfig: gerrit(RETIRED_ACL) },
      asOf: '2025-10-07',
      expect: [
        {
          unavailable: 'projectConfig',
          reason: /retired ACL.*retired it only on 2025-10-08.*git checkout/,
        },
        { messageId: 'retiredLater', data: inspectorLegacyData, severity: 'info' },
      ],
    },
    {
      name: 'retired after the date, a retired ACL in project-config read as of the date',
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: inspectorLegacyOnly,
        projectConfig: gerrit(RETIRED_ACL, 'f'.repeat(40)),
      },
      asOf: '2025-10-07',
      expect: [
        { messageId: 'retiredAcl', data: { acl: RETIRED_ACL }, severity: 'error' },
        { messageId: 'retiredLater', data: inspectorLegacyData, severity: 'info' },
      ],
    },
    {
      name: 'a declared team that does not own the repository',
      change: change('added', entry(brick, { team: 'nova' })),
      evidence: { governance: governance(osBrick), projectConfig: ordinaryAcl },
      expect: [
        {
          messageId: 'wrongTeam',
          data: { declared: 'nova', team: 'cinder', deliverable: 'os-brick', ref: PROJECTS_REF },
          severity: 'error',
          field: 'team',
          line: 11,
        },
      ],
    },
    {
      name: 'governance list: the change creates the team too',
      change: taggedZaqarUi,
      format: 'governance',
      evidence: { governance: atBase({ nova: ['nova'] }), projectConfig: ordinaryAcl },
      expect: [{ messageId: 'newTeamAtBase', data: createdData, severity: 'error' }],
    },
    {
      name: 'governance list read as of the date, not at base: not official',
      change: taggedZaqarUi,
      format: 'governance',
      evidence: { governance: atBase({ zaqar: ['zaqar'] }, null), projectConfig: ordinaryAcl },
      expect: [{ messageId: 'notOfficial', severity: 'error' }],
    },
    {
      name: 'native list, governance with the team: not official',
      change: change('added', entry(zaqarUi)),
      evidence: { governance: atBase({ zaqar: ['zaqar'] }), projectConfig: ordinaryAcl },
      expect: [{ messageId: 'notOfficial', severity: 'error' }],
    },
    {
      name: 'governance list: a retired repository tagged again stays an error',
      change: taggedZaqarUi,
      format: 'governance',
      evidence: {
        governance: { ...atBase({ zaqar: ['zaqar'] }), retired: legacy('zaqar-ui', '2020-01-01') },
        projectConfig: ordinaryAcl,
      },
      expect: [
        {
          messageId: 'notOfficialRetired',
          data: {
            deliverable: 'zaqar-ui',
            team: 'ironic',
            retiredOn: '2020-01-01',
            ref: LEGACY_REF,
          },
          severity: 'error',
        },
      ],
    },
  ],
});

describe('official-project metadata', () => {
  it('needs governance, wants project-config, skips deleted entries', () => {
    expect(rule.meta.needs).toEqual(['governance']);
    expect(rule.meta.wants).toEqual(['projectConfig']);
    expect(rule.appliesTo(change('removed', entry(brick)))).toBe(false);
    expect(rule.appliesTo(change('modified', entry(brick)))).toBe(true);
  });
});
