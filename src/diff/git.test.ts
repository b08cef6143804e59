import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { UsageError } from '../errors';
import {
  findListPath,
  LIST_CANDIDATES,
  openRepository,
  readListFile,
  renamedFrom,
  worktreeRevision,
  type ListRepository,
} from './git';
import { defaultBase, resolveRevision } from './revisions';

const repos: TempRepo[] = [];

function tempRepo(): TempRepo {
  const repo = createTempRepo({ prefix: 'vmt-diff-git-' });
  repos.push(repo);
  return repo;
}

afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

async function open(repo: TempRepo): Promise<ListRepository> {
  return openRepository(repo.dir);
}

describe('openRepository', () => {
  it('finds the root from a subdirectory', async () => {
    const repo = tempRepo();
    repo.write('doc/readme.txt', 'x');
    repo.commit('one');

    const opened = await openRepository(join(repo.dir, 'doc'));

    expect(opened.root).toBe(execFileSync('realpath', [repo.dir], { encoding: 'utf8' }).trim());
  });

  it('refuses a directory that does not exist or is not a work tree', async () => {
    const repo = tempRepo();

    await expect(openRepository(join(repo.dir, 'missing'))).rejects.toThrow(UsageError);
    await expect(openRepository('/')).rejects.toThrow('not inside a git work tree');
  });
});

describe('resolveRevision', () => {
  it('resolves to a commit and keeps the label', async () => {
    const repo = tempRepo();
    const first = repo.commit('one');
    repo.tag('v1.0.0', '2024-01-01T00:00:00Z');
    repo.commit('two');
    const git = await open(repo);

    await expect(resolveRevision(git, 'HEAD~1', '--base')).resolves.toEqual({
      label: 'HEAD~1',
      commit: first,
    });
    // An annotated tag resolves to its commit, not the tag object.
    await expect(resolveRevision(git, 'v1.0.0', '--base')).resolves.toEqual({
      label: 'v1.0.0',
      commit: first,
    });
  });

  it('says which flag named an unknown revision', async () => {
    const repo = tempRepo();
    repo.commit('one');
    const git = await open(repo);

    await expect(resolveRevision(git, 'xyz', '--base')).rejects.toThrow(
      new UsageError("unknown revision 'xyz' in --base"),
    );
    await expect(resolveRevision(git, 'HEAD~5', '--head')).rejects.toThrow(
      "unknown revision 'HEAD~5' in --head",
    );
  });
});

describe('defaultBase', () => {
  it('is HEAD~1 without an upstream', async () => {
    const repo = tempRepo();
    repo.commit('one');
    const second = repo.commit('two');
    repo.commit('three');
    const git = await open(repo);

    await expect(defaultBase(git, worktreeRevision())).resolves.toEqual({
      label: 'HEAD~1',
      commit: second,
    });
  });

  it("is head's parent when head is given", async () => {
    const repo = tempRepo();
    const first = repo.commit('one');
    repo.commit('two');
    const git = await open(repo);
    const head = await resolveRevision(git, 'HEAD', '--head');

    await expect(defaultBase(git, head)).resolves.toEqual({ label: 'HEAD~1', commit: first });
  });

  it('is nothing when HEAD has no parent, or no commit at all', async () => {
    const single = tempRepo();
    single.commit('only');
    const empty = tempRepo();

    for (const repo of [single, empty]) {
      await expect(defaultBase(await open(repo), worktreeRevision())).resolves.toEqual({
        label: 'NONE',
        commit: null,
      });
    }
  });

  it('is the merge-base with the upstream branch', async () => {
    const origin = tempRepo();
    origin.commit('one');
    const forkPoint = origin.commit('two');
    const clone = cloneOf(origin);
    origin.commit('upstream moves on');
    clone.git('fetch', '--quiet', 'origin');
    clone.commit('local one');
    clone.commit('local two');
    const git = await open(clone);

    await expect(defaultBase(git, worktreeRevision())).resolves.toEqual({
      label: 'merge-base(HEAD, @{upstream})',
      commit: forkPoint,
    });
  });
});

function cloneOf(origin: TempRepo): TempRepo {
  const clone = tempRepo();
  clone.git('remote', 'add', 'origin', origin.dir);
  clone.git('fetch', '--quiet', 'origin');
  clone.git('checkout', '--quiet', '-B', 'master', '--track', 'origin/master');
  return clone;
}

