import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { catFileBatch, ObjectTooLargeError } from './batch';
import { gitSlotsInUse } from './limit';
import { createGit, GitError } from './run';

let repo: TempRepo;
let commit: string;

beforeAll(() => {
  repo = createTempRepo();
  repo.write('small.txt', 'hello\n');
  repo.write('big.txt', 'x'.repeat(10_000));
  commit = repo.commit('Initial', '2025-01-01T00:00:00Z');
});
afterAll(() => repo.cleanup());

/** The slot is freed when p-limit sees the session's promise settle. */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const sha = (path: string): string => repo.git('rev-parse', `${commit}:${path}`).trim();

describe('one cat-file --batch asked in turn', () => {
  it('reads a tree, then the blobs it names, in one git process; a missing object is null', async () => {
    const counter = { count: 0 };
    const batch = createGit(join(repo.dir, '.git'), { counter }).batch();
    try {
      const [tree] = await batch.read([`${commit}^{tree}`], 4096);
      expect(tree?.type).toBe('tree');
      const [small, missing] = await batch.read([sha('small.txt'), '0'.repeat(40)], 4096);
      expect(small?.content.toString('utf8')).toBe('hello\n');
      expect(missing).toBeNull();
    } finally {
      batch.close();
    }
    expect(counter.count).toBe(1);
    await settled();
    expect(gitSlotsInUse().active).toBe(0);
  });

  it('stops at the header of an object over the cap, and the session is over', async () => {
    const batch = createGit(join(repo.dir, '.git')).batch();
    await expect(batch.read([sha('small.txt'), sha('big.txt')], 1000)).rejects.toThrow(
      ObjectTooLargeError,
    );
    await expect(batch.read([sha('small.txt')], 1000)).rejects.toThrow(GitError);
    batch.close();
    await settled();
    expect(gitSlotsInUse().active).toBe(0);
  });

  it('keeps to a total over several objects', async () => {
    const batch = createGit(join(repo.dir, '.git')).batch();
    const small = sha('small.txt');
    await expect(batch.read([small, small, small], 1000, 10)).rejects.toThrow(/over the 4-byte/);
    batch.close();
  });

  it('refuses any name but an object id or <id>^{tree}, before starting git', async () => {
    const counter = { count: 0 };
    const batch = createGit(join(repo.dir, '.git'), { counter }).batch();
    for (const spec of [`${commit}:small.txt`, 'HEAD', `${commit}\n${commit}`, '--help']) {
      await expect(batch.read([spec], 1000)).rejects.toThrow(/not an object name/);
    }
    batch.close();
    await settled();
    expect(gitSlotsInUse().active).toBe(0);
  });
});

describe('a closed session', () => {
  interface Ended {
    code: number | null;
    signal: NodeJS.Signals | null;
    at: number;
  }
  function sessionOn(command: string, args: string[], lingerMs = 300) {
    let resolveEnded: (ended: Ended) => void = () => undefined;
    const ended = new Promise<Ended>((resolve) => (resolveEnded = resolve));
    const batch = catFileBatch({
      start: () => {
        const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        child.on('close', (code, signal) => resolveEnded({ code, signal, at: Date.now() }));
        return Promise.resolve(child);
      },
      release: () => undefined,
      idleMs: 10_000,
      maxOutputBytes: 1 << 20,
      lingerMs,
    });
    return { batch, ended };
  }
  const gitArgs = () => ['--git-dir', join(repo.dir, '.git'), 'cat-file', '--batch'];

  it('that answered everything lets git end by itself at the end of its input', async () => {
    const { batch, ended } = sessionOn('git', gitArgs(), 10_000);
    const [small] = await batch.read([sha('small.txt')], 4096);
    expect(small?.content.toString('utf8')).toBe('hello\n');
    batch.close();
    expect(await ended).toMatchObject({ code: 0, signal: null });
  });

  it('that failed kills git at once', async () => {
    const { batch, ended } = sessionOn('git', gitArgs(), 60_000);
    await expect(batch.read([sha('big.txt')], 1000)).rejects.toThrow(ObjectTooLargeError);
    batch.close();
    expect(await ended).toMatchObject({ code: null, signal: 'SIGKILL' });
  });

  it('kills a process that lingers after its input ends, once it has had its time', async () => {
    // Answers one object as cat-file would, then ignores the end of its input.
    const script = 'read name; printf "%s blob 1\\nx\\n" "$name"; exec sleep 30';
    const { batch, ended } = sessionOn('sh', ['-c', script], 300);
    const [object] = await batch.read([sha('small.txt')], 4096);
    expect(object?.content.toString('utf8')).toBe('x');
    const closedAt = Date.now();
    batch.close();
    const end = await ended;
    expect(end).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(end.at - closedAt).toBeGreaterThanOrEqual(250);
  });

  it('fails a read still owed its answer, and kills git at once', async () => {
    // Reads its input and never answers: the read is pending when the session closes.
    const { batch, ended } = sessionOn('sh', ['-c', 'exec sleep 30'], 60_000);
    const read = batch.read([sha('small.txt')], 4096);
    await new Promise((resolve) => setTimeout(resolve, 50));
    batch.close();
    await expect(read).rejects.toThrow(/the session is closed/);
    expect(await ended).toMatchObject({ code: null, signal: 'SIGKILL' });
  });

  it('refuses a read that was waiting for git to start', async () => {
    const { batch } = sessionOn('git', gitArgs());
    const read = batch.read([sha('small.txt')], 4096);
    batch.close();
    await expect(read).rejects.toThrow(/the session is closed/);
  });
});
