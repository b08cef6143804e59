import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { UsageError } from '../errors';
import * as listParse from '../list/parse';
import { loadProposal } from './diff';
import { openRepository, readListFile, worktreeRevision } from './git';
import { defaultBase } from './revisions';
import type { Proposal } from './model';

const LIST = 'repos-overseen.yaml';

const NOVA = `  - name: openstack/nova
    team: nova
    tracker:
      launchpad: nova
      security-group: nova-coresec
    embargo-days: 90
`;
const CINDER = `  - name: openstack/cinder
    team: cinder
    tracker:
      launchpad: cinder
`;
const SWIFT = `  - name: openstack/swift
    team: swift
`;

function native(...entries: string[]): string {
  return `repositories:\n${entries.join('')}`;
}

const repos: TempRepo[] = [];

function tempRepo(): TempRepo {
  const repo = createTempRepo({ prefix: 'vmt-diff-load-' });
  repos.push(repo);
  return repo;
}

afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

function names(proposal: Proposal): Record<'added' | 'removed' | 'modified', string[]> {
  return {
    added: proposal.added.map((e) => e.name),
    removed: proposal.removed.map((e) => e.name),
    modified: proposal.modified.map((m) => m.after.name),
  };
}

/** A repository whose list holds cinder and nova at its only commit. */
function repoWithList(): { repo: TempRepo; base: string } {
  const repo = tempRepo();
  repo.write(LIST, native(CINDER, NOVA));
  return { repo, base: repo.commit('list') };
}

describe('loadProposal between two commits', () => {
  it('finds added, removed and modified entries', async () => {
    const { repo, base } = repoWithList();
    repo.write(LIST, native(NOVA.replace('team: nova', 'team: compute'), SWIFT));
    const head = repo.commit('change');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(names(proposal)).toEqual({
      added: ['openstack/swift'],
      removed: ['openstack/cinder'],
      modified: ['openstack/nova'],
    });
    expect(proposal.modified[0]?.changedFields).toEqual(['team']);
    expect(proposal).toMatchObject({
      listPath: LIST,
      format: 'native',
      base: { label: base, commit: base },
      head: { label: head, commit: head },
    });
    expect(proposal.removed[0]?.location).toMatchObject({ file: LIST, line: 2 });
  });

  /** A list changed from CINDER, NOVA to NOVA, SWIFT; each parse of a list is recorded. */
  function changeWithParsesRecorded() {
    const { repo, base } = repoWithList();
    repo.write(LIST, native(NOVA, SWIFT));
    const head = repo.commit('change');
    const events: string[] = [];
    const parseList = listParse.parseList;
    const parse = jest.spyOn(listParse, 'parseList').mockImplementation((...args) => {
      events.push('parse');
      return parseList(...args);
    });
    return { repo, base, head, events, restore: () => parse.mockRestore() };
  }

  it('parses the lists only once the warm-up it is given has settled', async () => {
    const { repo, base, head, events, restore } = changeWithParsesRecorded();
    // Settles well after git has read both lists (a few milliseconds here).
    const warmUp = new Promise<void>((resolve) =>
      setTimeout(() => {
        events.push('warm');
        resolve();
      }, 300),
    );
    try {
      const proposal = await loadProposal({ repo: repo.dir, base, head, list: LIST, warmUp });
      expect(names(proposal).added).toEqual(['openstack/swift']);
      expect(events).toEqual(['warm', 'parse', 'parse']);
    } finally {
      restore();
    }
  });

  it("tells onRead both lists' bytes once, before either is parsed", async () => {
    const { repo, base, head, events, restore } = changeWithParsesRecorded();
    // Settles only once onRead is told: neither list can be parsed before.
    let settle = () => {};
    const warmUp = new Promise<void>((resolve) => (settle = resolve));
    const onRead = (baseBytes: Buffer, headBytes: Buffer) => {
      events.push('read');
      settle();
      expect(baseBytes.toString('utf8')).toBe(native(CINDER, NOVA));
      expect(headBytes.toString('utf8')).toBe(native(NOVA, SWIFT));
    };
    try {
      await loadProposal({ repo: repo.dir, base, head, list: LIST, warmUp, onRead });
      expect(events).toEqual(['read', 'parse', 'parse']);
    } finally {
      restore();
    }
  });

  it('shows a newly scheduled removal as a changed removal field', async () => {
    const { repo } = repoWithList();
    const removal = '    removal:\n      effective: 32.0.0\n      reason: "retiring"\n';
    repo.write(LIST, native(CINDER, NOVA + removal));
    repo.commit('schedule removal');

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD~1', head: 'HEAD' });

    expect(proposal.modified).toHaveLength(1);
    expect(proposal.modified[0]).toMatchObject({
      changedFields: ['removal'],
      after: { name: 'openstack/nova', declared: { removal: { effective: '32.0.0' } } },
    });
  });

  it('gives a null base list when the list is new (and tells onRead nothing)', async () => {
    const repo = tempRepo();
    repo.write('README', 'x');
    const base = repo.commit('one');
    repo.write(LIST, native(NOVA, CINDER));
    repo.commit('add the list');
    const onRead = jest.fn();

    const proposal = await loadProposal({ repo: repo.dir, base, head: 'HEAD', onRead });

    expect(onRead).not.toHaveBeenCalled();
    expect(proposal.baseList).toBeNull();
    expect(names(proposal).added).toEqual(['openstack/cinder', 'openstack/nova']);
  });
});

