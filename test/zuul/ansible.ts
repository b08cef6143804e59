/** Runs a playbook of this project with the real ansible-playbook, against this machine. */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZuulFileComment } from '../../src/report/zuul';
import { PROJECT_ROOT, TODAY, type WorkspaceMode, type ZuulWorkspace } from './workspace';

export function ansibleAvailable(): boolean {
  return spawnSync('ansible-playbook', ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface PlaybookRun {
  status: number;
  output: string;
  /** Each zuul_return call the stub plugin recorded. */
  returned: ZuulReturnCall[];
}

export interface ZuulReturnCall {
  args: { file?: string; data?: ReturnedData };
  /** The parsed content of `args.file`, read as Zuul reads it. */
  file_data?: ReturnedData;
}

export interface ReturnedData {
  zuul?: {
    file_comments?: Record<string, ZuulFileComment[]>;
    warnings?: string[];
    artifacts?: { name: string; url: string; metadata?: Record<string, unknown> }[];
  };
}

/**
 * `ansible-playbook -c local` with the stub zuul_return and stub roles; on a node (localhost in
 * the inventory) or executor-only (no host: Zuul's `nodes: []`, where only the implicit
 * localhost exists). `vars` are extra variables (`-e`, as Zuul passes its `zuul` variables);
 * `inventoryVars` go where Zuul puts job and project variables, the inventory's `all` group.
 */
export function runPlaybook(
  playbook: string,
  workspace: ZuulWorkspace,
  mode: WorkspaceMode,
  vars: Record<string, unknown>,
  extraArgs: string[] = [],
  inventoryVars: Record<string, unknown> = {},
): PlaybookRun {
  const { args, options, record } = invocation(
    playbook,
    workspace,
    mode,
    { vars, inventoryVars },
    extraArgs,
  );
  const result = spawnSync('ansible-playbook', args, { ...options, encoding: 'utf8' });
  return {
    status: result.status ?? -1,
    output: `${result.stdout}${result.stderr}`,
    returned: recorded(record),
  };
}

/**
 * `runPlaybook` without blocking this process, for a test that serves something (a fake Gerrit)
 * the playbook's commands talk to while it runs.
 */
export function runPlaybookAsync(
  playbook: string,
  workspace: ZuulWorkspace,
  mode: WorkspaceMode,
  vars: Record<string, unknown>,
): Promise<PlaybookRun> {
  const { args, options, record } = invocation(
    playbook,
    workspace,
    mode,
    { vars, inventoryVars: {} },
    [],
  );
  return new Promise((done, fail) => {
    const child = spawn('ansible-playbook', args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', fail);
    child.on('close', (status) =>
      done({
        status: status ?? -1,
        output: Buffer.concat(output).toString('utf8'),
        returned: recorded(record),
      }),
    );
  });
}

function invocation(
  playbook: string,
  workspace: ZuulWorkspace,
  mode: WorkspaceMode,
  {
    vars,
    inventoryVars,
  }: { vars: Record<string, unknown>; inventoryVars: Record<string, unknown> },
  extraArgs: string[],
): { args: string[]; options: SpawnOptions; record: string } {
  const varsFile = join(workspace.dir, 'zuul-vars.json');
  writeFileSync(varsFile, JSON.stringify(vars, null, 2));
  // JSON is YAML: an inventory ansible reads with its yaml plugin.
  const inventory = join(workspace.dir, 'inventory.yaml');
  const hosts = mode === 'node' ? { hosts: { localhost: {} } } : {};
  writeFileSync(inventory, JSON.stringify({ all: { ...hosts, vars: inventoryVars } }, null, 2));
  const record = join(workspace.dir, 'zuul_return.jsonl');
  const ansibleHome = join(workspace.dir, 'ansible');
  mkdirSync(ansibleHome, { recursive: true });
  const args = ['-i', inventory, '-c', 'local', join(PROJECT_ROOT, playbook), '-e', `@${varsFile}`];
  args.push('-e', 'ansible_python_interpreter=auto_silent', ...extraArgs);
  const options: SpawnOptions = {
    cwd: workspace.dir,
    env: {
      ...process.env,
      // The machine's clock, for every node process the playbook starts: it is TODAY there.
      NODE_OPTIONS: `--require ${JSON.stringify(clockPreload(workspace))}`,
      LC_ALL: 'C.UTF-8',
      ANSIBLE_HOME: ansibleHome,
      ANSIBLE_LOCAL_TEMP: join(ansibleHome, 'tmp'),
      ANSIBLE_REMOTE_TEMP: join(ansibleHome, 'remote-tmp'),
      ANSIBLE_ACTION_PLUGINS: join(__dirname, 'action_plugins'),
      ANSIBLE_ROLES_PATH: join(__dirname, 'roles'),
      ANSIBLE_NOCOLOR: '1',
      ANSIBLE_RETRY_FILES_ENABLED: '0',
      ANSIBLE_LOCALHOST_WARNING: '0',
      ANSIBLE_INVENTORY_UNPARSED_WARNING: '0',
      VMT_ZUUL_RETURN_RECORD: record,
    },
    timeout: 300_000,
  };
  return { args, options, record };
}

/**
 * A preload that moves node's clock to noon UTC on TODAY (time still runs), as a clock set on
 * that day would: the job judges as of today, and the example world's data is dated.
 */
function clockPreload(workspace: ZuulWorkspace): string {
  const file = join(workspace.dir, 'clock.cjs');
  const target = Date.parse(`${TODAY}T12:00:00Z`);
  writeFileSync(
    file,
    [
      'const RealDate = Date;',
      `const offset = ${target} - RealDate.now();`,
      'class ShiftedDate extends RealDate {',
      '  constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }',
      '  static now() { return RealDate.now() + offset; }',
      '}',
      'globalThis.Date = ShiftedDate;',
      '',
    ].join('\n'),
  );
  return file;
}

function recorded(record: string): ZuulReturnCall[] {
  return existsSync(record)
    ? readFileSync(record, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ZuulReturnCall)
    : [];
}

/** Zuul's merge of several zuul_return calls: file comments, warnings, artifacts concatenated. */
export function mergeReturned(
  calls: ZuulReturnCall[],
): Required<NonNullable<ReturnedData['zuul']>> {
  const merged = {
    file_comments: {} as Record<string, ZuulFileComment[]>,
    warnings: [] as string[],
    artifacts: [] as Required<NonNullable<ReturnedData['zuul']>>['artifacts'],
  };
  for (const call of calls) {
    for (const data of [call.file_data, call.args.data]) {
      const zuul = data?.zuul;
      if (!zuul) continue;
      for (const [path, comments] of Object.entries(zuul.file_comments ?? {})) {
        merged.file_comments[path] = [...(merged.file_comments[path] ?? []), ...comments];
      }
      merged.warnings.push(...(zuul.warnings ?? []));
      merged.artifacts.push(...(zuul.artifacts ?? []));
    }
  }
  return merged;
}
