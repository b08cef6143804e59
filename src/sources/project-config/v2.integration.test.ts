/**
 * project-config before Zuul v3, as a real git repository: a project-written 2016 layout
 * (zuul/layout.yaml) and gerrit/projects.yaml, then the 2017-10 move to zuul.d/.
 */
import { createTempRepo, type TempRepo } from '../../../test/helpers/temp-git';
import { ProjectConfigSource } from './source';
import { ZUUL_LAYOUT_MAX_BYTES } from './zuul-layout';

const GERRIT_2016 = `- project: openstack/sushy
  description: Sushy is a small Python library to communicate with Redfish based systems
- project: stackforge/billingstack
  description: Billing software
  acl-config: /home/gerrit2/acls/stackforge/retired.config
`;

const LAYOUT_2016 = `includes:
  - python-file: openstack_functions.py

pipelines:
  - name: check
    manager: IndependentPipelineManager
  - name: gate
    manager: DependentPipelineManager

project-templates:
  - name: merge-check
    merge-check:
      - noop

  - name: python-jobs
    check:
      - 'gate-{name}-docs'
      - 'gate-{name}-pep8'
      - 'gate-{name}-python27'
    gate:
      - 'gate-{name}-docs'
      - 'gate-{name}-pep8'
      - 'gate-{name}-python27'
    post:
      - '{name}-branch-tarball'

  - name: publish-to-pypi
    pre-release:
      - '{name}-tarball':
        - '{name}-pypi-both-upload'
    release:
      - '{name}-tarball'

jobs:
  - name: ^.*$
    parameter-function: set_node_options
  - name: ^.*-nv$
    voting: false
  - name: ^gate-.*-python34$
    branch: ^(?!stable/(juno|kilo)).*$
  - name: gate-sushy-python34
    branch:
      - master
      - ^stable/mitaka$

projects:
  - name: openstack/sushy
    template:
      - name: merge-check
      - name: python-jobs
      - name: publish-to-pypi
    check:
      - gate-sushy-python34
      - gate-sushy-python35-nv
      - gate-sushy-tempest-dsvm-full:
        - gate-sushy-tempest-dsvm-multinode
    gate:
      - gate-sushy-python34

  - name: stackforge/billingstack
    template:
      - name: merge-check
      - name: noop-jobs
`;

const V3_PROJECTS = `- project:
    name: openstack/sushy
    templates:
      - official-openstack-repo-jobs
`;

let repo: TempRepo;
const source = (asOf: string, dir = repo.dir) => new ProjectConfigSource({ dir, asOf });

beforeAll(() => {
  repo = createTempRepo({ prefix: 'vmt-project-config-2016-' });
  repo.write('gerrit/projects.yaml', GERRIT_2016);
  repo.write('zuul/layout.yaml', LAYOUT_2016);
  repo.commit('2016 project-config', '2016-06-01T12:00:00Z');
  repo.git('rm', '--quiet', 'zuul/layout.yaml');
  repo.write('zuul.d/projects.yaml', V3_PROJECTS);
  repo.commit('Zuul v3', '2017-10-20T12:00:00Z');
});
afterAll(() => repo.cleanup());

describe('project-config before Zuul v3 (zuul/layout.yaml)', () => {
  it('reads the project, its templates and jobs, with the jobs: section applied', async () => {
    const facts = await source('2016-07-01').facts('openstack/sushy');
    expect(facts.zuul).toEqual({
      templates: ['merge-check', 'python-jobs', 'publish-to-pypi'],
      pipelines: {
        check: [
          { name: 'gate-sushy-python34', voting: true, branches: ['master', '^stable/mitaka$'] },
          { name: 'gate-sushy-python35-nv', voting: false, branches: null },
          { name: 'gate-sushy-tempest-dsvm-full', voting: true, branches: null },
          { name: 'gate-sushy-tempest-dsvm-multinode', voting: true, branches: null },
        ],
        gate: [
          { name: 'gate-sushy-python34', voting: true, branches: ['master', '^stable/mitaka$'] },
        ],
      },
      ref: expect.objectContaining({ file: 'zuul/layout.yaml', line: 47 }),
    });
    expect(facts.zuulV2?.templatePipelines).toEqual({
      'merge-check': ['merge-check'],
      'python-jobs': ['check', 'gate', 'post'],
      'publish-to-pypi': ['pre-release', 'release'],
    });
    expect(facts.zuulV2?.ref).toMatchObject({ source: 'project-config', file: 'zuul/layout.yaml' });
    expect(facts.gerrit).toMatchObject({ retired: false, acl: null });
  });

  it('reads the retired ACL of 2016 (clause 2) and answers null for an unlisted project', async () => {
    const retired = await source('2016-07-01').facts('stackforge/billingstack');
    expect(retired.gerrit).toMatchObject({
      retired: true,
      acl: '/home/gerrit2/acls/stackforge/retired.config',
      ref: expect.objectContaining({ file: 'gerrit/projects.yaml', line: 3 }),
    });
    const unlisted = await source('2016-07-01').facts('openstack/unknown');
    expect(unlisted).toMatchObject({ gerrit: null, zuul: null });
    expect(unlisted.zuulV2).toBeDefined();
  });

  it('reads zuul.d/ once it exists, without the v2 marker', async () => {
    const facts = await source('2018-01-01').facts('openstack/sushy');
    expect(facts.zuulV2).toBeUndefined();
    expect(facts.zuul?.templates).toEqual(['official-openstack-repo-jobs']);
  });
});

describe('a v2 layout this reader refuses, with a reason that is true', () => {
  function variant(layout: string | null): TempRepo {
    const other = createTempRepo({ prefix: 'vmt-project-config-v2-' });
    other.write('gerrit/projects.yaml', GERRIT_2016);
    if (layout !== null) other.write('zuul/layout.yaml', layout);
    other.commit('variant', '2016-06-01T12:00:00Z');
    return other;
  }

  it.each([
    ['neither layout', null, /has neither zuul\.d\/projects\.yaml .* nor zuul\/layout\.yaml/],
    [
      'a list, not the v2 mapping',
      '- project: x\n',
      /zuul\/layout\.yaml line 1 .*not a Zuul v2 layout/,
    ],
    ['not YAML', 'projects: [\n', /zuul\/layout\.yaml.*is not valid YAML/],
    [
      'over the size cap',
      `projects: []\n#${'x'.repeat(ZUUL_LAYOUT_MAX_BYTES)}\n`,
      /over the \d+ cap/,
    ],
  ])('%s', async (_name, layout, reason) => {
    const other = variant(layout);
    try {
      await expect(source('2016-07-01', other.dir).facts('openstack/sushy')).rejects.toThrow(
        reason,
      );
    } finally {
      other.cleanup();
    }
  });

  it('a job entry of an unknown shape makes only that project unavailable', async () => {
    const other = variant(
      'projects:\n  - name: openstack/sushy\n    check:\n      - [a, b]\n  - name: openstack/x\n',
    );
    try {
      await expect(source('2016-07-01', other.dir).facts('openstack/sushy')).rejects.toThrow(
        'zuul/layout.yaml line 4 check job: expected a job name',
      );
      await expect(source('2016-07-01', other.dir).facts('openstack/x')).resolves.toMatchObject({
        zuul: { templates: [], pipelines: {} },
      });
    } finally {
      other.cleanup();
    }
  });
});
