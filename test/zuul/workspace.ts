/**
 * A Zuul-like build on local disk for the playbook test: the executor's work and log roots, a
 * node's home, and under `<root>/src/opendev.org/` the list repository (a real git repository whose
 * HEAD is the change), the evidence repositories and candidates of the example world, and the tool
 * itself (a link to this project). Plus the `zuul` variables Zuul would give the playbook.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWorld } from '../../examples/build-world';

export const PROJECT_ROOT = join(__dirname, '..', '..');
export const LIST_PROJECT = 'openstack/ossa';
export const TOOL_PROJECT = 'openstack/vmt-oversight';
const HOST = 'opendev.org';
const EVIDENCE = ['openstack/governance', 'openstack/releases', 'openstack/project-config'];

/** `node`: repositories in the node's home; `executor`: in the executor's work root, no node. */
export type WorkspaceMode = 'node' | 'executor';

export interface ZuulWorkspace {
  dir: string;
  /** `file://` base URL of the repositories kept off the workspace (a stand-in for opendev.org). */
  remoteUrl: string;
  workRoot: string;
  logRoot: string;
  home: string;
  /** Where the repositories are: `home` on a node, `workRoot` on the executor. */
  root: string;
  /** The list repository's work tree. */
  listRepo: string;
  cleanup(): void;
}

/**
 * `remoteOnly`: candidates left out of the workspace, reachable only at `remoteUrl`.
 */
export function createWorkspace(mode: WorkspaceMode, remoteOnly: string[] = []): ZuulWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-oversight-zuul-'));
  const workRoot = join(dir, 'work');
  const logRoot = join(dir, 'logs');
  const home = join(dir, 'home');
  for (const d of [workRoot, logRoot, home]) mkdirSync(d, { recursive: true });
  const root = mode === 'node' ? home : workRoot;
  const src = join(root, 'src', HOST);
  const remote = join(dir, 'remote');
  layOutWorld(join(dir, 'world'), src);
  for (const name of remoteOnly) {
    mkdirSync(join(remote, name, '..'), { recursive: true });
    renameSync(join(src, name), join(remote, name));
  }
  mkdirSync(join(src, 'openstack'), { recursive: true });
  symlinkSync(PROJECT_ROOT, join(src, TOOL_PROJECT));
  const listRepo = join(src, LIST_PROJECT);
  mkdirSync(listRepo, { recursive: true });
  git(listRepo, 'init', '--quiet', '--initial-branch=master');
  return {
    dir,
    remoteUrl: pathToFileURL(remote).href,
    workRoot,
    logRoot,
    home,
    root,
    listRepo,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The example world's data and candidates, moved to where Zuul would have checked them out. */
function layOutWorld(scratch: string, src: string): void {
  const world = buildWorld(join(PROJECT_ROOT, 'examples', 'world'), scratch);
  mkdirSync(join(src, 'openstack'), { recursive: true });
  renameSync(world.governance, join(src, 'openstack', 'governance'));
  renameSync(world.releases, join(src, 'openstack', 'releases'));
  renameSync(world.projectConfig, join(src, 'openstack', 'project-config'));
  for (const namespace of readdirSync(world.reposRoot)) {
    for (const name of readdirSync(join(world.reposRoot, namespace))) {
      mkdirSync(join(src, namespace), { recursive: true });
      renameSync(join(world.reposRoot, namespace, name), join(src, namespace, name));
    }
  }
  rmSync(scratch, { recursive: true, force: true });
}

/** Commits `content` as the list file, dated; returns the commit's sha. */
export function commitList(
  workspace: ZuulWorkspace,
  path: string,
  content: string,
  date: string,
): string {
  return commitFiles(workspace, { [path]: content }, date);
}

/** Commits the files (null: deleted) in the list repository, dated; returns the commit's sha. */
export function commitFiles(
  workspace: ZuulWorkspace,
  files: Record<string, string | null>,
  date: string,
): string {
  for (const [path, content] of Object.entries(files)) {
    const file = join(workspace.listRepo, path);
    if (content === null) {
      rmSync(file, { force: true });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  git(workspace.listRepo, 'add', '--all');
  execFileSync('git', ['commit', '--quiet', '-m', `Change the list (${date})`], {
    cwd: workspace.listRepo,
    env,
  });
  return git(workspace.listRepo, 'rev-parse', 'HEAD').trim();
}

function git(cwd: string, ...args: string[]): string {
  const options = { cwd, env: { ...process.env }, encoding: 'utf8' as const };
  return execFileSync('git', args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The day every build in these tests runs on: the tool's clock (it judges as of today) is set
 * to it, as the example world's data is dated.
 */
export const TODAY = '2026-06-01';

/** The change under test: 912345, patch set 2, on the list repository. */
export const CHANGE = '912345';

/**
 * One entry of `zuul.items` (job-content.rst, "Item"): a change being tested with this one, such
 * as a change it `Depends-On:`. Its project carries the five fields Zuul gives items.
 */
export function zuulItem(name: string, change: string, patchset = '1'): Record<string, unknown> {
  const {
    name: projectName,
    short_name,
    canonical_hostname,
    canonical_name,
    src_dir,
  } = project(name, null);
  return {
    branch: 'master',
    change,
    change_url: `https://review.opendev.org/c/${name}/+/${change}`,
    patchset,
    project: { name: projectName, short_name, canonical_hostname, canonical_name, src_dir },
    ref: `refs/changes/${change.slice(-2)}/${change}/${patchset}`,
    topic: null,
  };
}

/**
 * The variables Zuul gives a job's playbooks (job-content.rst), for this workspace. `zuul.items`
 * holds `ahead` (the changes this one depends on, in order), then the change under test.
 */
export function zuulVars(
  workspace: ZuulWorkspace,
  mode: WorkspaceMode,
  head: string,
  ahead: Record<string, unknown>[] = [],
): Record<string, unknown> {
  const projects = Object.fromEntries(
    [LIST_PROJECT, TOOL_PROJECT, ...EVIDENCE].map((name) => [
      `${HOST}/${name}`,
      project(name, name === LIST_PROJECT ? head : null),
    ]),
  );
  return {
    zuul: {
      tenant: 'openstack',
      pipeline: 'check',
      job: 'vmt-oversight-check',
      voting: true,
      build: '5f1d3c0e8d8a4b1e9f0a6b7c8d9e0f11',
      buildset: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      change: CHANGE,
      patchset: '2',
      branch: 'master',
      ref: 'refs/changes/45/912345/2',
      change_url: 'https://review.opendev.org/c/openstack/ossa/+/912345',
      project: project(LIST_PROJECT, head),
      projects,
      items: [...ahead, zuulItem(LIST_PROJECT, CHANGE, '2')],
      executor: {
        hostname: 'ze01.opendev.org',
        work_root: workspace.workRoot,
        src_root: join(workspace.workRoot, 'src'),
        log_root: workspace.logRoot,
        inventory_file: join(workspace.dir, 'inventory.yaml'),
      },
    },
    ...(mode === 'node' ? { ansible_user_dir: workspace.home } : {}),
  };
}

function project(name: string, commit: string | null): Record<string, unknown> {
  return {
    name,
    short_name: name.split('/')[1],
    canonical_hostname: HOST,
    canonical_name: `${HOST}/${name}`,
    src_dir: `src/${HOST}/${name}`,
    required: name !== LIST_PROJECT,
    checkout: 'master',
    checkout_description: 'zuul branch',
    commit: commit ?? '0000000000000000000000000000000000000000',
  };
}
