/**
 * Test helper: a change to the list, in a Zuul-like workspace (test/zuul/workspace.ts), checked
 * by the vmt-oversight-check run playbook with the real ansible-playbook.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/findings/report';
import { ansibleAvailable, runPlaybook, type PlaybookRun } from './ansible';
import {
  commitFiles,
  createWorkspace,
  PROJECT_ROOT,
  zuulVars,
  type WorkspaceMode,
  type ZuulWorkspace,
} from './workspace';

export const RUN = 'playbooks/vmt-oversight-check/run.yaml';
export const LIST = 'repos-overseen.yaml';
export const PROPOSALS = join(PROJECT_ROOT, 'examples', 'proposals');

/** An example proposal's list: base, passing or failing. */
export function example(name: 'base' | 'passing' | 'failing'): string {
  return readFileSync(join(PROPOSALS, `${name}.yaml`), 'utf8');
}

const available = ansibleAvailable();
if (!available && process.env.CI) {
  throw new Error('ansible-playbook is required in CI (install Debian ansible-core; .ci/run does)');
}
if (!available) {
  process.stderr.write(
    'SKIPPED test/zuul/playbook.test.ts: ansible-playbook is not installed (apt-get install ansible-core)\n',
  );
}
export const describeWithAnsible = available ? describe : describe.skip;

/**
 * Builds the tool as `npm run build` does, modules and bundle, so the playbook runs the current
 * code as users run it (and the bundle is not left older than the modules, which would make
 * every later run of this checkout load the modules instead).
 */
export function buildTool(): void {
  const tsc = [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'];
  execFileSync(process.execPath, tsc, { cwd: PROJECT_ROOT, stdio: 'pipe' });
  const bundle = join(PROJECT_ROOT, 'dist', 'build', 'bundle.js');
  execFileSync(process.execPath, [bundle], { cwd: PROJECT_ROOT, stdio: 'pipe' });
}

export interface Proposal {
  run: PlaybookRun;
  workspace: ZuulWorkspace;
}

export interface ProposalOptions {
  /** Candidates left out of the workspace, to be fetched. */
  remoteOnly?: string[];
  /** `zuul.items` ahead of the change: what it depends on. */
  ahead?: Record<string, unknown>[];
  /** Variables a project variant or `vars:` stanza would try to set. */
  vars?: Record<string, unknown>;
  /** `.vmt-oversight.yaml` at base (default: the list, no Gerrit, the local remote). */
  config?: (workspace: ZuulWorkspace) => string;
  /** More files at base, and what the change does to files besides the list (null: deletes). */
  baseFiles?: Record<string, string | null>;
  headFiles?: Record<string, string | null>;
}

/** The list repository's own Zuul configuration: it runs the job. */
export const PROJECT_STANZA =
  '- project:\n    check:\n      jobs:\n        - vmt-oversight-check\n';

/** The list repository's settings for the job: no network (Gerrit is read only where served). */
export function baseConfig(workspace: ZuulWorkspace, gerrit = ''): string {
  return `list: ${LIST}\nzuul:\n  gerrit: '${gerrit}'\n  git-url: ${workspace.remoteUrl}\n`;
}

/**
 * The workspace and the job's variables for a change to the list (the HEAD commit). The job
 * takes no variables: `vars` are only there to show that the playbook ignores them.
 */
export function prepareProposal(
  mode: WorkspaceMode,
  change: string,
  options: ProposalOptions = {},
): { workspace: ZuulWorkspace; vars: Record<string, unknown>; base: string; head: string } {
  const workspace = createWorkspace(mode, options.remoteOnly ?? []);
  const base = commitFiles(
    workspace,
    {
      [LIST]: example('base'),
      '.vmt-oversight.yaml': (options.config ?? baseConfig)(workspace),
      '.zuul.yaml': PROJECT_STANZA,
      ...options.baseFiles,
    },
    '2026-05-01T12:00:00Z',
  );
  const head = commitFiles(
    workspace,
    { [LIST]: change, ...options.headFiles },
    '2026-05-30T12:00:00Z',
  );
  const vars = { ...zuulVars(workspace, mode, head, options.ahead ?? []), ...options.vars };
  return { workspace, vars, base, head };
}

/** A list repository whose HEAD commit is the change, checked by the run playbook. */
export function checkProposal(
  mode: WorkspaceMode,
  change: string,
  options: ProposalOptions = {},
): Proposal {
  const { workspace, vars } = prepareProposal(mode, change, options);
  return { run: runPlaybook(RUN, workspace, mode, vars), workspace };
}

export function keptReport(workspace: ZuulWorkspace): Report {
  return JSON.parse(
    readFileSync(join(workspace.logRoot, 'vmt-oversight', 'report.json'), 'utf8'),
  ) as Report;
}
