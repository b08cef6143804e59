/**
 * The vmt-oversight-check run playbook, really run by ansible-playbook against this machine, in a
 * workspace laid out like Zuul's, with a stub zuul_return that records what it is handed.
 * The pre-run is only syntax-checked: Node.js is already here and the tool is built below.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_FACT_OPTIONS } from '../../src/gerrit/client';
import type { Report } from '../../src/report/report';
import { fakeChange, PROPOSER } from '../helpers/gerrit-model';
import { startFakeGerrit } from '../helpers/gerrit-server';
import {
  ansibleAvailable,
  mergeReturned,
  runPlaybook,
  runPlaybookAsync,
  type PlaybookRun,
} from './ansible';
import {
  CHANGE,
  createWorkspace,
  commitList,
  LIST_PROJECT,
  PROJECT_ROOT,
  TOOL_PROJECT,
  zuulItem,
  zuulVars,
  type WorkspaceMode,
  type ZuulWorkspace,
} from './workspace';
import { assertValidZuulReturn } from './zuul-schema';

const RUN = 'playbooks/vmt-oversight-check/run.yaml';
const LIST = 'repos-overseen.yaml';
const AS_OF = '2026-06-01';
const PROPOSALS = join(PROJECT_ROOT, 'examples', 'proposals');

const available = ansibleAvailable();
if (!available && process.env.CI) {
  throw new Error('ansible-playbook is required in CI (install Debian ansible-core; .ci/run does)');
}
if (!available) {
  process.stderr.write(
    'SKIPPED test/zuul/playbook.test.ts: ansible-playbook is not installed (apt-get install ansible-core)\n',
  );
}
const describeWithAnsible = available ? describe : describe.skip;

/** Builds the tool as `npm run build` does, so the playbook runs the current code. */
function buildTool(): void {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: PROJECT_ROOT,
      stdio: 'pipe',
    },
  );
}

interface Proposal {
  run: PlaybookRun;
  workspace: ZuulWorkspace;
}

interface ProposalOptions {
  /** Candidates left out of the workspace, to be fetched. */
  remoteOnly?: string[];
  /** `zuul.items` ahead of the change: what it depends on. */
  ahead?: Record<string, unknown>[];
  /** More job variables (e.g. `vmt_oversight_gerrit_url`). */
  vars?: Record<string, unknown>;
}

/** The workspace and the job's variables for a change to the list (the HEAD commit). */
function prepareProposal(
  mode: WorkspaceMode,
  change: string,
  options: ProposalOptions = {},
): { workspace: ZuulWorkspace; vars: Record<string, unknown>; head: string } {
  const workspace = createWorkspace(mode, options.remoteOnly ?? []);
  commitList(
    workspace,
    LIST,
    readFileSync(join(PROPOSALS, 'base.yaml'), 'utf8'),
    '2026-05-01T12:00:00Z',
  );
  const head = commitList(workspace, LIST, change, '2026-05-30T12:00:00Z');
  const vars = {
    ...zuulVars(workspace, mode, head, options.ahead ?? []),
    vmt_oversight_list: LIST,
    vmt_oversight_as_of: AS_OF,
    vmt_oversight_node: process.execPath,
    vmt_oversight_git_url: workspace.remoteUrl,
    // No network: Gerrit is read only by the test that serves one.
    vmt_oversight_gerrit_url: '',
    ...options.vars,
  };
  return { workspace, vars, head };
}

/** A list repository whose HEAD commit is the change, checked by the run playbook. */
function checkProposal(
  mode: WorkspaceMode,
  change: string,
  options: ProposalOptions = {},
): Proposal {
  const { workspace, vars } = prepareProposal(mode, change, options);
  return { run: runPlaybook(RUN, workspace, mode, vars), workspace };
}

function keptReport(workspace: ZuulWorkspace): Report {
  return JSON.parse(
    readFileSync(join(workspace.logRoot, 'vmt-oversight', 'report.json'), 'utf8'),
  ) as Report;
}

