import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { gitEnvironment, GLOBAL_OPTIONS, safeConfig, type GitProtocol } from '../environment';
import { GitError, GitMissingError, GitTimeoutError } from '../errors';
import { withGitSlot } from '../limit';

/** Bounds on one clone or fetch. */
export interface NetworkLimits {
  /** The whole call, start to end. */
  totalMs: number;
  /** No progress from git (stderr) for this long stops it. */
  idleMs: number;
  /** The repository's objects may not grow by more than this. */
  maxBytes: number;
}

export const DEFAULT_NETWORK_LIMITS: NetworkLimits = {
  totalMs: 10 * 60 * 1000,
  idleMs: 60 * 1000,
  maxBytes: 1024 * 1024 * 1024,
};

export interface NetworkCall {
  /** `--git-dir` of the call; none for `clone`. */
  gitDir?: string;
  args: readonly string[];
  /** The only transport this call may use. */
  protocol: GitProtocol;
  /** Watched for size while the call runs (a clone's target, a repository's objects). */
  watch: string;
  limits: NetworkLimits;
  input?: string;
}

/** How a network call failed, in words a person can act on. */
export class NetworkGitError extends GitError {
  constructor(
    args: readonly string[],
    stderr: string,
    exitCode: number | null,
    readonly kind: 'timeout' | 'too-large' | 'not-found' | 'failed',
  ) {
    super(args, stderr, exitCode);
    this.name = 'NetworkGitError';
  }
}

/**
 * Settings of a network call on top of `safeConfig`: no redirects (a server cannot send us to
 * another host or scheme), a low-speed cut-off, protocol v2 (wants of any object, needed for
 * fetching trees and blobs by id), and no automatic maintenance.
 */
function networkConfig(protocol: GitProtocol, idleMs: number): string[] {
  return [
    ...safeConfig([protocol]),
    'http.followRedirects=false',
    'http.lowSpeedLimit=1',
    `http.lowSpeedTime=${Math.max(1, Math.ceil(idleMs / 1000))}`,
    'protocol.version=2',
    'fetch.writeCommitGraph=false',
    'transfer.fsckObjects=true',
    'submodule.recurse=false',
  ];
}

/**
 * Runs one git clone or fetch with the one transport allowed, a wall-clock and an idle timeout,
 * and a cap on what it may write to disk (checked while it runs). The only place a git process
 * may reach the network.
 */
export function runNetworkGit(call: NetworkCall): Promise<Buffer> {
  return withGitSlot(() => spawnBounded(call));
}

function spawnBounded(call: NetworkCall): Promise<Buffer> {
  const { limits } = call;
  const config = networkConfig(call.protocol, limits.idleMs).flatMap((c) => ['-c', c]);
  const location = call.gitDir ? ['--git-dir', call.gitDir] : [];
  const full = [...config, ...location, ...GLOBAL_OPTIONS, ...call.args];
  const startSize = directorySize(call.watch);
  return new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', full, { env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let failure: NetworkGitError | null = null;
    const stop = (kind: NetworkGitError['kind'], why: string): void => {
      failure ??= new NetworkGitError(call.args, why, null, kind);
      child.kill('SIGKILL');
    };
    const total = setTimeout(
      () => stop('timeout', `no end within ${limits.totalMs / 1000} s; stopped`),
      limits.totalMs,
    );
    let idle = setTimeout(() => stop('timeout', idleText(limits)), limits.idleMs);
    const alive = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => stop('timeout', idleText(limits)), limits.idleMs);
    };
    const sizeWatch = setInterval(() => {
      void Promise.all([startSize, directorySize(call.watch)]).then(([before, now]) => {
        if (now - before > limits.maxBytes) {
          stop('too-large', tooLarge(limits));
        }
      });
    }, 200);
    const finish = (): void => {
      clearTimeout(total);
      clearTimeout(idle);
      clearInterval(sizeWatch);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      alive();
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      alive();
      if (err.length < 16 * 1024) err += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      reject(error.code === 'ENOENT' ? new GitMissingError() : error);
    });
    child.on('close', (code) => {
      finish();
      // A fast answer can end between two looks of the watch: measure once more at the end.
      void Promise.all([startSize, directorySize(call.watch)]).then(([before, now]) => {
        if (!failure && now - before > limits.maxBytes) {
          failure = new NetworkGitError(call.args, tooLarge(limits), null, 'too-large');
        }
        if (failure) reject(failure);
        else if (code === 0) resolve(Buffer.concat(out));
        else reject(new NetworkGitError(call.args, lastLines(err), code, classify(err)));
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(call.input ?? '');
  });
}

function tooLarge(limits: NetworkLimits): string {
  return `the answer outgrew the ${limits.maxBytes}-byte cap; stopped`;
}

function idleText(limits: NetworkLimits): string {
  return new GitTimeoutError([], limits.idleMs).stderr;
}

function classify(stderr: string): NetworkGitError['kind'] {
  if (/not found|does not exist|no such repository|returned error: 404/i.test(stderr)) {
    return 'not-found';
  }
  if (/timed out|too slow|Operation too slow/i.test(stderr)) return 'timeout';
  return 'failed';
}

/** git prints progress first and the reason last. */
function lastLines(stderr: string): string {
  const lines = stderr
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !/^(remote: )?(Counting|Compressing|Receiving|Resolving|Enumerating|Total)/.test(line),
    );
  return lines.slice(-3).join('; ');
}

/** Bytes under a directory (missing: 0), without following links; bounded in depth. */
export async function directorySize(dir: string, depth = 0): Promise<number> {
  if (depth > 6) return 0;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let size = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) size += await directorySize(path, depth + 1);
    else if (entry.isFile()) size += (await fs.lstat(path).catch(() => ({ size: 0 }))).size;
  }
  return size;
}
