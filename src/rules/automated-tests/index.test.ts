import type {
  LocalTestEntryPoint,
  ProjectConfigFacts,
  RepositoryFacts,
  ZuulInRepoConfig,
  ZuulJobDefinition,
} from '../../evidence/types';
import type { EvidenceMap } from '../../evidence/types';
import { testRule, type Expected } from '../../../test/helpers/rule-tester';
import {
  change,
  entry,
  inRepoZuul,
  jobs,
  ref,
  repository,
  stanza,
} from '../../../test/helpers/evidence-fixtures';
import type { Citation } from '../../findings/finding';
import type { MessageId } from './messages';
import { rule } from './index';

const added = change('added', entry('openstack/sushy'));
const tox: LocalTestEntryPoint = {
  kind: 'tox',
  file: 'tox.ini',
  targets: ['py3', 'pep8', 'testenv:cover', 'testenv:docs'],
};
const localOk: Expected<MessageId> = {
  messageId: 'runsLocally',
  data: { entryPoints: 'tox.ini (py3, pep8, testenv:cover, testenv:docs)' },
  severity: 'info',
};

/** The candidate the fixtures read, at the commit they were read at. */
const READ = repository();
const COMMIT = READ.evaluated.commit;
const TREE = `https://opendev.org/${READ.name}`;
const inRepo = (file: string, text: string, line?: number): Citation => ({
  source: 'repository',
  text,
  repository: READ.name,
  commit: COMMIT,
  file,
  ...(line !== undefined ? { line } : {}),
  url: `${TREE}/src/commit/${COMMIT}/${file}${line !== undefined ? `#L${line}` : ''}`,
});
const atCommit = (text: string, commit = COMMIT): Citation => ({
  source: 'repository',
  text,
  repository: READ.name,
  commit,
  url: `${TREE}/commit/${commit}`,
});
const inCentral = (text: string, line?: number): Citation => ({
  source: 'project-config',
  text,
  repository: 'openstack/project-config',
  file: 'zuul.d/projects.yaml',
  ...(line !== undefined ? { line } : {}),
});
const toxCited = inRepo('tox.ini', 'tox.ini: envs py3, pep8, cover, docs');

/** Where the CI part looked, as its messages say it. */
const on = (location: string, merged = true) =>
  `on master (in-repo ${location}${merged ? ' merged with project-config' : ''})`;

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
const sushyTests: Expected<MessageId> = {
  messageId: 'testsInCheckAndGate',
  data: {
    check: 'openstack-cover-jobs, openstack-python3-jobs, sushy-tempest-bios-redfish-pxe',
    gate: 'openstack-python3-jobs, sushy-tempest-bios-redfish-pxe',
    where: on('zuul.d'),
  },
  severity: 'info',
};

/** The note for the same test jobs in check and gate, found in `where`. */
function testsInBoth(jobs: string, where: string) {
  return {
    messageId: 'testsInCheckAndGate',
    data: { check: jobs, gate: jobs, where: on(where) },
    severity: 'info',
  } as const;
}

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

const both = (name: string) => ({ check: jobs(name), gate: jobs(name) });

/** Evidence with a tox.ini that runs tests and the central entry, for cases about CI only. */
function ciOnly(zuul: ZuulInRepoConfig, name = 'openstack/sushy'): Partial<EvidenceMap> {
  return {
    repository: { ...repository({ zuul, testEntryPoints: [tox] }), name },
    projectConfig: central('official-openstack-repo-jobs'),
  };
}

/** Evidence with sushy's CI, for cases about the local entry points only. */
function localOnly(testEntryPoints: LocalTestEntryPoint[]): Partial<EvidenceMap> {
  const facts: RepositoryFacts = repository({ zuul: sushyZuul, testEntryPoints });
  return { repository: facts, projectConfig: central() };
}

