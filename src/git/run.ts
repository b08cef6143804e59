import { catFileBatch, type CatFileBatch } from './batch';
import type { GitChild } from './child';
import type { SimpleGit, SimpleGitOptions } from 'simple-git';
import { gitEnvironment, GLOBAL_OPTIONS, safeConfig, type GitProtocol } from './environment';
import { GitError, GitMissingError, GitTimeoutError } from './errors';
import { withGitSlot } from './limit';
import { gitSpawner } from './spawner';

export { GitError, GitMissingError, GitTimeoutError } from './errors';

/** Runs git commands against one repository, counting the calls. */
export interface Git {
  readonly gitDir: string;
  /** Runs `git <args>`; `input` goes to stdin (only `cat-file --batch` needs it). */
  run(args: readonly string[], input?: string): Promise<Buffer>;
  /**
   * One `cat-file --batch` process to ask for objects in turn (one call; it holds a slot of the
   * run-wide limit until closed, so close it before running anything else).
   */
  batch(): CatFileBatch;
  calls(): number;
}

/** Where a work tree's repository is: found by git from a directory, as git itself would. */
export interface DiscoveredRepository {
  workTree: string;
  gitDir: string;
}

/**
 * The work tree containing `dir` and its git directory, asked of git once (`rev-parse`) with the
 * same scrubbed environment: an inherited GIT_DIR cannot make it answer for another repository.
 * Null when `dir` is not inside a work tree.
 */
export async function discoverWorkTree(dir: string): Promise<DiscoveredRepository | null> {
  const engine = simpleEngine(dir, safeConfig(), gitEnvironment(), DEFAULT_IDLE_TIMEOUT_MS);
  const args = ['rev-parse', '--show-toplevel', '--absolute-git-dir'];
  let out: Buffer;
  try {
    out = await withGitSlot(() => runEngine(engine, [...GLOBAL_OPTIONS, ...args], args, 0));
  } catch (error) {
    if (error instanceof GitMissingError) throw error;
    return null;
  }
  const [workTree, gitDir] = out.toString('utf8').split('\n');
  return workTree && gitDir ? { workTree, gitDir } : null;
}

/** Counts git calls across several Git instances (for the benchmark and progress). */
export interface GitCallCounter {
  count: number;
}

export interface GitOptions {
  /** The work tree, for the list repository's uncommitted edits; none for plain reads. */
  workTree?: string;
  counter?: GitCallCounter;
  /** Transports this repository's calls may use (none: local reads only). */
  protocols?: readonly GitProtocol[];
  /** A call that prints nothing for this long is stopped (a FIFO in an include, a stall). */
  idleTimeoutMs?: number;
  /** A call whose output outgrows this is stopped and fails. */
  maxOutputBytes?: number;
  /**
   * `gitEnvironment()` as taken once for a run by a caller that makes a Git per repository (it
   * reads some twenty variables of `process.env`); taken afresh when absent.
   */
  environment?: Record<string, string>;
}

const DEFAULT_IDLE_TIMEOUT_MS = 6000;
const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * The one way this program runs git. Every call is bound to an explicit git directory (git never
 * searches, and nothing inherited can point it elsewhere), runs in a scrubbed environment with
 * the `-c` settings of `safeConfig`, waits for a free slot of the run-wide process limit, and is
 * stopped when it hangs. simple-git is the engine; calls that need stdin (`cat-file --batch`) are
 * spawned directly, by the spawner's helper process.
 */
