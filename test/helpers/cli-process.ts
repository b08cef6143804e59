import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

const HOOK = join(__dirname, 'transpile-hook.js');
const BIN = join(__dirname, '..', '..', 'src', 'cli', 'bin.ts');

export interface ProcessResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time from spawn to exit. */
  ms: number;
}

export interface SpawnOptions {
  cwd: string;
  /** Where the child's stdout goes: a pipe (default) or an open file descriptor. */
  stdout?: 'pipe' | number;
  /** Modules the child loads before the CLI (`node -r`). */
  preload?: string[];
  env?: NodeJS.ProcessEnv;
}

/** The CLI from source (bin.ts, as the installed binary runs it) in a real child process. */
export function spawnCli(args: readonly string[], options: SpawnOptions): ChildProcess {
  const preloads = (options.preload ?? []).flatMap((file) => ['-r', file]);
  const stdio: StdioOptions = ['ignore', options.stdout ?? 'pipe', 'pipe'];
  return spawn(process.execPath, ['-r', HOOK, ...preloads, BIN, ...args], {
    cwd: options.cwd,
    stdio,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
}

/**
 * Runs the CLI to its end, killed after `killAfterMs` so that a hang shows as a failed
 * assertion (signal SIGKILL, a long `ms`) rather than a stuck test run.
 */
export function runCliProcess(
  args: readonly string[],
  options: SpawnOptions & { killAfterMs?: number },
): Promise<ProcessResult> {
  const started = Date.now();
  const child = spawnCli(args, options);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 20_000);
  return collect(child, started).finally(() => clearTimeout(timer));
}

/** Waits for `child` to exit, with what it wrote on its pipes. */
export function collect(child: ChildProcess, started = Date.now()): Promise<ProcessResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) =>
      resolve({ status, signal, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

/** Runs the CLI once untimed, so that later timed runs do not pay for transpiling it. */
export function warmCli(): void {
  const result = spawnSync(process.execPath, ['-r', HOOK, BIN, '--version'], { stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`the CLI does not start: ${String(result.stderr)}`);
}
