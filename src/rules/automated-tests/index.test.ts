import type {
  LocalTestEntryPoint,
  ProjectConfigFacts,
  ZuulInRepoConfig,
  ZuulJobDefinition,
} from '../../evidence/types';
import type { Expected, RunInput } from '../test-helpers';
import {
  change,
  entry,
  inRepoZuul,
  jobs,
  mismatches,
  ref,
  repository,
  runRule,
  stanza,
} from '../test-helpers';
import { rule } from './index';

const added = change('added', entry('openstack/sushy'));
const tox: LocalTestEntryPoint = {
  kind: 'tox',
  file: 'tox.ini',
  targets: ['py3', 'pep8', 'testenv:cover', 'testenv:docs'],
};
const localOk = { severity: 'info' as const, message: ['tox.ini'] };

function central(...templates: string[]): ProjectConfigFacts {
  return { gerrit: null, zuul: stanza('zuul.d/projects.yaml', templates, {}, 'project-config') };
}

const sushyZuul = inRepoZuul(
  'zuul.d',
  [
    stanza(
      'zuul.d/project.yaml',
      [
        'check-requirements',
        'openstack-cover-jobs',
        'openstack-python3-jobs',
        'publish-openstack-docs-pti',
        'release-notes-jobs-python3',
      ],
      {
        check: jobs('ironic-cross-sushy', 'sushy-tempest-bios-redfish-pxe'),
        gate: jobs('ironic-cross-sushy', 'sushy-tempest-bios-redfish-pxe'),
      },
    ),
  ],
  [['sushy-tempest-bios-redfish-pxe', 'ironic-tempest-bios-redfish-pxe']],
);

const osBrickZuul = inRepoZuul(
  '.zuul.yaml',
  [
    stanza(
      '.zuul.yaml',
      ['check-requirements', 'publish-openstack-docs-pti', 'release-notes-jobs-python3'],
      {
        check: jobs(
          { name: 'os-brick-code-coverage', voting: false },
          'os-brick-src-tempest-lvm-lio-barbican',
          {
            name: 'os-brick-mypy',
            voting: false,
          },
        ),
        gate: jobs('os-brick-src-tempest-lvm-lio-barbican'),
        experimental: jobs('openstack-tox-pylint'),
      },
    ),
  ],
  [
    ['os-brick-code-coverage', 'openstack-tox-cover'],
    ['os-brick-src-tempest-lvm-lio-barbican', 'cinder-tempest-plugin-lvm-lio-barbican'],
    ['os-brick-mypy', 'openstack-tox'],
  ],
);

function docsOnly(location: ZuulInRepoConfig['location'], file: string): ZuulInRepoConfig {
  return inRepoZuul(location, [
    stanza(file, ['publish-openstack-docs-pti', 'release-notes-jobs-python3']),
  ]);
}

