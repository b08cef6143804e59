import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliProcess } from '../../test/helpers/cli-process';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { catFileBatch } from './batch';
import type { GitObject } from './cat-file';
import type { GitChild } from './child';
import { gitEnvironment } from './environment';
import { gitSlotsInUse } from './limit';
import { createGit, GitError, GitMissingError, GitTimeoutError } from './run';
import { createSpawner, gitSpawner, type Spawner } from './spawner';

let repo: TempRepo;
let commit: string;
const HOOK = join(__dirname, '..', '..', 'test', 'helpers', 'transpile-hook.js');

beforeAll(() => {
  repo = createTempRepo();
  repo.write('small.txt', 'hello\n');
  repo.write('big.bin', Buffer.alloc(1024 * 1024, 7)); // many pipe reads: the chunks are joined
  commit = repo.commit('Initial', '2025-01-01T00:00:00Z');
});
afterAll(async () => {
  repo.cleanup();
  await gitSpawner.stop();
});

const gitDir = (): string => join(repo.dir, '.git');
const sha = (path: string): string => repo.git('rev-parse', `${commit}:${path}`).trim();
const specs = (): string[] => [
  `${commit}^{tree}`,
  sha('small.txt'),
  sha('big.bin'),
  '0'.repeat(40),
];

/** Waits until the helper runs no process (each was killed or ended), or fails after `ms`. */
async function noneRunning(spawner: Spawner, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (spawner.stats().running > 0) {
    if (Date.now() > until) throw new Error(`${spawner.stats().running} git processes still run`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Type, size and hash of each answer (jest compares a 1 MB Buffer byte by byte, slowly). */
const digest = (objects: (GitObject | null)[]): (string | null)[] =>
  objects.map((object) =>
    object
      ? `${object.type} ${object.content.length} ${createHash('sha1').update(object.content).digest('hex')}`
      : null,
  );

/** One session over `child`, as createGit drives it, reading `specs()`. */
async function readAll(child: GitChild): Promise<(string | null)[]> {
  const session = catFileBatch({
    start: () => Promise.resolve(child),
    release: () => undefined,
    idleMs: 6000,
    maxOutputBytes: 64 * 1024 * 1024,
  });
  try {
    return digest(await session.read(specs(), 2 * 1024 * 1024));
  } finally {
    session.close();
  }
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

const batchArgs = (): string[] => ['--git-dir', gitDir(), 'cat-file', '--batch'];

describe('git started by the helper process', () => {
  it('answers a session exactly as a process started here does, and so does the thread', async () => {
    const before = gitSpawner.stats().away;
    const env = gitEnvironment();
    const here = await readAll(spawn('git', batchArgs(), { env, stdio: ['pipe', 'pipe', 'pipe'] }));
    const threaded = await readAll(gitSpawner.spawn('git', batchArgs(), env));
    expect(gitSpawner.stats().away).toBe(before + 1);
    expect(gitSpawner.helperPid()).toEqual(expect.any(Number));
    expect(gitSpawner.helperPid()).not.toBe(process.pid);
    expect(threaded).toEqual(here);
    const thread = createSpawner({ transport: 'thread' });
    try {
      expect(await readAll(thread.spawn('git', batchArgs(), env))).toEqual(here);
      await noneRunning(thread);
      expect(thread.stats()).toEqual({ away: 1, here: 0, running: 0 });
      expect(thread.helperPid()).toBeUndefined();
    } finally {
      await thread.stop();
    }
    const bigHash = createHash('sha1')
      .update(Buffer.alloc(1024 * 1024, 7))
      .digest('hex');
    expect(threaded.slice(1)).toEqual([
      'blob 6 ' + sha1('hello\n'),
      `blob 1048576 ${bigHash}`,
      null,
    ]);
    expect(threaded[0]).toMatch(/^tree \d+ [0-9a-f]{40}$/);
    await noneRunning(gitSpawner);
  });

  it('runs createGit sessions in the helper, one process each, and frees the slots', async () => {
    const before = gitSpawner.stats().away;
    // A session holds its slot until closed: each closes once answered, so all 20 get a turn.
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const session = createGit(gitDir()).batch();
        try {
          return await session.read([sha('small.txt')], 100);
        } finally {
          session.close();
        }
      }),
    );
    expect(answers.map(([object]) => object?.content.toString('utf8'))).toEqual(
      Array(20).fill('hello\n'),
    );
    expect(gitSpawner.stats().away).toBe(before + 20);
    await noneRunning(gitSpawner);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gitSlotsInUse().active).toBe(0);
  });

  it('kills a git that hangs (a FIFO in its config) on the idle timeout', async () => {
    const hung = createTempRepo();
    try {
      const fifo = join(hung.dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      hung.git('config', 'include.path', fifo);
      const started = Date.now();
      const session = createGit(join(hung.dir, '.git'), { idleTimeoutMs: 300 }).batch();
      await expect(session.read([sha('small.txt')], 100)).rejects.toThrow(GitTimeoutError);
      expect(Date.now() - started).toBeLessThan(3000);
      // Only a kill ends it: git waits on the FIFO forever.
      await noneRunning(gitSpawner);
    } finally {
      hung.cleanup();
    }
  });

  it('stops a session whose output outgrows the cap', async () => {
    const session = createGit(gitDir(), { maxOutputBytes: 100_000 }).batch();
    await expect(session.read([sha('big.bin')], 2 * 1024 * 1024)).rejects.toThrow(
      /output over 100000 bytes; stopped/,
    );
    session.close();
    await noneRunning(gitSpawner);
  });

  it('holds little of a huge refused object while this thread is busy (the pipe waits)', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'vmt-oversight-spawner-huge-'));
    try {
      execFileSync('git', ['init', '--quiet', '--bare', bare]);
      // 100 MB of zeros: a few hundred KB packed, 100 MB out of cat-file.
      const huge = join(bare, 'huge');
      writeFileSync(huge, Buffer.alloc(100 * 1024 * 1024));
      const id = execFileSync('git', ['--git-dir', bare, 'hash-object', '-w', huge]);
      rmSync(huge);
      // The helper started and git running first, so the answer comes while this thread is busy.
      const session = createGit(bare).batch();
      await session.read(['0'.repeat(40)], 1024);
      const refused = session.read([id.toString('utf8').trim()], 1024).then(
        () => null,
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setImmediate(resolve)); // the request is sent
      const busyUntil = Date.now() + 1500; // a long garbage collection, a big synchronous parse
      while (Date.now() < busyUntil);
      expect(await refused).toMatch(/over the 1024-byte cap/);
      const status = readFileSync(`/proc/${gitSpawner.helperPid()}/status`, 'utf8');
      const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      expect(peakKb).toBeGreaterThan(0);
      expect(peakKb).toBeLessThan(100 * 1024); // without the pause: the whole object, 170+ MB
      session.close();
      await noneRunning(gitSpawner);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('stops a call with input whose output outgrows the cap', async () => {
    const git = createGit(gitDir(), { maxOutputBytes: 100_000 });
    await expect(git.run(['cat-file', '--batch'], `${sha('big.bin')}\n`)).rejects.toThrow(
      /output over 100000 bytes; stopped/,
    );
    await noneRunning(gitSpawner);
  });

  it("gives git's exit code and message when it fails", async () => {
    const notRepo = mkdtempSync(join(tmpdir(), 'vmt-oversight-not-a-repo-'));
    try {
      const session = createGit(notRepo).batch();
      const failure = await session.read([sha('small.txt')], 100).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GitError);
      expect(failure).toMatchObject({ exitCode: 128, stderr: expect.stringMatching(/not a git/) });
      session.close();
      const call = createGit(gitDir()).run(['rev-parse', '--verify', 'no-such-ref'], '');
      await expect(call).rejects.toMatchObject({ exitCode: 128 });
    } finally {
      rmSync(notRepo, { recursive: true, force: true });
    }
  });

  it('says git is missing when PATH has no git, for a session and for a call with input', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vmt-oversight-no-git-'));
    const path = process.env.PATH;
    process.env.PATH = empty;
    try {
      const git = createGit(gitDir());
      process.env.PATH = path;
      const session = git.batch();
      await expect(session.read([sha('small.txt')], 100)).rejects.toThrow(GitMissingError);
      session.close();
      await expect(git.run(['cat-file', '--batch'], 'x\n')).rejects.toThrow(GitMissingError);
      await noneRunning(gitSpawner);
    } finally {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe.each([
  ['its program fails', { source: 'throw new Error("no helper here")' }],
  ['its node is missing', { execPath: join(tmpdir(), 'vmt-oversight-no-such-node') }],
  ['the thread cannot start', { transport: 'thread', source: 'throw new Error("no thread")' }],
] as const)('when the helper cannot start (%s)', (_, options) => {
  it('starts the processes here instead, with what was asked meanwhile', async () => {
    const broken = createSpawner(options);
    const env = gitEnvironment();
    const [first, second] = await Promise.all([
      readAll(broken.spawn('git', batchArgs(), env)),
      readAll(broken.spawn('git', batchArgs(), env)),
    ]);
    const third = await readAll(broken.spawn('git', batchArgs(), env));
    expect(first?.[1]).toBe(`blob 6 ${sha1('hello\n')}`);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(broken.stats()).toEqual({ away: 0, here: 3, running: 0 });
    expect(broken.helperPid()).toBeUndefined();
    await broken.stop();
  });
});

describe('the run ends when its work does', () => {
  it('exits promptly after many sessions, the helper holding nothing open', () => {
    const run = join(__dirname, 'run.ts');
    const spawner = join(__dirname, 'spawner.ts');
    const script = `
      const { createGit } = require(${JSON.stringify(run)});
      const { gitSpawner } = require(${JSON.stringify(spawner)});
      (async () => {
        for (let i = 0; i < 60; i += 1) {
          const session = createGit(${JSON.stringify(gitDir())}).batch();
          const [object] = await session.read([${JSON.stringify(sha('small.txt'))}], 100);
          if (object.content.toString('utf8') !== 'hello\\n') throw new Error('wrong answer');
          session.close();
        }
        process.stdout.write(JSON.stringify(gitSpawner.stats()));
      })();`;
    const started = Date.now();
    const result = spawnSync(process.execPath, ['-r', HOOK, '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
      env: process.env,
    });
    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ away: 60, here: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

/** A repository whose git hangs at start (a FIFO in its config) until the FIFO is opened. */
function hangingRepo(): TempRepo {
  const hung = createTempRepo();
  const fifo = join(hung.dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  hung.git('config', 'include.path', fifo);
  return hung;
}

/** Ends what is left of a test's gits (git reads its config, so the FIFO, more than once). */
function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Whether `pid` runs (a zombie left for its reaper does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

/** The children of `pid` where /proc says (Linux), else none. */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split(' ').filter(Boolean).map(Number);
}

async function until(test: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`still not ${what} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('when the helper dies', () => {
  it('fails the sessions it ran, without waiting for their idle timeout', async () => {
    const hung = hangingRepo();
    const spawner = createSpawner();
    let gits: number[] = [];
    try {
      const child = spawner.spawn(
        'git',
        ['--git-dir', join(hung.dir, '.git'), 'cat-file', '--batch'],
        gitEnvironment(),
      );
      const session = catFileBatch({
        start: () => Promise.resolve(child),
        release: () => undefined,
        idleMs: 60_000,
        maxOutputBytes: 1024,
      });
      const pid = spawner.helperPid() ?? 0;
      const read = session.read([sha('small.txt')], 100);
      const outcome = read.then(
        () => 'answered',
        (error: Error) => error.message,
      );
      await until(
        () => (gits = childrenOf(pid)).length > 0 || !existsSync('/proc'),
        3000,
        'running git',
      );
      const started = Date.now();
      process.kill(pid, 'SIGKILL');
      expect(await outcome).toMatch(/the git spawner stopped/);
      expect(Date.now() - started).toBeLessThan(3000);
      session.close();
      expect(spawner.stats().running).toBe(0);
      // What comes later is started here.
      expect(await readAll(spawner.spawn('git', batchArgs(), gitEnvironment()))).toHaveLength(4);
      expect(spawner.stats()).toMatchObject({ away: 1, here: 1 });
    } finally {
      killAll(gits);
      await spawner.stop();
      hung.cleanup();
    }
  });

  it('exits with its parent, killing its gits, when the parent is SIGKILLed', async () => {
    const hung = hangingRepo();
    const script = `
      const { gitSpawner } = require(${JSON.stringify(join(__dirname, 'spawner.ts'))});
      const { gitEnvironment } = require(${JSON.stringify(join(__dirname, 'environment.ts'))});
      const args = ['--git-dir', ${JSON.stringify(join(hung.dir, '.git'))}, 'cat-file', '--batch'];
      gitSpawner.spawn('git', args, gitEnvironment()).on('close', () => undefined);
      process.stdout.write(gitSpawner.helperPid() + '\\n');`;
    const parent = spawn(process.execPath, ['-r', HOOK, '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let gits: number[] = [];
    try {
      const helper = await new Promise<number>((resolve, reject) => {
        parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString('utf8'))));
        parent.once('exit', () => reject(new Error('the parent exited first')));
      });
      expect(helper).toBeGreaterThan(0);
      if (existsSync('/proc')) {
        await until(() => (gits = childrenOf(helper)).length > 0, 5000, 'running git');
      }
      parent.kill('SIGKILL');
      await until(() => !alive(helper), 3000, 'gone');
      await until(() => gits.every((git) => !alive(git)), 3000, 'killed');
    } finally {
      parent.kill('SIGKILL');
      killAll(gits);
      hung.cleanup();
    }
  });
});

describe('the CLI from source', () => {
  it('exits promptly with status 0 when it used the helper', async () => {
    const listed = createTempRepo();
    const scratch = mkdtempSync(join(tmpdir(), 'vmt-oversight-spawner-cli-'));
    try {
      listed.write('repos-overseen.yaml', 'repositories:\n  - name: openstack/alpha\n');
      listed.commit('Add list', '2026-01-01T00:00:00Z');
      const stats = join(scratch, 'stats.js');
      writeFileSync(
        stats,
        `const { gitSpawner } = require(${JSON.stringify(join(__dirname, 'spawner.ts'))});
        process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(scratch, 'stats.json'))}, JSON.stringify(gitSpawner.stats())));`,
      );
      const result = await runCliProcess(['check', '--repo', listed.dir, '--base', 'HEAD'], {
        cwd: listed.dir,
        preload: [stats],
        killAfterMs: 30_000,
      });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(0);
      const seen = JSON.parse(readFileSync(join(scratch, 'stats.json'), 'utf8')) as {
        away: number;
      };
      expect(seen).toMatchObject({ here: 0, running: 0 });
      expect(seen.away).toBeGreaterThan(0);
      expect(result.ms).toBeLessThan(20_000);
    } finally {
      listed.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