describe('loadProposal with the work tree as head', () => {
  it('includes uncommitted edits and labels head WORKTREE', async () => {
    const { repo, base } = repoWithList();
    repo.write(LIST, native(CINDER, NOVA, SWIFT));

    const proposal = await loadProposal({ repo: repo.dir, base });

    expect(proposal.head).toEqual({ label: 'WORKTREE', commit: null });
    expect(names(proposal)).toEqual({ added: ['openstack/swift'], removed: [], modified: [] });
  });

  it('reads an untracked new list', async () => {
    const repo = tempRepo();
    repo.write('README', 'x');
    repo.commit('one');
    repo.write(LIST, native(SWIFT));

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD' });

    expect(proposal.baseList).toBeNull();
    expect(names(proposal).added).toEqual(['openstack/swift']);
  });
});

describe('loadProposal with a renamed list', () => {
  it('compares with the old path when the list was only renamed', async () => {
    const repo = tempRepo();
    repo.write('vmt-oversight.yaml', native(CINDER, NOVA));
    const base = repo.commit('list');
    repo.git('mv', 'vmt-oversight.yaml', LIST);
    repo.commit('rename');

    const proposal = await loadProposal({ repo: repo.dir, base, head: 'HEAD' });

    expect(proposal.baseList?.path).toBe('vmt-oversight.yaml');
    expect(proposal.listPath).toBe(LIST);
    expect(names(proposal)).toEqual({ added: [], removed: [], modified: [] });
  });

  it('compares with the old path when the list was renamed and edited', async () => {
    const repo = tempRepo();
    repo.write('lists/old.yaml', native(CINDER, NOVA));
    const base = repo.commit('list');
    repo.git('mv', 'lists/old.yaml', 'lists/new.yaml');
    repo.write('lists/new.yaml', native(CINDER, NOVA, SWIFT));
    repo.commit('rename and add swift');

    const proposal = await loadProposal({
      repo: repo.dir,
      list: 'lists/new.yaml',
      base,
      head: 'HEAD',
    });

    expect(proposal.baseList?.path).toBe('lists/old.yaml');
    expect(names(proposal)).toEqual({ added: ['openstack/swift'], removed: [], modified: [] });
  });

  it('follows a rename staged in the work tree', async () => {
    const repo = tempRepo();
    repo.write('vmt-oversight.yaml', native(CINDER, NOVA));
    repo.commit('list');
    repo.git('mv', 'vmt-oversight.yaml', LIST);
    repo.write(LIST, native(NOVA));

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD' });

    expect(proposal.baseList?.path).toBe('vmt-oversight.yaml');
    expect(names(proposal)).toEqual({ added: [], removed: ['openstack/cinder'], modified: [] });
  });
});

