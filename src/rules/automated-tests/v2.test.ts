/**
 * automated-tests on project-config before Zuul v3 (2017-09): the central zuul/layout.yaml is
 * the whole truth, classified by data/zuul-v2-templates.yaml and narrowed by the layout's own
 * project-templates of that date.
 */
import type {
  LocalTestEntryPoint,
  ProjectConfigFacts,
  ZuulJobRef,
  ZuulV2Layout,
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
import type { MessageId } from './messages';
import { rule } from './index';

const added = change('added', entry('openstack/sushy'));
const tox: LocalTestEntryPoint = { kind: 'tox', file: 'tox.ini', targets: ['py27', 'pep8'] };
const localOk: Expected<MessageId> = {
  messageId: 'runsLocally',
  data: { entryPoints: 'tox.ini (py27, pep8)' },
  severity: 'info',
};
const where =
  'on master (project-config zuul/layout.yaml, Zuul v2: in-repo Zuul configuration did not exist yet)';

/** The 2016 layout's own template definitions: which pipelines each fills. */
const templatePipelines: Record<string, string[]> = {
  'merge-check': ['merge-check'],
  'python-jobs': ['check', 'gate', 'post'],
  'python3-jobs': ['check', 'gate'],
  'pypy-jobs': ['check'],
  'noop-jobs': ['check', 'gate'],
  'check-requirements': ['check', 'gate'],
  'release-notes-jobs': ['check', 'gate'],
  'docs-on-readthedocs': ['post'],
  'publish-to-pypi': ['pre-release', 'release'],
  'translation-jobs': ['post', 'periodic'],
  'osc-plugin-jobs': ['check'],
  // On this date the template had only experimental jobs.
  'ansible-role-functional-jobs-xenial': ['experimental'],
};

function layout(
  templates: string[] | null,
  pipelines: Record<string, ZuulJobRef[]> = {},
  defined = templatePipelines,
): ProjectConfigFacts {
  const zuulV2: ZuulV2Layout = {
    ref: ref('project-config', 'zuul/layout.yaml'),
    templatePipelines: defined,
  };
  const zuul =
    templates === null ? null : stanza('zuul/layout.yaml', templates, pipelines, 'project-config');
  return { gerrit: null, zuul, zuulV2 };
}

/** Evidence of a 2016 repository: no in-repo Zuul file mattered then, a tox.ini that runs tests. */
function era(projectConfig: ProjectConfigFacts, testEntryPoints = [tox]): Partial<EvidenceMap> {
  return { repository: repository({ name: 'openstack/sushy', testEntryPoints }), projectConfig };
}

const both = (name: string) => ({ check: jobs(name), gate: jobs(name) });

testRule(rule, {
  valid: [
    {
      name: 'v2: python-jobs and python3-jobs run in check and gate',
      change: added,
      evidence: era(layout(['merge-check', 'python-jobs', 'python3-jobs', 'publish-to-pypi'])),
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: { check: 'python-jobs, python3-jobs', gate: 'python-jobs, python3-jobs', where },
          severity: 'info',
        },
        localOk,
      ],
    },
    {
      name: 'v2: an in-repo Zuul file (even a broken one) is not read: the layout is the truth',
      change: added,
      evidence: {
        ...era(layout(['python-jobs'])),
        repository: repository({
          name: 'openstack/sushy',
          zuul: {
            ...inRepoZuul('.zuul.yaml', [stanza('.zuul.yaml', ['noop-jobs'])]),
            problems: ['.zuul.yaml line 1: is not valid YAML'],
          },
          testEntryPoints: [tox],
        }),
      },
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: { check: 'python-jobs', gate: 'python-jobs', where },
          severity: 'info',
        },
        localOk,
      ],
    },
    {
      name: 'v2: explicit gate-{name}-python27 jobs, a project named like docs is not docs',
      change: added,
      evidence: era(layout(['merge-check'], both('gate-openstack-doc-tools-python27'))),
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: {
            check: 'gate-openstack-doc-tools-python27',
            gate: 'gate-openstack-doc-tools-python27',
            where,
          },
          severity: 'info',
        },
        localOk,
      ],
    },
    {
      name: 'v2: pypy-jobs alone tests in check only',
      change: added,
      evidence: era(layout(['merge-check', 'pypy-jobs', 'check-requirements'])),
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: { has: 'check', tests: 'pypy-jobs', where, lacks: 'gate' },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'v2: the layout narrows a template to the pipelines it fills on that date',
      change: added,
      evidence: era(
        layout(['python-jobs'], {}, { ...templatePipelines, 'python-jobs': ['check', 'post'] }),
      ),
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: { has: 'check', tests: 'python-jobs', where, lacks: 'gate' },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'v2: a non-voting job (jobs: voting false) does not gate; branch-restricted is skipped',
      change: added,
      evidence: era(
        layout(['merge-check'], {
          check: jobs('gate-sushy-python27', 'gate-sushy-python34'),
          gate: jobs(
            { name: 'gate-sushy-python27', voting: false },
            { name: 'gate-sushy-python34', branches: ['stable/liberty'] },
          ),
        }),
      ),
      expect: [
        {
          messageId: 'testsInOnePipeline',
          data: {
            has: 'check',
            tests: 'gate-sushy-python27, gate-sushy-python34',
            where,
            lacks: 'gate',
          },
          severity: 'warning',
        },
        localOk,
      ],
    },
    {
      name: 'v2: no tox.ini is a warning beside the CI result',
      change: added,
      evidence: era(layout(['python-jobs']), []),
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: { check: 'python-jobs', gate: 'python-jobs', where },
          severity: 'info',
        },
        { messageId: 'noLocalEntryPoint', severity: 'warning' },
      ],
    },
    {
      name: 'v2: a tox.ini with only lint and docs',
      change: added,
      evidence: era(layout(['python-jobs']), [
        { kind: 'tox', file: 'tox.ini', targets: ['pep8', 'docs'], bareTestenv: false },
      ]),
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: { check: 'python-jobs', gate: 'python-jobs', where },
          severity: 'info',
        },
        {
          messageId: 'noLocalTestTarget',
          data: { found: 'tox.ini (pep8, docs)' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'v2: a tox.ini not read',
      change: added,
      evidence: era(layout(['python-jobs']), [
        { kind: 'tox', file: 'tox.ini', targets: [], unreadable: 'it is 9000000 bytes' },
      ]),
      expect: [
        {
          messageId: 'testsInCheckAndGate',
          data: { check: 'python-jobs', gate: 'python-jobs', where },
          severity: 'info',
        },
        {
          messageId: 'localUnreadable',
          data: { unread: 'tox.ini it is 9000000 bytes' },
          severity: 'warning',
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'v2 era: a repository whose first commit is after the date had no test to run',
      change: added,
      asOf: '2016-06-01',
      evidence: {
        ...era(layout(['python-jobs'])),
        repository: {
          ...repository({ tags: [], branches: [] }),
          notYetCreated: {
            firstCommit: { commit: 'f'.repeat(40), date: '2017-01-12T09:00:00Z' },
            laterTags: [],
          },
        },
      },
      expect: [
        {
          messageId: 'notYetCreated',
          data: { asOf: '2016-06-01', firstCommit: '2017-01-12' },
          severity: 'error',
        },
      ],
    },
    {
      name: 'v2: only non-test templates (noop, publishing, docs, translations, notes, requirements)',
      change: added,
      evidence: era(
        layout([
          'merge-check',
          'noop-jobs',
          'publish-to-pypi',
          'docs-on-readthedocs',
          'translation-jobs',
          'release-notes-jobs',
          'check-requirements',
        ]),
      ),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: {
            where,
            items:
              'merge-check, noop-jobs, publish-to-pypi, docs-on-readthedocs, translation-jobs and 2 more',
          },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'v2: docs and pep8 jobs with node suffixes are not tests',
      change: added,
      evidence: era(
        layout(['merge-check'], {
          check: jobs('gate-sushy-docs-ubuntu-xenial', 'gate-sushy-pep8-ubuntu-xenial'),
          gate: jobs('gate-sushy-docs-ubuntu-xenial'),
        }),
      ),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: {
            where,
            items: 'merge-check, gate-sushy-docs-ubuntu-xenial, gate-sushy-pep8-ubuntu-xenial',
          },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'v2: a test template that filled only experimental on that date',
      change: added,
      evidence: era(layout(['merge-check', 'ansible-role-functional-jobs-xenial'])),
      expect: [
        {
          messageId: 'onlyNonTests',
          data: { where, items: 'merge-check, ansible-role-functional-jobs-xenial' },
          severity: 'error',
        },
        localOk,
      ],
    },
    {
      name: 'v2: a repository the layout does not list had no CI',
      change: added,
      evidence: era(layout(null)),
      expect: [{ messageId: 'noZuulProject', data: { where }, severity: 'error' }, localOk],
    },
    {
      name: 'v2: a template unknown to the v2 catalog is unverifiable, never "no tests"',
      change: added,
      evidence: era(layout(['merge-check', 'osc-plugin-jobs', 'noop-jobs'])),
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason:
            'templates unknown to data/zuul-v2-templates.yaml: osc-plugin-jobs (classify them there)',
        },
        localOk,
      ],
    },
    {
      name: 'v2: a catalog test template the layout does not define (Zuul would refuse it)',
      change: added,
      evidence: era(layout(['merge-check', 'python35-jobs'])),
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason:
            'templates zuul/layout.yaml uses but does not define: python35-jobs (Zuul v2 refuses such a layout)',
        },
        localOk,
      ],
    },
    {
      name: 'v2: a job the v2 catalog does not know is unverifiable',
      change: added,
      evidence: era(layout(['noop-jobs'], both('gate-sushy-frobnicate'))),
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason: /known to data\/zuul-v2-templates\.yaml: gate-sushy-frobnicate/,
        },
        localOk,
      ],
    },
  ],
});
