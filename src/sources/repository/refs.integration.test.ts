import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../../test/helpers/temp-git';
import { createGit } from '../../git/run';
import { readRefFiles } from '../../git/ref-files';
import { listRefs } from './refs';
import { BatchSession } from './session';

const LIMITS = { maxRefs: 20000, packedRefsBytes: 4 * 1024 * 1024 };
const PREFIXES = ['refs/tags/', 'refs/heads/', 'refs/remotes/origin/'];

/** The listing read from files and objects, the git processes it took, and git's own listing. */
async function bothWays(repo: TempRepo) {
  const counter = { count: 0 };
  const git = createGit(join(repo.dir, '.git'), { counter });
  const session = new BatchSession(git);
  const fast = await listRefs(git, session);
  session.end();
  const processes = counter.count;
  // A session that is never started leaves listRefs to ask for-each-ref alone.
  const viaGit = await listRefs(
    { ...git, gitDir: join(repo.dir, 'no-such-dir') },
    new BatchSession(git),
  );
  return { fast, processes, viaGit };
}

function dated(repo: TempRepo, args: string[], date: string): void {
  execFileSync('git', args, {
    cwd: repo.dir,
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
  });
}

describe('refs read from the ref files and the objects they name', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('one', '2024-02-20T10:11:12+01:30');
    repo.tag('1.0.0', '2024-02-21T00:00:00-05:00');
    repo.write('a.txt', 'b\n');
    const second = repo.commit('two', '2024-03-01T23:59:59Z');
    repo.git('tag', 'light', second);
    dated(repo, ['git', 'branch', 'stable/2024.1'].slice(1), '2024-03-02T00:00:00Z');
    dated(repo, ['tag', '-a', '-m', 'eol', '2023.1-eol', second], '2024-03-03T12:00:00+14:00');
    repo.git('update-ref', 'refs/remotes/origin/unmaintained/zed', second);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/unmaintained/zed');
  });
  afterEach(() => repo.cleanup());

  it('gives what for-each-ref gives, loose refs, with no git process', async () => {
    const { fast, processes, viaGit } = await bothWays(repo);
    expect(fast).toEqual(viaGit);
    expect(fast.tags.map((tag) => tag.name)).toEqual(['1.0.0', '2023.1-eol', 'light']);
    expect(processes).toBe(0); // its objects read from its own files
  });

  it('gives what for-each-ref gives once the refs are packed, a loose ref over its packed copy', async () => {
    repo.git('pack-refs', '--all');
    repo.write('a.txt', 'c\n');
    repo.commit('three', '2024-04-01T00:00:00+02:00'); // master loose again, over its packed copy
    const { fast, processes, viaGit } = await bothWays(repo);
    expect(fast).toEqual(viaGit);
    expect(fast.branches.find((b) => b.name === 'master')?.date).toBe('2024-04-01T00:00:00+02:00');
    expect(processes).toBe(0); // its objects read from its own files
  });

  it('leaves a symbolic link among the refs, a stray file or a reftable to git', async () => {
    const gitDir = join(repo.dir, '.git');
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).not.toBeNull();
    symlinkSync(join(gitDir, 'refs', 'tags', 'light'), join(gitDir, 'refs', 'tags', 'linked'));
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).toBeNull();
    execFileSync('rm', [join(gitDir, 'refs', 'tags', 'linked')]);
    writeFileSync(join(gitDir, 'refs', 'tags', 'odd.lock'), 'x\n');
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).toBeNull();
    execFileSync('rm', [join(gitDir, 'refs', 'tags', 'odd.lock')]);
    mkdirSync(join(gitDir, 'reftable'));
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).toBeNull();
  });

  it('falls back to for-each-ref for a ref git must read (a symbolic link), with the same answer', async () => {
    const gitDir = join(repo.dir, '.git');
    symlinkSync('light', join(gitDir, 'refs', 'tags', 'linked'));
    const counter = { count: 0 };
    const git = createGit(gitDir, { counter });
    const session = new BatchSession(git);
    const listing = await listRefs(git, session);
    session.end();
    expect(listing.tags.map((tag) => tag.name)).toContain('linked');
    expect(counter.count).toBe(1); // the session never started
  });

  it('falls back when an object a ref names is missing, and git decides', async () => {
    const gitDir = join(repo.dir, '.git');
    writeFileSync(join(gitDir, 'refs', 'tags', 'dangling'), `${'1'.repeat(40)}\n`);
    const git = createGit(gitDir);
    await expect(listRefs(git, new BatchSession(git))).rejects.toThrow(
      /git for-each-ref failed .*missing object/,
    );
  });

  it('leaves a FIFO as a loose ref, as packed-refs or as HEAD to git, without waiting on it', async () => {
    const gitDir = join(repo.dir, '.git');
    const started = Date.now();
    execFileSync('mkfifo', [join(gitDir, 'refs', 'tags', 'piped')]);
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).toBeNull();
    execFileSync('rm', [join(gitDir, 'refs', 'tags', 'piped')]);
    execFileSync('mkfifo', [join(gitDir, 'packed-refs')]);
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).toBeNull();
    execFileSync('rm', [join(gitDir, 'packed-refs'), join(gitDir, 'HEAD')]);
    execFileSync('mkfifo', [join(gitDir, 'HEAD')]);
    expect(await readRefFiles(gitDir, PREFIXES, LIMITS)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses more refs than the cap', async () => {
    const gitDir = join(repo.dir, '.git');
    expect(await readRefFiles(gitDir, PREFIXES, { ...LIMITS, maxRefs: 3 })).toBeNull();
  });
});
