/**
 * The vmt-oversight-check run playbook, really run by ansible-playbook against this machine, in a
 * workspace laid out like Zuul's, with a stub zuul_return that records what it is handed.
 * The pre-run is only syntax-checked: Node.js is already here and the tool is built below.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/report/report';
import { ansibleAvailable, mergeReturned, runPlaybook, type PlaybookRun } from './ansible';
import {
  createWorkspace,
  commitList,
  PROJECT_ROOT,
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

/** A list repository whose HEAD commit is the change, checked by the run playbook. */
function checkProposal(mode: WorkspaceMode, change: string, remoteOnly: string[] = []): Proposal {
  const workspace = createWorkspace(mode, remoteOnly);
  commitList(
    workspace,
    LIST,
    readFileSync(join(PROPOSALS, 'base.yaml'), 'utf8'),
    '2026-05-01T12:00:00Z',
  );
  const head = commitList(workspace, LIST, change, '2026-05-30T12:00:00Z');
  const vars = {
    ...zuulVars(workspace, mode, head),
    vmt_oversight_list: LIST,
    vmt_oversight_as_of: AS_OF,
    vmt_oversight_node: process.execPath,
    vmt_oversight_git_url: workspace.remoteUrl,
  };
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
    const proposal = checkProposal('node', passing, ['openstack/example-service']);
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
      'vmt-oversight/summary.md',
    ]);
    const report = keptReport(workspace);
    expect(report.verdict).toBe('pass');
    expect(report.changes.added).toEqual(['openstack/example-service']);
    expect(report.asOf).toBe(AS_OF);
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
      vmt_oversight_base: 'no-such-revision',
    };
    const run = runPlaybook(RUN, workspace, 'node', vars);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('usage or configuration error');
    expect(run.returned).toEqual([]);
    expect(existsSync(join(workspace.logRoot, 'vmt-oversight', 'report.json'))).toBe(false);
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
