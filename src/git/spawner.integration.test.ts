import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Waits until the thread runs no process (each was killed or ended), or fails after `ms`. */
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

describe('git started on the spawner thread', () => {
  it('answers a session exactly as a process started on the main thread does', async () => {
    const before = gitSpawner.stats().inThread;
    const env = gitEnvironment();
    const here = await readAll(spawn('git', batchArgs(), { env, stdio: ['pipe', 'pipe', 'pipe'] }));
    const threaded = await readAll(gitSpawner.spawn('git', batchArgs(), env));
    expect(gitSpawner.stats().inThread).toBe(before + 1);
    expect(threaded).toEqual(here);
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

  it('runs createGit sessions on the thread, one process each, and frees the slots', async () => {
    const before = gitSpawner.stats().inThread;
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
    expect(gitSpawner.stats().inThread).toBe(before + 20);
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

describe('when the thread cannot start', () => {
  it('starts the processes on the main thread instead, with what was asked meanwhile', async () => {
    const broken = createSpawner('throw new Error("no thread here")');
    const env = gitEnvironment();
    const [first, second] = await Promise.all([
      readAll(broken.spawn('git', batchArgs(), env)),
      readAll(broken.spawn('git', batchArgs(), env)),
    ]);
    const third = await readAll(broken.spawn('git', batchArgs(), env));
    expect(first?.[1]).toBe(`blob 6 ${sha1('hello\n')}`);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(broken.stats()).toEqual({ inThread: 0, here: 3, running: 0 });
    await broken.stop();
  });
});

describe('the run ends when its work does', () => {
  it('exits promptly after many sessions, the thread holding nothing open', () => {
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
    expect(JSON.parse(result.stdout)).toMatchObject({ inThread: 60, here: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