export function createGit(gitDir: string, options: GitOptions = {}): Git {
  let calls = 0;
  const config = safeConfig(options.protocols);
  const env = options.environment ?? gitEnvironment();
  const location = [
    '--git-dir',
    gitDir,
    ...(options.workTree ? ['--work-tree', options.workTree] : []),
  ];
  const idle = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  // Built on the first `run`: a repository read whole through its cat-file session never needs it.
  let engine: SimpleGit | undefined;
  const engineOf = (): SimpleGit =>
    (engine ??= simpleEngine(options.workTree ?? gitDir, config, env, idle));
  return {
    gitDir,
    calls: () => calls,
    run(args, input) {
      calls += 1;
      if (options.counter) options.counter.count += 1;
      const full = [...location, ...GLOBAL_OPTIONS, ...args];
      if (input !== undefined) {
        const settings = { config, env, idle, max: options.maxOutputBytes };
        return withGitSlot(() => spawnWithInput(full, args, input, settings));
      }
      let ready: SimpleGit;
      try {
        ready = engineOf();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return withGitSlot(() => runEngine(ready, full, args, idle));
    },
    batch() {
      const full = [...location, ...GLOBAL_OPTIONS, 'cat-file', '--batch'];
      let release = (): void => undefined;
      const freed = new Promise<void>((resolve) => (release = resolve));
      return catFileBatch({
        start: () =>
          new Promise<GitChild>((started) => {
            void withGitSlot(() => {
              // Counted when it starts: a session never asked for anything costs nothing.
              calls += 1;
              if (options.counter) options.counter.count += 1;
              started(spawnGit(full, config, env));
              return freed;
            });
          }),
        release: () => release(),
        idleMs: idle,
        maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      });
    },
  };
}

/** Started by the spawner's helper process (src/git/spawner.ts): no fork of this one. */
function spawnGit(
  full: readonly string[],
  config: readonly string[],
  env: Record<string, string>,
): GitChild {
  const configArgs = config.flatMap((setting) => ['-c', setting]);
  return gitSpawner.spawn('git', [...configArgs, ...full], env);
}

function simpleEngine(
  cwd: string,
  config: string[],
  env: Record<string, string>,
  idleMs: number,
): SimpleGit {
  const options: Partial<SimpleGitOptions> = {
    baseDir: cwd,
    binary: 'git',
    trimmed: false,
    maxConcurrentProcesses: 64, // the run-wide limit is withGitSlot's
    config,
    timeout: { block: idleMs },
    // Our own -c settings and the person's GIT_CONFIG_GLOBAL are what simple-git calls unsafe:
    // they are what make the call safe, so allow exactly those categories.
    unsafe: {
      allowUnsafeFsMonitor: true,
      allowUnsafeHooksPath: true,
      allowUnsafePager: true,
      allowUnsafeAskPass: true,
      allowUnsafeCredentialHelper: true,
      allowUnsafeDiffExternal: true,
      allowUnsafeProtocolOverride: true,
      allowUnsafeConfigPaths: true,
    },
    errors: (error, result) => {
      if (error) return error;
      if (result.exitCode === 0) return undefined;
      return Buffer.concat(result.stdErr);
    },
  };
  // Loaded when first needed (some 30 ms): most runs read every repository in its batch session.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { simpleGit } = require('simple-git') as typeof import('simple-git');
  return simpleGit(options).env(env);
}

async function runEngine(
  engine: SimpleGit,
  full: string[],
  args: readonly string[],
  idleMs: number,
): Promise<Buffer> {
  try {
    return Buffer.from(await engine.raw(full), 'utf8');
  } catch (error) {
    throw toGitError(error, args, idleMs);
  }
}

function toGitError(error: unknown, args: readonly string[], idleMs: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/spawn \S*git ENOENT/.test(message)) return new GitMissingError();
  if (/block timeout reached/.test(message)) return new GitTimeoutError(args, idleMs);
  const code = /exit code (\d+)/.exec(message);
  return new GitError(args, message, code ? Number(code[1]) : 1);
}

interface SpawnSettings {
  config: string[];
  env: Record<string, string>;
  idle: number;
  max: number | undefined;
}

function spawnWithInput(
  full: string[],
  args: readonly string[],
  input: string,
  settings: SpawnSettings,
): Promise<Buffer> {
  const max = settings.max ?? DEFAULT_MAX_OUTPUT_BYTES;
  return new Promise<Buffer>((resolve, reject) => {
    const child = spawnGit(full, settings.config, settings.env);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failure: Error | null = null;
    const stop = (reason: Error): void => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    let timer = setTimeout(() => stop(new GitTimeoutError(args, settings.idle)), settings.idle);
    const alive = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(new GitTimeoutError(args, settings.idle)), settings.idle);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      alive();
      size += chunk.length;
      if (size > max) stop(new GitError(args, `output over ${max} bytes; stopped`, null));
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 64) err.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new GitMissingError() : error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(args, Buffer.concat(err).toString('utf8'), code));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