testRule(rule, {
  valid: [
    {
      name: 'sushy: templates and jobs in zuul.d/, central non-test templates',
      change: added,
      evidence: {
        repository: repository({ zuul: sushyZuul, testEntryPoints: [tox] }),
        projectConfig: central('official-openstack-repo-jobs', 'publish-to-pypi'),
      },
      expect: [
        {
          ...sushyTests,
          citations: [
            inRepo('zuul.d/project.yaml', 'template openstack-cover-jobs: tests in check', 1),
            inRepo(
              'zuul.d/project.yaml',
              'template openstack-python3-jobs: tests in check, gate',
              1,
            ),
            inRepo('zuul.d/project.yaml', 'job sushy-tempest-bios-redfish-pxe in check: a test', 1),
            inRepo('zuul.d/project.yaml', 'job sushy-tempest-bios-redfish-pxe in gate: a test', 1),
          ],
        },
        { ...localOk, citations: [toxCited] },
      ],
    },
    {
      name: 'os-brick: .zuul.yaml jobs only, defined in-repo',
      change: added,
      evidence: {
        repository: repository({ zuul: osBrickZuul, testEntryPoints: [tox] }),
        projectConfig: central('official-openstack-repo-jobs', 'publish-to-pypi'),
      },
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: {
            check: 'os-brick-code-coverage, os-brick-src-tempest-lvm-lio-barbican',
            gate: 'os-brick-src-tempest-lvm-lio-barbican',
            where: on('.zuul.yaml'),
          },
          severity: 'info',
        },
        localOk,
      ],
    },
    {
      name: 'a test template only in project-config (.zuul.d/ docs only)',
      change: added,
      evidence: {
        repository: repository({
          zuul: docsOnly('.zuul.d', '.zuul.d/project.yaml'),
          testEntryPoints: [tox],
        }),
        projectConfig: central('openstack-python-jobs', 'publish-to-pypi'),
      },
      expect: [testsInBoth('openstack-python-jobs', '.zuul.d'), localOk],
    },
    {
      name: 'tests in check only (cover template, zuul.yaml)',
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
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: {
            has: 'check',
            tests: 'openstack-cover-jobs',
            where: on('zuul.yaml'),
            lacks: 'gate',
          },
          severity: 'warning',
          citations: [
            inRepo('zuul.yaml', 'template openstack-cover-jobs: tests in check', 1),
            inRepo('zuul.yaml', 'template publish-openstack-docs-pti: not a test', 1),
            inCentral('template official-openstack-repo-jobs: not a test', 1),
          ],
        },
        localOk,
      ],
    },
    {
      name: 'tests in gate only',
      change: added,
      evidence: ciOnly(withJobs({ gate: jobs('openstack-tox-py312') }, [])),
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: {
            has: 'gate',
            tests: 'openstack-tox-py312',
            where: on('zuul.yaml'),
            lacks: 'check',
          },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'branch patterns match at the start of the name; one that is no regex only as a name',
      change: added,
      evidence: {
        repository: repository({
          zuul: inRepoZuul('zuul.yaml', [
            stanza('zuul.yaml', [], {
              check: jobs({ name: 'openstack-tox-py312', branches: ['^stable/.*', 'mast'] }),
              gate: jobs({ name: 'openstack-tox-py312', branches: ['master[', '^stable/.*'] }),
            }),
          ]),
          testEntryPoints: [tox],
        }),
        projectConfig: central(),
      },
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: {
            has: 'check',
            tests: 'openstack-tox-py312',
            where: on('zuul.yaml'),
            lacks: 'gate',
          },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'a non-voting gate job does not count for gate',
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
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: { has: 'check', tests: 'x-functional', where: on('zuul.yaml'), lacks: 'gate' },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'project-config unavailable but tests in-repo',
      change: added,
      evidence: { repository: repository({ zuul: sushyZuul, testEntryPoints: [tox] }) },
      missing: { projectConfig: 'no --project-config' },
      expect: [
        { ...sushyTests, data: { ...sushyTests.data, where: on('zuul.d', false) } },
        localOk,
      ],
    },
    {
      name: 'tox.ini with only lint and docs environments',
      change: added,
      evidence: localOnly([
        { kind: 'tox', file: 'tox.ini', targets: ['pep8', 'docs'], bareTestenv: false },
      ]),
      expect: [
        sushyTests,
        {
          messageId: 'noLocalTestTarget',
          data: { found: 'tox.ini (pep8, docs)' },
          severity: 'warning',
          citations: [inRepo('tox.ini', 'tox.ini: envs pep8, docs')],
        },
      ],
    },
    {
      name: 'npm test and make test are local entry points',
      change: added,
      evidence: localOnly([
        { kind: 'npm', file: 'package.json', targets: ['lint', 'test'] },
        { kind: 'make', file: 'Makefile', targets: ['test'] },
      ]),
      expect: [
        sushyTests,
        {
          messageId: 'runsLocally',
          data: { entryPoints: 'package.json (lint, test); Makefile (test)' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a job defined non-voting in-repo does not count for gate',
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
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: { has: 'check', tests: 'x-tempest-nv', where: on('zuul.yaml'), lacks: 'gate' },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'tox.ini with a bare [testenv] runs py3 even if only pep8 is listed',
      change: added,
      evidence: localOnly([{ kind: 'tox', file: 'tox.ini', targets: ['pep8'], bareTestenv: true }]),
      expect: [
        sushyTests,
        { messageId: 'runsLocally', data: { entryPoints: 'tox.ini (pep8)' }, severity: 'info' },
      ],
    },
    {
      name: 'a central test job the catalog knows, listed in check and gate: pass',
      change: added,
      evidence: ciOnly(withJobs(both('openstack-tox-py312'), [])),
      expect: [testsInBoth('openstack-tox-py312', 'zuul.yaml'), localOk],
    },
    {
      name: "the repository's own template with its own test job: pass",
      change: added,
      evidence: ciOnly({
        ...withJobs({}, [definition('sushy-unit', 'openstack-tox')], ['sushy-jobs']),
        templates: [{ name: 'sushy-jobs', stanza: stanza('zuul.yaml', [], both('sushy-unit')) }],
      }),
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: { check: 'sushy-unit', gate: 'sushy-unit', where: on('zuul.yaml') },
          severity: 'info',
        },
        localOk,
      ],
    },
    {
      name: 'voting: false inherited from an in-repo parent: gate does not count',
      change: added,
      evidence: ciOnly(
        withJobs(both('sushy-func'), [
          definition('sushy-func', 'sushy-func-base'),
          definition('sushy-func-base', 'devstack-tempest', { voting: false }),
        ]),
      ),
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: { has: 'check', tests: 'sushy-func', where: on('zuul.yaml'), lacks: 'gate' },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'the owner of a central job may define it (openstack-zuul-jobs)',
      change: added,
      evidence: ciOnly(
        withJobs(both('openstack-tox-py312'), [definition('openstack-tox-py312', 'openstack-tox')]),
        'openstack/openstack-zuul-jobs',
      ),
      expect: [testsInBoth('openstack-tox-py312', 'zuul.yaml'), localOk],
    },
    {
      name: 'a tox.ini that was not read: cannot tell, a warning (never a local pass)',
      change: added,
      evidence: localOnly([
        { kind: 'tox', file: 'tox.ini', targets: [], unreadable: 'it is 9000000 bytes' },
      ]),
      expect: [
        sushyTests,
        {
          messageId: 'localUnreadable',
          data: { unread: 'tox.ini it is 9000000 bytes' },
          severity: 'warning',
          citations: [inRepo('tox.ini', 'tox.ini: not read (it is 9000000 bytes)')],
        },
      ],
    },
    {
      name: 'no test job on a modified entry: a warning (the change did not introduce it)',
      change: change('modified', entry('openstack/sushy'), { changedFields: ['team'] }),
      evidence: ciOnly(withJobs(both('noop'), [])),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where: on('zuul.yaml'), items: 'noop, official-openstack-repo-jobs' },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry('openstack/sushy')),
      evidence: ciOnly(withJobs(both('noop'), [])),
      expect: [],
    },
  ],
  invalid: [
    {
      name: 'a repository not created yet on the date: one error, project-config not needed',
      change: added,
      asOf: '2016-03-01',
      evidence: {
        repository: {
          ...repository({ tags: [], branches: [] }),
          notYetCreated: {
            firstCommit: { commit: 'f'.repeat(40), date: '2017-01-12T09:00:00Z' },
            laterTags: [],
          },
        },
      },
      missing: { projectConfig: 'no --project-config' },
      expect: [
        {
          messageId: 'notYetCreated',
          data: { asOf: '2016-03-01', firstCommit: '2017-01-12' },
          severity: 'error',
          citations: [atCommit('first commit, 2017-01-12', 'f'.repeat(40))],
        },
      ],
    },
    {
      name: 'deprecated repository: noop-jobs centrally, no in-repo config',
      change: added,
      evidence: {
        repository: repository({ testEntryPoints: [] }),
        projectConfig: central(
          'official-openstack-repo-jobs',
          'publish-to-pypi-stable-only',
          'noop-jobs',
        ),
      },
      expect: [
        {
          messageId: 'onlyNonTests',
          data: {
            where: on('none'),
            items: 'official-openstack-repo-jobs, publish-to-pypi-stable-only, noop-jobs',
          },
          severity: 'error',
          citations: [
            inCentral('template official-openstack-repo-jobs: not a test', 1),
            inCentral('template publish-to-pypi-stable-only: not a test', 1),
            inCentral('template noop-jobs: not a test', 1),
          ],
        },
        {
          messageId: 'noLocalEntryPoint',
          severity: 'warning',
          citations: [atCommit('tree of master: no tox.ini, package.json, go.mod or Makefile')],
        },
      ],
    },
    {
      name: 'no Zuul configuration anywhere',
      change: added,
      evidence: {
        repository: repository({ testEntryPoints: [tox] }),
        projectConfig: { gerrit: null, zuul: null },
      },
      expect: [
        {
          messageId: 'noZuulProject',
          data: { where: on('none') },
          severity: 'error',
          citations: [
            atCommit('tree of master: no zuul.yaml, zuul.d/, .zuul.yaml or .zuul.d/'),
            inCentral(`no project entry for ${READ.name}`),
          ],
        },
        localOk,
      ],
    },
    {
      name: 'no test job, audited',
      change: change('audited', entry('openstack/sushy')),
      evidence: ciOnly(withJobs(both('noop'), [])),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where: on('zuul.yaml'), items: 'noop, official-openstack-repo-jobs' },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'a job that only runs on stable branches does not count on master',
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
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where: on('zuul.yaml'), items: 'publish-openstack-docs-pti, x-grenade' },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'an in-repo job whose parent is a docs job is not a test',
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
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where: on('zuul.yaml'), items: 'sushy-build-manual' },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'an unknown template is unavailable, not "no tests"',
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
      expect: [
        {
          unavailable: 'repository',
          reason:
            `no known test job in check or gate ${on('zuul.d')}; templates unknown to ` +
            'data/zuul-templates.yaml: team-special-jobs (classify them there)',
        },
        localOk,
      ],
    },
    {
      name: 'project-config unavailable and no test in-repo: unavailable',
      change: added,
      evidence: {
        repository: repository({
          zuul: docsOnly('zuul.yaml', 'zuul.yaml'),
          testEntryPoints: [tox],
        }),
      },
      missing: { projectConfig: 'no --project-config' },
      expect: [
        {
          unavailable: 'projectConfig',
          reason:
            `no known test job in check or gate ${on('zuul.yaml', false)}, and project-config's ` +
            'central entry was not examined: no --project-config',
        },
        localOk,
      ],
    },
    {
      name: 'an unreadable in-repo Zuul file makes the CI part unavailable',
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
      expect: [
        {
          unavailable: 'repository',
          reason: `the in-repo Zuul configuration ${on('zuul.d')} cannot be read: zuul.d/jobs.yaml line 3: invalid YAML`,
        },
        localOk,
      ],
    },
    {
      name: 'an unreadable file beside a readable one with tests: unavailable, never a pass',
      change: added,
      evidence: ciOnly({ ...sushyZuul, problems: ['zuul.d/other.yaml line 1 is not valid YAML'] }),
      expect: [
        {
          unavailable: 'repository',
          reason: `${on('zuul.d')} cannot be read: zuul.d/other.yaml line 1 is not valid YAML`,
        },
        localOk,
      ],
    },
    {
      name: 'a job defined nowhere the checker can see, alone: unavailable',
      change: added,
      evidence: ciOnly(withJobs(both('team-secret-tests'), [])),
      expect: [
        {
          unavailable: 'repository',
          reason:
            'jobs neither defined in the repository nor known to data/zuul-templates.yaml: ' +
            'team-secret-tests',
        },
        localOk,
      ],
    },
    {
      name: 'an in-repo redefinition of a central job (run: noop.yaml): unavailable, shadowing',
      change: added,
      evidence: ciOnly(
        withJobs(both('openstack-tox-py3'), [definition('openstack-tox-py3', null)]),
      ),
      expect: [
        {
          unavailable: 'repository',
          reason:
            'cannot be read: zuul.yaml line 30 redefines job openstack-tox-py3, which ' +
            "openstack/openstack-zuul-jobs defines (Zuul refuses a job that shadows another project's)",
        },
        localOk,
      ],
    },
    {
      name: 'an in-repo project-template named like a catalog test template: unavailable',
      change: added,
      evidence: ciOnly({
        ...withJobs({}, [], ['openstack-python3-jobs']),
        templates: [
          { name: 'openstack-python3-jobs', stanza: stanza('zuul.yaml', [], both('noop')) },
        ],
      }),
      expect: [
        {
          unavailable: 'repository',
          reason:
            'cannot be read: zuul.yaml line 1 redefines project-template openstack-python3-jobs, ' +
            'a template of openstack-zuul-jobs (Zuul refuses a template defined twice)',
        },
        localOk,
      ],
    },
    {
      name: "the repository's own template is judged by its jobs: noop is not a test",
      change: added,
      evidence: ciOnly({
        ...withJobs({}, [], ['sushy-jobs']),
        templates: [{ name: 'sushy-jobs', stanza: stanza('zuul.yaml', [], both('noop')) }],
      }),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where: on('zuul.yaml'), items: 'noop, official-openstack-repo-jobs' },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'an abstract job listed in the pipelines is not a test',
      change: added,
      evidence: ciOnly(
        withJobs(both('sushy-base'), [definition('sushy-base', null, { abstract: true })]),
      ),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where: on('zuul.yaml'), items: 'sushy-base, official-openstack-repo-jobs' },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'needs the repository',
      change: added,
      evidence: { projectConfig: central() },
      missing: { repository: 'not under --repos-root' },
      expect: [{ unavailable: 'repository', severity: 'error', reason: 'not under --repos-root' }],
    },
  ],
});