describe('readListFile', () => {
  it('returns the bytes at a commit and in the work tree, invalid UTF-8 intact', async () => {
    const repo = tempRepo();
    const bytes = Buffer.from([0x72, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]);
    repo.write('repos-overseen.yaml', bytes);
    const commit = repo.commit('binary');
    repo.write('repos-overseen.yaml', 'edited\n');
    const git = await open(repo);

    await expect(readListFile(git, commit, 'repos-overseen.yaml')).resolves.toEqual(bytes);
    await expect(readListFile(git, null, 'repos-overseen.yaml')).resolves.toEqual(
      Buffer.from('edited\n'),
    );
  });

  it('reads the list at a commit from the repository itself, packed or loose, else asks git', async () => {
    const repo = tempRepo();
    repo.write('repos-overseen.yaml', 'packed: yes\n');
    const packed = repo.commit('one');
    repo.git('gc', '--quiet');
    repo.write('repos-overseen.yaml', 'loose: yes\n');
    const loose = repo.commit('two');
    const git = await open(repo);
    const before = git.git.calls();

    await expect(readListFile(git, packed, 'repos-overseen.yaml')).resolves.toEqual(
      Buffer.from('packed: yes\n'),
    );
    await expect(readListFile(git, loose, 'repos-overseen.yaml')).resolves.toEqual(
      Buffer.from('loose: yes\n'),
    );
    expect(git.git.calls() - before).toBe(2); // ls-tree at each commit, no cat-file

    // A configuration git may read otherwise (an include) leaves the objects to git.
    repo.git('config', 'include.path', 'elsewhere.cfg');
    const unplain = await open(repo);
    await expect(readListFile(unplain, loose, 'repos-overseen.yaml')).resolves.toEqual(
      Buffer.from('loose: yes\n'),
    );
    expect(unplain.git.calls()).toBe(2); // ls-tree, then cat-file
  });

  it('gives null for a missing file and refuses a directory', async () => {
    const repo = tempRepo();
    repo.write('doc/source/index.rst', 'x');
    const commit = repo.commit('one');
    const git = await open(repo);

    await expect(readListFile(git, commit, 'missing.yaml')).resolves.toBeNull();
    await expect(readListFile(git, null, 'missing.yaml')).resolves.toBeNull();
    await expect(readListFile(git, commit, 'doc/source')).rejects.toThrow('is not a file');
    await expect(readListFile(git, null, 'doc')).rejects.toThrow('is not a regular file');
  });

  it('reads a symlink as its target text, as git stores it, never the target', async () => {
    const repo = tempRepo();
    symlinkSync('/etc/passwd', join(repo.dir, 'repos-overseen.yaml'));
    const commit = repo.commit('link');
    const git = await open(repo);

    await expect(readListFile(git, commit, 'repos-overseen.yaml')).resolves.toEqual(
      Buffer.from('/etc/passwd'),
    );
    await expect(readListFile(git, null, 'repos-overseen.yaml')).resolves.toEqual(
      Buffer.from('/etc/passwd'),
    );
  });

  it('does not follow a symlinked directory out of the repository', async () => {
    const repo = tempRepo();
    symlinkSync('/etc', join(repo.dir, 'etc'));
    const git = await open(repo);

    await expect(readListFile(git, null, 'etc/passwd')).resolves.toBeNull();
  });
});

describe('LIST_CANDIDATES', () => {
  it('lists the candidates it documents', () => {
    expect(LIST_CANDIDATES).toEqual([
      'repos-overseen.yaml',
      'vmt-oversight.yaml',
      'doc/source/repos-overseen.rst',
      'reference/projects.yaml',
    ]);
  });
});

describe('findListPath', () => {
  it('finds a candidate, or checks the given path, in a plain directory', async () => {
    const repo = tempRepo();
    repo.write('reference/projects.yaml', 'x');
    repo.write('lists/mine.yaml', 'x');

    await expect(findListPath(repo.dir)).resolves.toBe('reference/projects.yaml');
    await expect(findListPath(repo.dir, './lists/mine.yaml')).resolves.toBe('lists/mine.yaml');
    await expect(findListPath(repo.dir, 'lists/other.yaml')).rejects.toThrow('does not exist');
    await expect(findListPath(repo.dir, '../x')).rejects.toThrow(UsageError);
  });
});

describe('renamedFrom', () => {
  it('finds the old path of a list renamed between commits, or in the work tree', async () => {
    const repo = tempRepo();
    repo.write('vmt-oversight.yaml', 'repositories:\n  - name: openstack/nova\n');
    const base = repo.commit('one');
    repo.git('mv', 'vmt-oversight.yaml', 'repos-overseen.yaml');
    const head = repo.commit('rename');
    repo.git('mv', 'repos-overseen.yaml', 'oversight.yaml');
    const git = await open(repo);

    await expect(renamedFrom(git, base, head, 'repos-overseen.yaml')).resolves.toBe(
      'vmt-oversight.yaml',
    );
    await expect(renamedFrom(git, base, null, 'oversight.yaml')).resolves.toBe(
      'vmt-oversight.yaml',
    );
    await expect(renamedFrom(git, base, head, 'other.yaml')).resolves.toBeNull();
  });
});
