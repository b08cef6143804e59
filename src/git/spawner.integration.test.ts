import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCliProcess } from '../../test/helpers/cli-process';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { catFileBatch } from './batch';
import type { GitObject } from './cat-file';
import type { GitChild } from './child';
import { gitEnvironment } from './environment';
import { gitSlotsInUse } from './limit';
import { createGit, GitError, GitMissingError, GitTimeoutError } from './run';
import { createSpawner, gitSpawner, type Spawner } from './spawner';
import { HEADER_TIMEOUT_MS, openStdioServer, removeStdioDirectories } from './spawner-socket';

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
const sha1Of = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');

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
        (error: Error) => {
          expect(error).toBeInstanceOf(GitError);
          return error.message;
        },
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
      // An include (of nothing) leaves the list's objects to git's cat-file, through the helper;
      // a plain repository's are read without git.
      listed.git('config', 'include.path', 'none.cfg');
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

/** Bytes `pid` has read so far (Linux), or null where /proc does not say. */
function bytesRead(pid: number | undefined): number | null {
  const file = `/proc/${pid}/io`;
  if (pid === undefined || !existsSync(file)) return null;
  return Number(/rchar:\s+(\d+)/.exec(readFileSync(file, 'utf8'))?.[1]);
}

interface Seen {
  events: string[];
  out: Buffer;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every event of `child` in order (each run of data events as one 'data'), until 'close'. */
function watch(child: GitChild & EventEmitter, onData?: (size: number) => void): Promise<Seen> {
  const chunks: Buffer[] = [];
  const events: string[] = [];
  let size = 0;
  const note = (event: string): void => {
    if (event !== 'data' || events.at(-1) !== 'data') events.push(event);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    note('data');
    chunks.push(chunk);
    size += chunk.length;
    onData?.(size);
  });
  child.stderr.on('data', () => undefined);
  child.on('exit', () => note('exit'));
  child.on('error', () => note('error'));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      note('close');
      resolve({ events, out: Buffer.concat(chunks), code, signal });
    });
  });
}

/** Connects to `path`, sends `header`, and says whether the far end closed it and what it sent. */
function probe(path: string, header: string | null, ms = 2000): Promise<'refused' | 'kept'> {
  return new Promise((resolve) => {
    const socket = connect(path);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received === 0 ? 'refused' : 'kept');
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('kept');
    }, ms);
    if (header !== null) socket.write(header);
  });
}

