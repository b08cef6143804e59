import type {
  LocalTestEntryPoint,
  ProjectConfigFacts,
  ZuulInRepoConfig,
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
        message: ['openstack-python3-jobs', 'ironic-cross-sushy', 'merged with project-config'],
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
          zuul: inRepoZuul('zuul.yaml', [
            stanza('zuul.yaml', [], {
              check: jobs('x-functional'),
              gate: jobs({ name: 'x-functional', voting: false }),
            }),
          ]),
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
    'an unknown template is unverifiable, not "no tests"',
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
    [
      {
        severity: 'warning',
        message: ['Unverifiable', 'team-special-jobs', 'zuul-templates.yaml'],
      },
      localOk,
    ],
  ],
  [
    'project-config unavailable and no test in-repo: unverifiable',
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
    [{ severity: 'warning', message: ['no --project-config'] }, localOk],
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
    'an unreadable in-repo Zuul file makes "no tests" unverifiable',
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
    [{ severity: 'warning', message: ['could not be read', 'zuul.d/jobs.yaml line 3'] }, localOk],
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
];

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
