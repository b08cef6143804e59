import type { GerritProject, ProjectConfigFacts, RetiredDeliverable } from '../../evidence/types';
import type { Expected, RunInput } from '../test-helpers';
import {
  change,
  deliverable,
  entry,
  governance,
  mismatches,
  ref,
  runRule,
  team,
} from '../test-helpers';
import { rule } from './index';

const cinder = team('cinder');
const ironic = team('ironic', { distributed: true });
const osBrick = deliverable('os-brick', cinder);
const charms = team('OpenStack Charms');

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

const RETIRED_ACL = '/home/gerrit2/acls/openstack/retired.config';

/** Cases that are not about project-config get an ordinary ACL. */
function withAcl(input: RunInput): RunInput {
  if (input.missing?.projectConfig) return input;
  const acl = gerrit('/home/gerrit2/acls/openstack/ironic.config');
  return { ...input, evidence: { projectConfig: acl, ...input.evidence } };
}

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

const cases: [string, RunInput, Expected[]][] = [
  [
    'an official deliverable repository',
    {
      change: change('added', entry(brick)),
      evidence: {
        governance: governance(osBrick),
        projectConfig: gerrit('/home/gerrit2/acls/openstack/cinder.config'),
      },
    },
    [{ severity: 'info', message: ['deliverable os-brick of team cinder'] }],
  ],
  [
    'official, project-config unavailable: the retired ACL is unchecked, never a pass',
    {
      change: change('added', entry(brick)),
      evidence: { governance: governance(osBrick) },
      missing: { projectConfig: 'no --project-config given' },
    },
    [
      {
        unavailable: 'projectConfig',
        reason: ['project-config is unavailable (no --project-config given)', 'retired ACL'],
      },
      { severity: 'info', message: ['deliverable os-brick of team cinder'] },
    ],
  ],
  [
    'not official, project-config unavailable: the governance error still stands',
    {
      change: change('added', entry('openstack/not-here')),
      evidence: { governance: governance(null) },
      missing: { projectConfig: 'no --project-config given' },
    },
    [
      { unavailable: 'projectConfig', reason: ['retired ACL'] },
      { severity: 'error', message: ['No official team'] },
    ],
  ],
  [
    'a declared team matching case-insensitively',
    {
      change: change('added', entry('openstack/charm-nova', { team: 'openstack charms' })),
      evidence: { governance: governance(deliverable('charm-nova', charms)) },
    },
    [{ severity: 'info' }],
  ],
  [
    'not in projects.yaml',
    {
      change: change('added', entry('openstack/not-here')),
      evidence: { governance: governance(null) },
    },
    [{ severity: 'error', message: ['No official team', 'clause 2'] }],
  ],
  [
    'retired in legacy.yaml before the date',
    {
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(null, legacy('python-ironic-inspector-client', '2025-10-08')),
      },
      asOf: '2026-08-21',
    },
    [{ severity: 'error', message: ['retired on 2025-10-08', 'reference/legacy.yaml:77'] }],
  ],
  [
    'retired ACL in Gerrit while governance still lists it',
    {
      change: change('added', entry(brick)),
      evidence: {
        governance: governance(osBrick),
        projectConfig: gerrit('/home/gerrit2/acls/openstack/retired.config'),
      },
    },
    [{ severity: 'error', message: ['retired ACL', 'retired.config'] }],
  ],
  [
    'not official and retired in Gerrit',
    {
      change: change('added', entry('openstack/castellan-ui')),
      evidence: {
        governance: governance(null, legacy('castellan-ui', '2019-05-22')),
        projectConfig: gerrit('/home/gerrit2/acls/openstack/retired.config'),
      },
    },
    [{ severity: 'error' }, { severity: 'error', message: ['retired ACL'] }],
  ],
  [
    'listed in legacy.yaml and still owned: projects.yaml decides',
    {
      change: change('added', entry('openstack/sushy')),
      evidence: {
        governance: governance(deliverable('sushy', ironic), legacy('sushy', '2020-01-01')),
      },
    },
    [{ severity: 'warning', message: ['legacy.yaml also lists'] }],
  ],
  [
    'a legacy retirement dated after the date does not count yet',
    {
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(
          deliverable('python-ironic-inspector-client', ironic),
          legacy('python-ironic-inspector-client', '2025-10-08'),
        ),
      },
      asOf: '2025-10-07',
    },
    [{ severity: 'info' }],
  ],
  [
    'listed only in legacy.yaml, retired after the date: official on the date',
    {
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(null, legacy('python-ironic-inspector-client', '2025-10-08')),
      },
      asOf: '2025-10-07',
    },
    [{ severity: 'info', message: ['retired later', 'retired on 2025-10-08', 'legacy.yaml:77'] }],
  ],
  [
    'retired after the date, a declared team matching the legacy team',
    {
      change: change('added', entry(inspectorClient, { team: 'Ironic' })),
      evidence: {
        governance: governance(null, legacy('python-ironic-inspector-client', '2025-10-08')),
      },
      asOf: '2025-10-07',
    },
    [{ severity: 'info', message: ['retired later'] }],
  ],
  [
    'retired after the date, a declared team other than the legacy team',
    {
      change: change('added', entry(inspectorClient, { team: 'nova' })),
      evidence: {
        governance: governance(null, legacy('python-ironic-inspector-client', '2025-10-08')),
      },
      asOf: '2025-10-07',
    },
    [
      {
        severity: 'error',
        field: 'team',
        message: ["declares team 'nova'", "legacy.yaml lists the repository under team 'ironic'"],
      },
      { severity: 'info', message: ['retired later'] },
    ],
  ],
  [
    'retired after the date, a retired ACL in project-config that is not a git checkout',
    {
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(null, legacy('python-ironic-inspector-client', '2025-10-08')),
        projectConfig: gerrit(RETIRED_ACL),
      },
      asOf: '2025-10-07',
    },
    [
      {
        unavailable: 'projectConfig',
        reason: ['retired ACL', 'retired it only on 2025-10-08', 'git checkout'],
      },
      { severity: 'info', message: ['retired later'] },
    ],
  ],
  [
    'retired after the date, a retired ACL in project-config read as of the date',
    {
      change: change('added', entry(inspectorClient)),
      evidence: {
        governance: governance(null, legacy('python-ironic-inspector-client', '2025-10-08')),
        projectConfig: gerrit(RETIRED_ACL, 'f'.repeat(40)),
      },
      asOf: '2025-10-07',
    },
    [
      { severity: 'error', message: ['retired ACL'] },
      { severity: 'info', message: ['retired later'] },
    ],
  ],
  [
    'an undated legacy.yaml entry counts as retired',
    {
      change: change('added', entry(inspectorClient)),
      evidence: { governance: governance(null, legacy('python-ironic-inspector-client', null)) },
    },
    [{ severity: 'error', message: ['No official team', 'retired (undated)'] }],
  ],
  [
    'a declared team that does not own the repository',
    {
      change: change('added', entry(brick, { team: 'nova' })),
      evidence: { governance: governance(osBrick) },
    },
    [
      {
        severity: 'error',
        field: 'team',
        message: ["declares team 'nova'", "set team to 'cinder'"],
      },
    ],
  ],
  [
    'a deprecated deliverable',
    {
      change: change('audited', entry('openstack/ironic-lib')),
      evidence: {
        governance: governance(
          deliverable('ironic-lib', ironic, {
            releaseManagement: 'deprecated',
            deprecated: '2025.1',
          }),
        ),
      },
    },
    [{ severity: 'warning', message: ['deprecated since 2025.1'] }],
  ],
];

describe('official-project', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, withAcl(input)), expected)).toEqual([]);
  });

  it('needs governance, wants project-config, skips deleted entries', () => {
    const added = change('added', entry(brick));
    expect(rule.needs(added)).toEqual(['governance']);
    expect(rule.wants(added)).toEqual(['projectConfig']);
    expect(runRule(rule, { change: added })).toBe('evidence-unavailable');
    expect(rule.appliesTo(change('removed', entry(brick)))).toBe(false);
  });
});