describe("gits' stdin and stdout on a socket of the run's, not through the helper", () => {
  let data: TempRepo;
  let blob: Buffer;
  let blobId: string;
  const smalls: string[] = [];
  beforeAll(() => {
    data = createTempRepo();
    blob = randomBytes(6 * 1024 * 1024); // random: git cannot shrink it, every byte counts
    data.write('blob.bin', blob);
    for (let i = 0; i < 300; i += 1) data.write(`small/${i}.txt`, `small ${i}\n`.repeat(i % 7));
    const head = data.commit('Data', '2025-01-01T00:00:00Z');
    blobId = data.git('rev-parse', `${head}:blob.bin`).trim();
    for (let i = 0; i < 300; i += 1) smalls.push(data.git('rev-parse', `${head}:small/${i}.txt`));
  });
  afterAll(() => data.cleanup());
  const dataDir = (): string => join(data.dir, '.git');
  const ids = (): string[] => smalls.map((id) => id.trim());

  it('carries a several-MB blob and many small objects byte-exact, none of it via the helper', async () => {
    const spawner = createSpawner();
    try {
      const session = (): ReturnType<typeof catFileBatch> =>
        catFileBatch({
          start: () =>
            Promise.resolve(
              spawner.spawn(
                'git',
                ['--git-dir', dataDir(), 'cat-file', '--batch'],
                gitEnvironment(),
              ),
            ),
          release: () => undefined,
          idleMs: 6000,
          maxOutputBytes: 64 * 1024 * 1024,
        });
      // The helper is started, and its start-up reading done, before it is measured.
      const warm = session();
      await warm.read([ids()[1]!], 100);
      warm.close();
      const path = spawner.socketPath();
      expect(path).toEqual(expect.any(String));
      const before = bytesRead(spawner.helperPid());
      const reader = session();
      const [big] = await reader.read([blobId], 8 * 1024 * 1024);
      const small = await reader.read(ids(), 1024);
      reader.close();
      expect(big?.content.equals(blob)).toBe(true);
      expect(small.map((object) => object?.content.toString('utf8'))).toEqual(
        ids().map((_, i) => `small ${i}\n`.repeat(i % 7)),
      );
      const after = bytesRead(spawner.helperPid());
      // Through the helper, all 6 MB would be read by it; now it reads only stderr and messages.
      if (before !== null && after !== null) expect(after - before).toBeLessThan(256 * 1024);
      await noneRunning(spawner);
    } finally {
      await spawner.stop();
    }
  });

  it('gives git EOF on its stdin when it is ended, byte-exact input included', async () => {
    const input = randomBytes(3 * 1024 * 1024).toString('base64'); // ~4 MB of text
    const expected = sha1Of(
      Buffer.concat([Buffer.from(`blob ${input.length}\0`), Buffer.from(input)]),
    );
    const answer = await createGit(gitDir()).run(['hash-object', '--stdin'], input);
    expect(answer.toString('utf8').trim()).toBe(expected);
    expect(gitSpawner.socketPath()).toEqual(expect.any(String));
  });

  it.each([
    ['a big answer', 'blob.bin'],
    ['an answer that fits in the socket buffer while this thread is busy', 'small/6.txt'],
  ])('gives all output, then exit, then close (%s)', async (_, file) => {
    const spawner = createSpawner();
    try {
      const args = ['--git-dir', dataDir(), 'cat-file', 'blob', `HEAD:${file}`];
      const child = spawner.spawn('git', args, gitEnvironment()) as GitChild & EventEmitter;
      const seen = watch(child);
      child.stdin.end();
      // git writes, exits and is reported closed by the helper while nothing here reads.
      const busyUntil = Date.now() + 500;
      while (Date.now() < busyUntil);
      const { events, out, code } = await seen;
      expect(events).toEqual(['data', 'exit', 'close']);
      expect(code).toBe(0);
      expect(out.equals(file === 'blob.bin' ? blob : Buffer.from('small 6\n'.repeat(6)))).toBe(
        true,
      );
    } finally {
      await spawner.stop();
    }
  });

  it('fails a git whose output a broken stdin cut short, never hands on part of it', async () => {
    // git answers without reading its stdin and exits; the run ends stdin only once git is gone
    // (this thread busy meanwhile): the failed write destroys the one connection, with output
    // git wrote but this thread had not read yet.
    data.write('hundred-k.bin', randomBytes(100 * 1024));
    const id = data.git('hash-object', '-w', join(data.dir, 'hundred-k.bin')).trim();
    const spawner = createSpawner();
    try {
      for (let round = 0; round < 5; round += 1) {
        const args = ['--git-dir', dataDir(), 'cat-file', 'blob', id];
        const child = spawner.spawn('git', args, gitEnvironment()) as GitChild & EventEmitter;
        const seen = watch(child);
        child.stdin.end(round % 2 === 0 ? '' : 'input git never reads\n');
        setImmediate(() => {
          const busyUntil = Date.now() + 300;
          while (Date.now() < busyUntil);
        });
        const { events, out } = await seen;
        if (events.includes('error')) continue; // cut short, and said so: unavailable evidence
        expect(out.length).toBe(100 * 1024); // or whole
      }
    } finally {
      await spawner.stop();
    }
  });

  it('kills a git mid-output: it closes with the signal, and nothing comes after close', async () => {
    const spawner = createSpawner();
    try {
      const args = ['--git-dir', dataDir(), 'cat-file', 'blob', blobId];
      const child = spawner.spawn('git', args, gitEnvironment()) as GitChild & EventEmitter;
      let killedAt = -1;
      const seen = watch(child, (size) => {
        if (killedAt < 0) {
          killedAt = size;
          child.kill('SIGKILL');
        }
      });
      child.stdin.end();
      const { events, out, signal } = await seen;
      expect(signal).toBe('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events.at(-1)).toBe('close');
      expect(out.length).toBeLessThan(blob.length);
      expect(out.equals(blob.subarray(0, out.length))).toBe(true);
      await noneRunning(spawner);
    } finally {
      await spawner.stop();
    }
  });

  it('refuses a connection with a wrong secret, a garbage header or an id not awaited, and the running git goes on', async () => {
    const spawner = createSpawner();
    try {
      const args = ['--git-dir', dataDir(), 'cat-file', '--batch'];
      const session = catFileBatch({
        start: () => Promise.resolve(spawner.spawn('git', args, gitEnvironment())),
        release: () => undefined,
        idleMs: 6000,
        maxOutputBytes: 64 * 1024 * 1024,
      });
      expect((await session.read([ids()[3]!], 100))[0]?.content.toString()).toBe(
        'small 3\n'.repeat(3),
      );
      const path = spawner.socketPath() ?? '';
      const outcomes = await Promise.all([
        probe(path, `${'0'.repeat(32)} 0\n`), // the running git's id, a wrong secret
        probe(path, `${'0'.repeat(32)} 1\n`), // an id to come, a wrong secret
        probe(path, 'x'.repeat(300)), // no line at all
        probe(path, `GET / HTTP/1.1\r\nHost: x\r\n\r\n`),
        probe(path, `\n${'f'.repeat(200)}`),
      ]);
      expect(outcomes).toEqual(Array(5).fill('refused'));
      expect((await session.read([ids()[4]!], 100))[0]?.content.toString()).toBe(
        'small 4\n'.repeat(4),
      );
      session.close();
      await noneRunning(spawner);
    } finally {
      await spawner.stop();
    }
  });

  it('drops a connection that says nothing, after a short while', async () => {
    const server = openStdioServer();
    expect(server).not.toBeNull();
    try {
      expect(await probe(server!.address.path, null, HEADER_TIMEOUT_MS + 3000)).toBe('refused');
    } finally {
      server?.close();
    }
  });

  it('binds a connection to the id it awaits only with the secret, and only once', async () => {
    const server = openStdioServer();
    if (server === null) throw new Error('no socket server');
    const bound: string[] = [];
    try {
      const { path, secret } = server.address;
      server.expect(7, (socket, rest) => {
        bound.push(rest.toString('utf8'));
        socket.end('ok');
      });
      expect(await probe(path, `${'a'.repeat(32)} 7\nx`)).toBe('refused');
      expect(await probe(path, `${secret} 8\nx`)).toBe('refused');
      expect(await probe(path, `${secret.toUpperCase()} 7\nx`)).toBe('refused');
      expect(await probe(path, `${secret} 7\nfirst`)).toBe('kept');
      expect(await probe(path, `${secret} 7\nagain`)).toBe('refused');
      expect(bound).toEqual(['first']);
      expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    } finally {
      server.close();
    }
    expect(existsSync(server.address.path)).toBe(false);
  });

  it('removes the directories of open servers when asked (a run ending on a signal)', () => {
    const servers = [openStdioServer(), openStdioServer()];
    const dirs = servers.map((server) => dirname(server!.address.path));
    expect(dirs.every((dir) => existsSync(dir))).toBe(true);
    removeStdioDirectories();
    expect(dirs.some((dir) => existsSync(dir))).toBe(false);
    for (const server of servers) server!.close(); // closing after it is a no-op
  });

  it('keeps a connection whose header came in time though this thread was busy past the timeout', async () => {
    const server = openStdioServer();
    if (server === null) throw new Error('no socket server');
    const client = connect(server.address.path);
    try {
      let kept: Socket | null = null;
      server.expect(9, (socket) => (kept = socket));
      await new Promise((resolve) => setTimeout(resolve, 200)); // accepted: its clock runs
      client.write(`${server.address.secret} 9\n`);
      const busyUntil = Date.now() + HEADER_TIMEOUT_MS + 300;
      while (Date.now() < busyUntil);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(kept).not.toBeNull();
      expect(kept!.destroyed).toBe(false);
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('fails a git whose connection never comes, once the helper has reported it closed', async () => {
    // A helper that says each git ran and closed, having connected nowhere.
    const liar = `
      process.on('disconnect', () => process.exit(0));
      process.on('message', (messages) => {
        for (const { kind, id } of messages) {
          if (kind !== 'spawn') continue;
          process.send([
            { kind: 'exit', id, code: 0, signal: null },
            { kind: 'close', id, code: 0, signal: null, socket: true },
          ]);
        }
      });
      process.send([{ kind: 'ready' }]);`;
    const spawner = createSpawner({ source: liar });
    try {
      const child = spawner.spawn('git', batchArgs(), gitEnvironment()) as GitChild & EventEmitter;
      const failure = new Promise<unknown>((resolve) => child.on('error', resolve));
      const started = Date.now();
      const { events } = await watch(child);
      expect(await failure).toBeInstanceOf(GitError);
      expect(String(await failure)).toMatch(/never reached the run/);
      expect(events).toEqual(['exit', 'error', 'close']);
      expect(Date.now() - started).toBeGreaterThan(4000);
      expect(spawner.stats().running).toBe(0);
    } finally {
      await spawner.stop();
    }
  });

  it('fails a git as unavailable when the helper cannot reach the socket', async () => {
    const spawner = createSpawner();
    try {
      await readAll(spawner.spawn('git', batchArgs(), gitEnvironment()));
      rmSync(spawner.socketPath() ?? ''); // the server listens on, unreachable
      const child = spawner.spawn('git', batchArgs(), gitEnvironment()) as GitChild & EventEmitter;
      const failure = new Promise<unknown>((resolve) => child.on('error', resolve));
      child.stdin.end('x\n');
      expect((await watch(child)).events).toEqual(['error', 'close']);
      expect(await failure).toBeInstanceOf(GitError);
      expect(String(await failure)).toMatch(/cannot reach the run/);
      await noneRunning(spawner);
    } finally {
      await spawner.stop();
    }
  });

  it('removes its socket directory when stopped, and when its helper dies', async () => {
    const spawner = createSpawner();
    await readAll(spawner.spawn('git', batchArgs(), gitEnvironment()));
    const dir = join(spawner.socketPath() ?? '', '..');
    expect(existsSync(dir)).toBe(true);
    await spawner.stop();
    expect(existsSync(dir)).toBe(false);
    expect(spawner.stats()).toMatchObject({ away: 1, here: 0, running: 0 });

    const dying = createSpawner();
    try {
      await readAll(dying.spawn('git', batchArgs(), gitEnvironment()));
      const other = join(dying.socketPath() ?? '', '..');
      process.kill(dying.helperPid() ?? 0, 'SIGKILL');
      await until(() => !existsSync(other), 3000, 'removed');
    } finally {
      await dying.stop();
    }
  });

  it('keeps the data path through the helper where no socket can be made (a long temp path)', async () => {
    const long = mkdtempSync(join(tmpdir(), `vmt-oversight-${'long-'.repeat(20)}`));
    const spawner = createSpawner({ socketRoot: long });
    try {
      const env = gitEnvironment();
      const here = await readAll(
        spawn('git', batchArgs(), { env, stdio: ['pipe', 'pipe', 'pipe'] }),
      );
      expect(await readAll(spawner.spawn('git', batchArgs(), env))).toEqual(here);
      expect(spawner.socketPath()).toBeUndefined();
      expect(spawner.stats()).toMatchObject({ away: 1, here: 0 });
    } finally {
      await spawner.stop();
      rmSync(long, { recursive: true, force: true });
    }
  });

  it('removes its socket directory when the run exits without stopping it', () => {
    const script = `
      const { gitSpawner } = require(${JSON.stringify(join(__dirname, 'spawner.ts'))});
      const { gitEnvironment } = require(${JSON.stringify(join(__dirname, 'environment.ts'))});
      const child = gitSpawner.spawn('git', ['--version'], gitEnvironment());
      child.on('close', () => {
        process.stdout.write(gitSpawner.socketPath());
        process.exit(0);
      });`;
    const result = spawnSync(process.execPath, ['-r', HOOK, '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
      env: process.env,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/vmt-/);
    expect(existsSync(join(result.stdout, '..'))).toBe(false);
  });
});