describe('loadProposal defaults', () => {
  it('uses HEAD~1 as base without an upstream', async () => {
    const { repo, base } = repoWithList();
    repo.write(LIST, native(NOVA));
    repo.commit('remove cinder');

    const proposal = await loadProposal({ repo: repo.dir });

    expect(proposal.base).toEqual({ label: 'HEAD~1', commit: base });
    expect(names(proposal).removed).toEqual(['openstack/cinder']);
  });

  it('uses the merge-base with the upstream branch', async () => {
    const origin = tempRepo();
    origin.write(LIST, native(CINDER, NOVA));
    const forkPoint = origin.commit('list');
    const clone = tempRepo();
    clone.git('remote', 'add', 'origin', origin.dir);
    clone.git('fetch', '--quiet', 'origin');
    clone.git('checkout', '--quiet', '-B', 'master', '--track', 'origin/master');
    origin.write(LIST, native(CINDER));
    origin.commit('upstream removes nova');
    clone.git('fetch', '--quiet', 'origin');
    clone.write(LIST, native(CINDER, NOVA, SWIFT));
    clone.commit('add swift');
    clone.write('README', 'unrelated');
    clone.commit('second local commit');

    const proposal = await loadProposal({ repo: clone.dir });

    expect(proposal.base).toEqual({ label: 'merge-base(HEAD, @{upstream})', commit: forkPoint });
    expect(names(proposal)).toEqual({ added: ['openstack/swift'], removed: [], modified: [] });
  });

  it('treats the list of a single-commit repository as new', async () => {
    const { repo } = repoWithList();

    const proposal = await loadProposal({ repo: repo.dir });

    expect(proposal.base).toEqual({ label: 'NONE', commit: null });
    expect(proposal.baseList).toBeNull();
    expect(names(proposal).added).toEqual(['openstack/cinder', 'openstack/nova']);
  });

  it('finds the published rst page and reads it as rst', async () => {
    const repo = tempRepo();
    const bullet = (name: string): string => `* \`${name} <https://opendev.org/${name}>\`_\n`;
    const page = (...names: string[]): string =>
      `=======================\n Repositories Overseen\n=======================\n\n${names.map(bullet).join('')}`;
    repo.write('doc/source/repos-overseen.rst', page('openstack/cinder', 'openstack/nova'));
    repo.commit('page');
    repo.write(
      'doc/source/repos-overseen.rst',
      page('openstack/cinder', 'openstack/nova', 'openstack/swift'),
    );

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD' });

    expect(proposal).toMatchObject({ listPath: 'doc/source/repos-overseen.rst', format: 'rst' });
    expect(names(proposal)).toEqual({ added: ['openstack/swift'], removed: [], modified: [] });
  });

  it('says to pass --list when no candidate exists', async () => {
    const repo = tempRepo();
    repo.write('README', 'x');
    repo.commit('one');

    await expect(loadProposal({ repo: repo.dir })).rejects.toThrow('pass --list');
  });

  it('refuses a --list that does not exist at head', async () => {
    const { repo } = repoWithList();

    await expect(loadProposal({ repo: repo.dir, list: 'other.yaml' })).rejects.toThrow(
      new UsageError("the list 'other.yaml' does not exist in the work tree"),
    );
  });
});

describe('loadProposal refuses untrusted input', () => {
  it.each(['--upload-pack=touch x', '-x', 'HEAD;rm', '$(touch x)', 'HEAD:repos-overseen.yaml'])(
    'refuses --base %j and runs nothing',
    async (revision) => {
      const { repo } = repoWithList();

      await expect(loadProposal({ repo: repo.dir, base: revision })).rejects.toThrow(UsageError);
      await expect(loadProposal({ repo: repo.dir, head: revision })).rejects.toThrow('--head');
      expect(existsSync(join(repo.dir, 'x'))).toBe(false);
      expect(existsSync('x')).toBe(false);
      expect(repo.git('status', '--porcelain')).toBe('');
    },
  );

  it.each(['../x', '/etc/passwd', '-x'])('refuses --list %j', async (list) => {
    const { repo } = repoWithList();

    await expect(loadProposal({ repo: repo.dir, list })).rejects.toThrow(UsageError);
  });

  it('refuses an unknown revision', async () => {
    const { repo } = repoWithList();

    await expect(loadProposal({ repo: repo.dir, base: 'xyz' })).rejects.toThrow(
      new UsageError("unknown revision 'xyz' in --base"),
    );
  });

  it('refuses a --repo that is not a git work tree', async () => {
    const repo = tempRepo();

    await expect(loadProposal({ repo: join(repo.dir, 'nowhere') })).rejects.toThrow(UsageError);
  });
});

describe('loadProposal asks git each thing once', () => {
  /** The git commands a shared repository runs, by their first argument. */
  async function counted(dir: string) {
    const repository = await openRepository(dir);
    const calls: string[] = [];
    const run = repository.git.run.bind(repository.git);
    jest.spyOn(repository.git, 'run').mockImplementation((args, input) => {
      calls.push(args[0] ?? '');
      return run(args, input);
    });
    return { repository, calls };
  }

  it('lists each commit once: locating the list and reading it share the listing', async () => {
    const { repo } = repoWithList();
    repo.write(LIST, native(CINDER, NOVA, SWIFT));
    repo.commit('add swift');
    const { repository, calls } = await counted(repo.dir);

    const proposal = await loadProposal({
      repo: repo.dir,
      repository,
      base: 'HEAD~1',
      head: 'HEAD',
    });

    expect(names(proposal).added).toEqual(['openstack/swift']);
    // The lists' bytes are read from the repository's own objects (no cat-file).
    expect(calls.sort()).toEqual(['ls-tree', 'ls-tree', 'rev-parse', 'rev-parse']);
  });

  it('reuses what the configuration already asked of the same repository', async () => {
    const { repo } = repoWithList();
    repo.write(LIST, native(CINDER, NOVA, SWIFT));
    repo.commit('add swift');
    const { repository, calls } = await counted(repo.dir);
    // As `check` does: the configuration at base, then the diff.
    const base = await defaultBase(repository, worktreeRevision());
    await readListFile(repository, base.commit ?? '', '.vmt-oversight.yaml');
    const before = calls.length;

    await loadProposal({ repo: repo.dir, repository });

    // Nothing is new: the revisions and the base listing are known, and the list's bytes at base
    // are read from the repository's own objects.
    expect(calls.slice(before)).toEqual([]);
  });
});
