/**
 * Hostile tests of the vmt-oversight-check job: the change it judges cannot relax it. Called from
 * playbook.test.ts (which builds the tool once for every playbook test).
 *
 * In Zuul the job is final, so a project variant that sets variables is refused; but a
 * project's `vars:` still reach a final job, and an unmerged change ahead can carry them. Here
 * each variable is given with `-e`, which overrides everything, and the playbook must not read
 * it: the failing example still fails, with the same report as without it.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/findings/finding';
import type { Report } from '../../src/findings/report';
import { mergeReturned, runPlaybook, type PlaybookRun } from './ansible';
import {
  checkProposal,
  example,
  keptReport,
  LIST,
  PROJECT_STANZA,
  prepareProposal,
  RUN,
  type Proposal,
  type ProposalOptions,
} from './proposal';
import { LIST_PROJECT, TODAY, type ZuulWorkspace } from './workspace';
import { assertValidZuulReturn } from './zuul-schema';

/** A list that is the same at base and head: judged instead of the real one, it would pass. */
const DECOY_LIST = 'decoy-list.yaml';
const MARKER = 'fake-node-ran';
/** A playbook run takes seconds; much longer on a loaded machine. */
const PLAYBOOK_TIMEOUT = 180_000;

/** A "node" that would vote +1 without judging anything, and leave a marker if it ever ran. */
function fakeNode(workspace: ZuulWorkspace): string {
  const file = join(workspace.dir, 'fake-node');
  const marker = join(workspace.dir, MARKER);
  writeFileSync(file, `#!/bin/sh\ntouch '${marker}'\necho 'vmt-oversight: PASS (vote +1)'\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Each variable the job used to take, with a value that would turn the failure into a pass. */
const KNOBS: [string, (workspace: ZuulWorkspace) => unknown][] = [
  ['vmt_oversight_base', () => 'HEAD'],
  ['vmt_oversight_head', () => 'HEAD~1'],
  ['vmt_oversight_list', () => DECOY_LIST],
  ['vmt_oversight_as_of', () => '2000-01-01'],
  ['vmt_oversight_extra_args', () => ['--base', 'HEAD', '--no-config', '--list', DECOY_LIST]],
  ['vmt_oversight_node', fakeNode],
];

/** The variables that said where things are: each aimed at the list repository (the change's). */
const LIST_CANONICAL = `opendev.org/${LIST_PROJECT}`;
const WHERE: Record<string, unknown> = {
  vmt_oversight_project: LIST_CANONICAL,
  vmt_oversight_governance_project: LIST_CANONICAL,
  vmt_oversight_releases_project: LIST_CANONICAL,
  vmt_oversight_project_config_project: LIST_CANONICAL,
  vmt_oversight_repos_root: `src/${LIST_CANONICAL}`,
  vmt_oversight_gerrit_url: 'http://127.0.0.1:9',
  vmt_oversight_git_url: 'file:///nonexistent',
  vmt_oversight_fetch_candidates: false,
  vmt_oversight_install_node: false,
};

/**
 * The playbook's own facts, seeded where a project's `vars:` land (the inventory: below facts
 * the playbook sets, unlike `-e`, which no Zuul configuration can give a final job).
 */
const SEEDED: Record<string, unknown> = {
  _vmt_evidence_args: ['--governance', '/nonexistent'],
  _vmt_unmerged: [],
  _vmt_zuul_edits: [],
  _vmt_mixed: false,
  _vmt_gerrit_url: 'http://127.0.0.1:9',
  _vmt_git_url: 'file:///nonexistent',
  _vmt_tool_dir: '/nonexistent',
  _vmt_list_repo: '/nonexistent',
  _vmt_repos_root: '/nonexistent',
};

/** The failing example, with the decoy list beside it at base and head. */
function failingChange(
  vars: (workspace: ZuulWorkspace) => Record<string, unknown>,
  inventoryVars: Record<string, unknown> = {},
): Proposal & { base: string; head: string } {
  const options: ProposalOptions = { baseFiles: { [DECOY_LIST]: example('base') } };
  const {
    workspace,
    vars: zuul,
    base,
    head,
  } = prepareProposal('executor', example('failing'), options);
  const run = runPlaybook(
    RUN,
    workspace,
    'executor',
    { ...zuul, ...vars(workspace) },
    [],
    inventoryVars,
  );
  return { run, workspace, base, head };
}

/** What a judgment says, without what differs from one workspace to the next. */
function judgment(report: Report) {
  const finding = (f: Finding) => [f.rule, f.severity, f.repository, f.file, f.line, f.message];
  return {
    list: report.list,
    asOf: report.asOf,
    changes: report.changes,
    findings: report.findings.map(finding),
    verdict: report.verdict,
  };
}

function expectFailed(run: PlaybookRun): void {
  if (!run.output.includes('does not meet')) process.stderr.write(run.output);
  expect(run.status).not.toBe(0);
  expect(run.output).toContain('The proposal does not meet the VMT oversight policy');
}

export function relaxationTests(proposals: Proposal[]): void {
  describe('the job cannot be relaxed by the change it judges', () => {
    let expected: ReturnType<typeof judgment>;
    beforeAll(() => {
      const plain = failingChange(() => ({}));
      proposals.push(plain);
      expectFailed(plain.run);
      expected = judgment(keptReport(plain.workspace));
      expect(expected.verdict).toBe('fail');
      expect(expected.asOf).toBe(TODAY);
      expect(expected.list.path).toBe(LIST);
    }, PLAYBOOK_TIMEOUT);

    it.each(KNOBS)(
      'ignores %s: the failing example still fails',
      (name, value) => {
        const proposal = failingChange((workspace) => ({ [name]: value(workspace) }));
        proposals.push(proposal);
        const { run, workspace, base, head } = proposal;
        expectFailed(run);
        const report = keptReport(workspace);
        expect(judgment(report)).toEqual(expected);
        expect({ base: report.base, head: report.head }).toEqual({ base, head });
        expect(existsSync(join(workspace.dir, MARKER))).toBe(false);
      },
      PLAYBOOK_TIMEOUT,
    );

    it(
      'ignores every variable that said where the tool, the evidence and the candidates are, and seeded facts',
      () => {
        const proposal = failingChange(() => WHERE, SEEDED);
        proposals.push(proposal);
        const { run, workspace } = proposal;
        expectFailed(run);
        expect(judgment(keptReport(workspace))).toEqual(expected);
      },
      PLAYBOOK_TIMEOUT,
    );
  });

  describe('a change that edits the Zuul configuration', () => {
    const variant =
      '- project:\n    check:\n      jobs:\n        - vmt-oversight-check:\n            voting: false\n';
    // A name Ansible must not template: if it did, the lookup would leave a marker.
    const jinja = "zuul.d/prüfung {{ lookup('pipe', 'touch jinja-ran') }}.yaml";
    const cases: [string, ProposalOptions, string[]][] = [
      ['modifies .zuul.yaml', { headFiles: { '.zuul.yaml': variant } }, ['.zuul.yaml']],
      ['adds zuul.yaml', { headFiles: { 'zuul.yaml': variant } }, ['zuul.yaml']],
      ['adds to zuul.d/ a file with an odd name', { headFiles: { [jinja]: variant } }, [jinja]],
      [
        'deletes from .zuul.d/',
        {
          baseFiles: { '.zuul.d/jobs.yaml': PROJECT_STANZA },
          headFiles: { '.zuul.d/jobs.yaml': null },
        },
        ['.zuul.d/jobs.yaml'],
      ],
      [
        'renames .zuul.yaml away',
        { headFiles: { '.zuul.yaml': null, 'zuul-notes.yaml': PROJECT_STANZA } },
        ['.zuul.yaml'],
      ],
    ];

    it.each(cases)(
      'and the list is not checked when it %s: the build fails and says why',
      (_how, options, edits) => {
        // The passing example: judged, it would pass.
        const proposal = checkProposal('executor', example('passing'), options);
        proposals.push(proposal);
        const { run, workspace } = proposal;
        expect(run.status).not.toBe(0);
        expect(run.output).toContain(
          `Not checked: the change edits the Zuul configuration (${edits.join(', ')}) together ` +
            'with other files; propose the Zuul configuration edit as a change of its own.',
        );
        const returned = mergeReturned(run.returned);
        assertValidZuulReturn({ zuul: returned });
        expect(returned.file_comments).toEqual({});
        expect(returned.warnings).toEqual([
          `vmt-oversight: NOT CHECKED. This change edits the Zuul configuration of ${LIST_PROJECT} ` +
            `(${edits.join(', ')}), which Zuul applies to the change's own build, so it could ` +
            'relax the check that judges it. Propose the Zuul configuration edit as a change of its own.',
        ]);
        expect(existsSync(join(workspace.logRoot, 'vmt-oversight'))).toBe(false);
        for (const dir of [workspace.dir, workspace.listRepo]) {
          expect(existsSync(join(dir, 'jinja-ran'))).toBe(false);
        }
      },
      PLAYBOOK_TIMEOUT,
    );

    it(
      'alone, with nothing else to judge, is checked as usual',
      () => {
        const proposal = checkProposal('executor', example('base'), {
          headFiles: { '.zuul.yaml': variant },
        });
        proposals.push(proposal);
        const { run, workspace } = proposal;
        if (run.status !== 0) process.stderr.write(run.output);
        expect(run.status).toBe(0);
        expect(mergeReturned(run.returned).warnings.join('\n')).not.toContain('NOT CHECKED');
        expect(keptReport(workspace).verdict).toBe('pass');
      },
      PLAYBOOK_TIMEOUT,
    );
  });
}