describeWithAnsible('the vmt-oversight-check playbook (real ansible-playbook)', () => {
  const proposals: Proposal[] = [];
  beforeAll(buildTool, 120_000);
  // VMT_KEEP_ZUUL_WORKSPACE=1 keeps the workspaces for a look after a failure.
  afterAll(() => {
    if (!process.env.VMT_KEEP_ZUUL_WORKSPACE) proposals.forEach((p) => p.workspace.cleanup());
  });

  it('passes a proposal that meets the policy, on a node, fetching the candidate, and keeps the report', () => {
    const passing = readFileSync(join(PROPOSALS, 'passing.yaml'), 'utf8');
    const proposal = checkProposal('node', passing, { remoteOnly: ['openstack/example-service'] });
    proposals.push(proposal);
    const { run, workspace } = proposal;
    if (run.status !== 0) process.stderr.write(run.output); // the playbook's log, to see why
    expect({ status: run.status, output: run.output }).toEqual({
      status: 0,
      output: expect.any(String),
    });
    const returned = mergeReturned(run.returned);
    assertValidZuulReturn({ zuul: returned });
    const levels = Object.values(returned.file_comments)
      .flat()
      .map((c) => c.level);
    expect(levels).not.toContain('error');
    expect(returned.artifacts.map((a) => a.url)).toEqual([
      'vmt-oversight/report.json',
      'vmt-oversight/report.html',
      'vmt-oversight/summary.md',
    ]);
    for (const { url } of returned.artifacts)
      expect(existsSync(join(workspace.logRoot, url))).toBe(true);
    expect(readFileSync(join(workspace.logRoot, 'vmt-oversight', 'report.html'), 'utf8')).toMatch(
      /^<!DOCTYPE html>/i,
    );
    const report = keptReport(workspace);
    expect(report.verdict).toBe('pass');
    expect(report.changes.added).toEqual(['openstack/example-service']);
    expect(report.asOf).toBe(AS_OF);
    // vmt_oversight_gerrit_url '' reads no Gerrit: team-consent's evidence is unavailable.
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'evidence-unavailable',
        evidence: expect.objectContaining({ rule: 'team-consent', source: 'gerrit' }),
      }),
    );
    expect(existsSync(join(workspace.root, 'src/opendev.org/openstack/example-service.git'))).toBe(
      true,
    );
  });

  it('fails a proposal that adds a duplicate, on the executor, with the comment on its line', () => {
    const base = readFileSync(join(PROPOSALS, 'base.yaml'), 'utf8');
    const duplicate = '  - name: openstack/python-exampleclient\n    team: Example Compute\n';
    const proposal = checkProposal('executor', `${base}${duplicate}`);
    proposals.push(proposal);
    const { run, workspace } = proposal;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('The proposal does not meet the VMT oversight policy');
    const [fromFile] = run.returned;
    expect(fromFile?.args.file).toBe(join(workspace.logRoot, 'vmt-oversight', 'zuul.json'));
    const returned = mergeReturned(run.returned);
    assertValidZuulReturn({ zuul: returned });
    const duplicateLine = base.split('\n').length;
    const comments = returned.file_comments[LIST] ?? [];
    expect(comments).toContainEqual({
      line: duplicateLine,
      level: 'error',
      message: expect.stringContaining('[list-consistency]'),
    });
    expect(Object.keys(returned.file_comments)).toEqual([LIST]);
    expect(returned.warnings[0]).toMatch(/^vmt-oversight: FAIL \(vote -1\)/);
    expect(keptReport(workspace).verdict).toBe('fail');
  });

  it('fails the build on a usage error, returning nothing', () => {
    const workspace = createWorkspace('node');
    proposals.push({ workspace, run: { status: 0, output: '', returned: [] } });
    commitList(
      workspace,
      LIST,
      readFileSync(join(PROPOSALS, 'base.yaml'), 'utf8'),
      '2026-05-01T12:00:00Z',
    );
    const head = commitList(
      workspace,
      LIST,
      readFileSync(join(PROPOSALS, 'passing.yaml'), 'utf8'),
      '2026-05-30T12:00:00Z',
    );
    const vars = {
      ...zuulVars(workspace, 'node', head),
      vmt_oversight_node: process.execPath,
      vmt_oversight_gerrit_url: '',
      vmt_oversight_base: 'no-such-revision',
    };
    const run = runPlaybook(RUN, workspace, 'node', vars);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('usage or configuration error');
    expect(run.returned).toEqual([]);
    expect(existsSync(join(workspace.logRoot, 'vmt-oversight', 'report.json'))).toBe(false);
  });

  it('does not judge a change whose evidence depends on unmerged changes (Depends-On)', () => {
    const passing = readFileSync(join(PROPOSALS, 'passing.yaml'), 'utf8');
    const proposal = checkProposal('node', passing, {
      ahead: [
        zuulItem('openstack/governance', '912300'),
        zuulItem('openstack/example-service', '912310', '3'),
        // An unmerged checker must not vote either.
        zuulItem(TOOL_PROJECT, '912330'),
        // A change to the list ahead of this one (a gate queue) is its base, not evidence.
        zuulItem(LIST_PROJECT, '912320'),
      ],
    });
    proposals.push(proposal);
    const { run, workspace } = proposal;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(
      'Not checked: the evidence depends on unmerged changes (' +
        'opendev.org/openstack/governance change 912300 ' +
        '(https://review.opendev.org/c/openstack/governance/+/912300), ' +
        'opendev.org/openstack/example-service change 912310 ' +
        '(https://review.opendev.org/c/openstack/example-service/+/912310), ' +
        'opendev.org/openstack/vmt-oversight change 912330 ' +
        '(https://review.opendev.org/c/openstack/vmt-oversight/+/912330)); ' +
        'recheck once they merge.',
    );
    const returned = mergeReturned(run.returned);
    assertValidZuulReturn({ zuul: returned });
    expect(returned.file_comments).toEqual({});
    expect(returned.artifacts).toEqual([]);
    expect(returned.warnings).toHaveLength(1);
    expect(returned.warnings[0]).toMatch(/^vmt-oversight: NOT CHECKED\. The evidence depends on/);
    expect(returned.warnings[0]).toContain('opendev.org/openstack/governance change 912300');
    expect(returned.warnings[0]).toContain('opendev.org/openstack/example-service change 912310');
    expect(returned.warnings[0]).not.toContain('912320');
    expect(returned.warnings[0]).toContain('recheck once they merge');
    // The check never ran: no report to mistake for a judgment.
    expect(existsSync(join(workspace.logRoot, 'vmt-oversight'))).toBe(false);
  });

  it('reads the change from vmt_oversight_gerrit_url for team-consent', async () => {
    const passing = readFileSync(join(PROPOSALS, 'passing.yaml'), 'utf8');
    const prepared = prepareProposal('executor', passing);
    proposals.push({ workspace: prepared.workspace, run: { status: 0, output: '', returned: [] } });
    // Uploaded by someone who is neither the PTL nor a security liaison of Example Compute.
    const gerrit = await startFakeGerrit({
      changes: [
        fakeChange({
          number: Number(CHANGE),
          revisions: [{ sha: prepared.head, number: 2, uploader: PROPOSER, files: [LIST] }],
        }),
      ],
    });
    try {
      gerrit.expect({
        method: 'GET',
        path: `/changes/${CHANGE}?${CHANGE_FACT_OPTIONS.map((o) => `o=${o}`).join('&')}`,
      });
      const run = await runPlaybookAsync(RUN, prepared.workspace, 'executor', {
        ...prepared.vars,
        vmt_oversight_gerrit_url: gerrit.url,
      });
      if (run.status !== 0) process.stderr.write(run.output);
      expect(run.status).toBe(0);
      gerrit.verify();
      expect(gerrit.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
    } finally {
      await gerrit.close();
    }
    const report = keptReport(prepared.workspace);
    expect(report.verdict).toBe('pass');
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'team-consent',
        repository: 'openstack/example-service',
        severity: 'warning',
        message: expect.stringContaining(`Change ${CHANGE} was neither uploaded nor approved`),
      }),
    );
    const unavailable = report.findings.filter(
      (f) => f.rule === 'evidence-unavailable' && f.evidence.rule === 'team-consent',
    );
    expect(unavailable).toEqual([]);
  });

  it('has playbooks ansible-playbook accepts', () => {
    const workspace = createWorkspace('node');
    proposals.push({ workspace, run: { status: 0, output: '', returned: [] } });
    for (const playbook of [
      'playbooks/vmt-oversight-check/pre.yaml',
      RUN,
      'playbooks/vmt-oversight-test/pre.yaml',
      'playbooks/vmt-oversight-test/run.yaml',
    ]) {
      const run = runPlaybook(playbook, workspace, 'node', zuulVars(workspace, 'node', 'HEAD'), [
        '--syntax-check',
      ]);
      expect({ playbook, status: run.status, output: run.output }).toEqual({
        playbook,
        status: 0,
        output: expect.any(String),
      });
    }
  });
});