const cases: [string, RunInput, Expected[]][] = [
  [
    'sushy: templates and jobs in zuul.d/, central non-test templates',
    {
      change: added,
      evidence: {
        repository: repository({ zuul: sushyZuul, testEntryPoints: [tox] }),
        projectConfig: central('official-openstack-repo-jobs', 'publish-to-pypi'),
      },
    },
    [
      {
        severity: 'info',
        message: [
          'openstack-python3-jobs',
          'sushy-tempest-bios-redfish-pxe',
          'merged with project-config',
        ],
      },
      localOk,
    ],
  ],
  [
    'os-brick: .zuul.yaml jobs only, defined in-repo',
    {
      change: added,
      evidence: {
        repository: repository({ zuul: osBrickZuul, testEntryPoints: [tox] }),
        projectConfig: central('official-openstack-repo-jobs', 'publish-to-pypi'),
      },
    },
    [
      {
        severity: 'info',
        message: ['os-brick-src-tempest-lvm-lio-barbican', 'os-brick-code-coverage'],
      },
      localOk,
    ],
  ],
  [
    'a test template only in project-config (.zuul.d/ docs only)',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: docsOnly('.zuul.d', '.zuul.d/project.yaml'),
          testEntryPoints: [tox],
        }),
        projectConfig: central('openstack-python-jobs', 'publish-to-pypi'),
      },
    },
    [{ severity: 'info', message: ['openstack-python-jobs', '.zuul.d'] }, localOk],
  ],
  [
    'deprecated repository: noop-jobs centrally, no in-repo config',
    {
      change: added,
      evidence: {
        repository: repository({ testEntryPoints: [] }),
        projectConfig: central(
          'official-openstack-repo-jobs',
          'publish-to-pypi-stable-only',
          'noop-jobs',
        ),
      },
    },
    [
      { severity: 'error', message: ['No automated test', 'noop-jobs', 'clause 7'] },
      { severity: 'warning', message: ['No locally runnable test entry point'] },
    ],
  ],
  [
    'no Zuul configuration anywhere',
    {
      change: added,
      evidence: {
        repository: repository({ testEntryPoints: [tox] }),
        projectConfig: { gerrit: null, zuul: null },
      },
    },
    [{ severity: 'error', message: ['no Zuul project configuration'] }, localOk],
  ],
  [
    'tests in check only (cover template, zuul.yaml)',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: inRepoZuul('zuul.yaml', [
            stanza('zuul.yaml', ['openstack-cover-jobs', 'publish-openstack-docs-pti']),
          ]),
          testEntryPoints: [tox],
        }),
        projectConfig: central('official-openstack-repo-jobs'),
      },
    },
    [{ severity: 'warning', message: ['in check only', 'to gate too'] }, localOk],
  ],
  [
    'a non-voting gate job does not count for gate',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: inRepoZuul(
            'zuul.yaml',
            [
              stanza('zuul.yaml', [], {
                check: jobs('x-functional'),
                gate: jobs({ name: 'x-functional', voting: false }),
              }),
            ],
            [['x-functional', 'openstack-tox']],
          ),
          testEntryPoints: [tox],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'warning', message: ['in check only'] }, localOk],
  ],
  [
    'a job that only runs on stable branches does not count on master',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: inRepoZuul('zuul.yaml', [
            stanza('zuul.yaml', ['publish-openstack-docs-pti'], {
              check: jobs({ name: 'x-grenade', branches: ['^stable/.*'] }),
              gate: jobs({ name: 'x-grenade', branches: ['^stable/.*'] }),
            }),
          ]),
          testEntryPoints: [tox],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'error', message: ['x-grenade'] }, localOk],
  ],
  [
    'an in-repo job whose parent is a docs job is not a test',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: inRepoZuul(
            'zuul.yaml',
            [
              stanza('zuul.yaml', [], {
                check: jobs('sushy-build-manual'),
                gate: jobs('sushy-build-manual'),
              }),
            ],
            [['sushy-build-manual', 'openstack-tox-docs']],
          ),
          testEntryPoints: [tox],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'error' }, localOk],
  ],
  [
    'an unknown template is unavailable, not "no tests"',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: inRepoZuul('zuul.d', [
            stanza('zuul.d/project.yaml', ['team-special-jobs', 'release-notes-jobs-python3']),
          ]),
          testEntryPoints: [tox],
        }),
        projectConfig: central('official-openstack-repo-jobs'),
      },
    },
    [{ unavailable: 'repository', reason: ['team-special-jobs', 'zuul-templates.yaml'] }, localOk],
  ],
  [
    'project-config unavailable and no test in-repo: unavailable',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: docsOnly('zuul.yaml', 'zuul.yaml'),
          testEntryPoints: [tox],
        }),
      },
      missing: { projectConfig: 'no --project-config' },
    },
    [{ unavailable: 'projectConfig', reason: ['no --project-config'] }, localOk],
  ],
  [
    'project-config unavailable but tests in-repo',
    {
      change: added,
      evidence: { repository: repository({ zuul: sushyZuul, testEntryPoints: [tox] }) },
      missing: { projectConfig: 'no --project-config' },
    },
    [{ severity: 'info' }, localOk],
  ],
  [
    'tox.ini with only lint and docs environments',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: sushyZuul,
          testEntryPoints: [
            { kind: 'tox', file: 'tox.ini', targets: ['pep8', 'docs'], bareTestenv: false },
          ],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'info' }, { severity: 'warning', message: ['none runs tests'] }],
  ],
  [
    'npm test and make test are local entry points',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: sushyZuul,
          testEntryPoints: [
            { kind: 'npm', file: 'package.json', targets: ['lint', 'test'] },
            { kind: 'make', file: 'Makefile', targets: ['test'] },
          ],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'info' }, { severity: 'info', message: ['package.json', 'Makefile'] }],
  ],
  [
    'a job defined non-voting in-repo does not count for gate',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: {
            ...inRepoZuul('zuul.yaml', [
              stanza('zuul.yaml', [], { check: jobs('x-tempest-nv'), gate: jobs('x-tempest-nv') }),
            ]),
            jobs: [
              {
                name: 'x-tempest-nv',
                parent: 'tempest-full-py3',
                voting: false,
                ref: ref('repository', 'zuul.yaml', 20),
              },
            ],
          },
          testEntryPoints: [tox],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'warning', message: ['in check only'] }, localOk],
  ],
  [
    'an unreadable in-repo Zuul file makes the CI part unavailable',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: {
            ...docsOnly('zuul.d', 'zuul.d/project.yaml'),
            problems: ['zuul.d/jobs.yaml line 3: invalid YAML'],
          },
          testEntryPoints: [tox],
        }),
        projectConfig: central('official-openstack-repo-jobs'),
      },
    },
    [{ unavailable: 'repository', reason: ['cannot be read', 'zuul.d/jobs.yaml line 3'] }, localOk],
  ],
  [
    'tox.ini with a bare [testenv] runs py3 even if only pep8 is listed',
    {
      change: added,
      evidence: {
        repository: repository({
          zuul: sushyZuul,
          testEntryPoints: [{ kind: 'tox', file: 'tox.ini', targets: ['pep8'], bareTestenv: true }],
        }),
        projectConfig: central(),
      },
    },
    [{ severity: 'info' }, { severity: 'info', message: ['tox.ini (pep8)'] }],
  ],
  ...hostileCases(),
];

function definition(
  name: string,
  parent: string | null,
  extra: Partial<ZuulJobDefinition> = {},
): ZuulJobDefinition {
  return { name, parent, ref: ref('repository', 'zuul.yaml', 30), ...extra };
}

function withJobs(
  pipelines: Record<string, ReturnType<typeof jobs>>,
  definitions: ZuulJobDefinition[],
  templates: string[] = [],
): ZuulInRepoConfig {
  return {
    ...inRepoZuul('zuul.yaml', [stanza('zuul.yaml', templates, pipelines)]),
    jobs: definitions,
  };
}

function ciOnly(zuul: ZuulInRepoConfig, name = 'openstack/sushy'): RunInput {
  return {
    change: added,
    evidence: {
      repository: { ...repository({ zuul, testEntryPoints: [tox] }), name },
      projectConfig: central('official-openstack-repo-jobs'),
    },
  };
}

/** What a hostile or careless in-repo configuration can claim, and what the rule concludes. */
function hostileCases(): [string, RunInput, Expected[]][] {
  const both = (name: string) => ({ check: jobs(name), gate: jobs(name) });
  return [
    [
      'an unreadable file beside a readable one with tests: unavailable, never a pass',
      ciOnly({ ...sushyZuul, problems: ['zuul.d/other.yaml line 1 is not valid YAML'] }),
      [{ unavailable: 'repository', reason: ['zuul.d/other.yaml'] }, localOk],
    ],
    [
      'a job defined nowhere the checker can see, alone: unavailable',
      ciOnly(withJobs(both('team-secret-tests'), [])),
      [{ unavailable: 'repository', reason: ['team-secret-tests', 'neither defined'] }, localOk],
    ],
    [
      'a central test job the catalog knows, listed in check and gate: pass',
      ciOnly(withJobs(both('openstack-tox-py312'), [])),
      [{ severity: 'info', message: ['openstack-tox-py312'] }, localOk],
    ],
    [
      'an in-repo redefinition of a central job (run: noop.yaml): unavailable, shadowing',
      ciOnly(withJobs(both('openstack-tox-py3'), [definition('openstack-tox-py3', null)])),
      [
        { unavailable: 'repository', reason: ['redefines job openstack-tox-py3', 'shadows'] },
        localOk,
      ],
    ],
    [
      'an in-repo project-template named like a catalog test template: unavailable',
      ciOnly({
        ...withJobs({}, [], ['openstack-python3-jobs']),
        templates: [
          { name: 'openstack-python3-jobs', stanza: stanza('zuul.yaml', [], both('noop')) },
        ],
      }),
      [{ unavailable: 'repository', reason: ['project-template openstack-python3-jobs'] }, localOk],
    ],
    [
      "the repository's own template is judged by its jobs: noop is not a test",
      ciOnly({
        ...withJobs({}, [], ['sushy-jobs']),
        templates: [{ name: 'sushy-jobs', stanza: stanza('zuul.yaml', [], both('noop')) }],
      }),
      [{ severity: 'error', message: ['noop'] }, localOk],
    ],
    [
      "the repository's own template with its own test job: pass",
      ciOnly({
        ...withJobs({}, [definition('sushy-unit', 'openstack-tox')], ['sushy-jobs']),
        templates: [{ name: 'sushy-jobs', stanza: stanza('zuul.yaml', [], both('sushy-unit')) }],
      }),
      [{ severity: 'info', message: ['sushy-unit'] }, localOk],
    ],
    [
      'voting: false inherited from an in-repo parent: gate does not count',
      ciOnly(
        withJobs(both('sushy-func'), [
          definition('sushy-func', 'sushy-func-base'),
          definition('sushy-func-base', 'devstack-tempest', { voting: false }),
        ]),
      ),
      [{ severity: 'warning', message: ['in check only'] }, localOk],
    ],
    [
      'an abstract job listed in the pipelines is not a test',
      ciOnly(withJobs(both('sushy-base'), [definition('sushy-base', null, { abstract: true })])),
      [{ severity: 'error', message: ['sushy-base'] }, localOk],
    ],
    [
      'the owner of a central job may define it (openstack-zuul-jobs)',
      ciOnly(
        withJobs(both('openstack-tox-py312'), [definition('openstack-tox-py312', 'openstack-tox')]),
        'openstack/openstack-zuul-jobs',
      ),
      [{ severity: 'info' }, localOk],
    ],
    [
      'a tox.ini that was not read: cannot tell, a warning (never a local pass)',
      {
        change: added,
        evidence: {
          repository: repository({
            zuul: sushyZuul,
            testEntryPoints: [
              { kind: 'tox', file: 'tox.ini', targets: [], unreadable: 'it is 9000000 bytes' },
            ],
          }),
          projectConfig: central(),
        },
      },
      [{ severity: 'info' }, { severity: 'warning', message: ['Cannot tell', 'tox.ini'] }],
    ],
  ];
}

describe('automated-tests', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('needs the repository', () => {
    expect(runRule(rule, { change: added, evidence: { projectConfig: central() } })).toBe(
      'evidence-unavailable',
    );
  });
});
