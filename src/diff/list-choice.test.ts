import { listRuleFindings } from '../../test/helpers/rule-tester';
import { rule as listConsistency } from '../rules/list-consistency';
import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { isUnreadable, sameContent } from '../list/readable';
import { loadProposal } from './diff';
import { chooseList, openRepository, renamedTo, worktreeRevision } from './git';
import type { Proposal } from './model';

const RST = 'doc/source/repos-overseen.rst';
const NATIVE = 'repos-overseen.yaml';

function page(...names: string[]): string {
  const bullets = names.map((name) => `* \`${name} <https://opendev.org/${name}>\`_\n`).join('');
  return `=======================\n Repositories Overseen\n=======================\n\n${bullets}`;
}

function native(...names: string[]): string {
  return `repositories:\n${names.map((name) => `  - name: ${name}\n`).join('')}`;
}

const repos: TempRepo[] = [];

function tempRepo(): TempRepo {
  const repo = createTempRepo({ prefix: 'vmt-diff-choice-' });
  repos.push(repo);
  return repo;
}

afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** A repository whose published rst page holds cinder and nova at its first commit. */
function rstRepo(): { repo: TempRepo; base: string } {
  const repo = tempRepo();
  repo.write(RST, page('openstack/cinder', 'openstack/nova'));
  return { repo, base: repo.commit('page') };
}

function changes(proposal: Proposal): Record<'added' | 'removed' | 'modified', string[]> {
  return {
    added: proposal.added.map((e) => e.name),
    removed: proposal.removed.map((e) => e.name),
    modified: proposal.modified.map((m) => m.after.name),
  };
}

/** What list-consistency says of the second list files the proposal records. */
function secondListProblems(proposal: Proposal) {
  return listRuleFindings(listConsistency, proposal)
    .filter((finding) => finding.key.startsWith('second-list:'))
    .map(({ rule, severity, key, message }) => ({ rule, severity, key, message }));
}

describe('loadProposal without --list: a list file the change adds never hides the real one', () => {
  it('judges the list at base when the change empties it and adds another candidate', async () => {
    const { repo, base } = rstRepo();
    repo.write(RST, page('openstack/cinder'));
    repo.write(NATIVE, 'repositories: []\n');
    const head = repo.commit('hide the removal of nova');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal).toMatchObject({ listPath: RST, format: 'rst' });
    expect(changes(proposal)).toEqual({ added: [], removed: ['openstack/nova'], modified: [] });
    expect(secondListProblems(proposal)).toEqual([
      {
        rule: 'list-consistency',
        severity: 'error',
        key: `second-list:${NATIVE}`,
        message: expect.stringContaining(`adds '${NATIVE}' beside '${RST}'`) as unknown,
      },
    ]);
    expect(secondListProblems(proposal)[0]?.message).toContain('two oversight lists');
    // Same key whatever the revisions: it is compared with the base list's problems.
    const again = await loadProposal({ repo: repo.dir, base: 'HEAD~1', head: 'HEAD' });
    expect(secondListProblems(again).map((p) => p.key)).toEqual([`second-list:${NATIVE}`]);
  });

  it('does the same for uncommitted edits and an untracked new list in the work tree', async () => {
    const { repo } = rstRepo();
    repo.write(RST, page('openstack/cinder'));
    repo.write(NATIVE, 'repositories: []\n');

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD' });

    expect(proposal.listPath).toBe(RST);
    expect(changes(proposal).removed).toEqual(['openstack/nova']);
    expect(secondListProblems(proposal).map((p) => p.key)).toEqual([`second-list:${NATIVE}`]);
  });

  it('with --list, judges the list named and adds no problem', async () => {
    const { repo, base } = rstRepo();
    repo.write(RST, page('openstack/cinder'));
    repo.write(NATIVE, 'repositories: []\n');
    repo.commit('two lists');

    const proposal = await loadProposal({ repo: repo.dir, list: RST, base, head: 'HEAD' });

    expect(changes(proposal).removed).toEqual(['openstack/nova']);
    expect(secondListProblems(proposal)).toEqual([]);
  });

  it('says nothing of a second candidate that already existed at base', async () => {
    const repo = tempRepo();
    repo.write(NATIVE, native('openstack/cinder', 'openstack/nova'));
    repo.write(RST, page('openstack/swift'));
    repo.commit('two lists already');
    repo.write(NATIVE, native('openstack/cinder'));
    repo.commit('remove nova');

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD~1', head: 'HEAD' });

    expect(proposal.listPath).toBe(NATIVE);
    expect(changes(proposal).removed).toEqual(['openstack/nova']);
    expect(secondListProblems(proposal)).toEqual([]);
  });

  it('judges every entry as removed when the change deletes the list', async () => {
    const { repo, base } = rstRepo();
    repo.git('rm', '--quiet', RST);
    repo.write('README', 'no list any more');
    const head = repo.commit('delete the list');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal).toMatchObject({
      listPath: RST,
      format: 'rst',
      headList: { path: RST, format: 'rst', entries: [], problems: [] },
    });
    expect(changes(proposal)).toEqual({
      added: [],
      removed: ['openstack/cinder', 'openstack/nova'],
      modified: [],
    });
    expect(proposal.removed[0]?.location).toMatchObject({ file: RST, line: 5 });
  });

  it('judges a list deleted in the work tree, uncommitted, the same way', async () => {
    const { repo } = rstRepo();
    repo.git('rm', '--quiet', RST);

    const proposal = await loadProposal({ repo: repo.dir, base: 'HEAD' });

    expect(changes(proposal).removed).toEqual(['openstack/cinder', 'openstack/nova']);
  });

  it('flags a candidate added while the list is deleted, and judges the deletion', async () => {
    const { repo, base } = rstRepo();
    repo.git('rm', '--quiet', RST);
    repo.write(NATIVE, native('openstack/swift'));
    const head = repo.commit('replace the list');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.listPath).toBe(RST);
    expect(changes(proposal)).toEqual({
      added: [],
      removed: ['openstack/cinder', 'openstack/nova'],
      modified: [],
    });
    expect(secondListProblems(proposal)).toEqual([
      expect.objectContaining({
        rule: 'list-consistency',
        severity: 'error',
        key: `second-list:${NATIVE}`,
        message: expect.stringContaining(
          `deletes the oversight list '${RST}' and adds '${NATIVE}'`,
        ),
      }),
    ]);
  });

  it('follows the list at base to where the change renamed it', async () => {
    const repo = tempRepo();
    repo.write(NATIVE, native('openstack/cinder', 'openstack/nova', 'openstack/swift'));
    const base = repo.commit('list');
    repo.git('mv', NATIVE, 'vmt-oversight.yaml');
    repo.write('vmt-oversight.yaml', native('openstack/cinder', 'openstack/nova'));
    const head = repo.commit('rename, remove swift');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.baseList?.path).toBe(NATIVE);
    expect(proposal.listPath).toBe('vmt-oversight.yaml');
    expect(changes(proposal)).toEqual({ added: [], removed: ['openstack/swift'], modified: [] });
    expect(secondListProblems(proposal)).toEqual([]);
  });

  it('follows a rename to a path that is not a candidate', async () => {
    const repo = tempRepo();
    repo.write(NATIVE, native('openstack/cinder', 'openstack/nova', 'openstack/swift'));
    const base = repo.commit('list');
    repo.write('lists/README', 'lists');
    repo.git('mv', NATIVE, 'lists/overseen.yaml');
    const head = repo.commit('move the list');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.listPath).toBe('lists/overseen.yaml');
    expect(changes(proposal)).toEqual({ added: [], removed: [], modified: [] });
  });

  it('flags the second of two candidates a new list brings at once', async () => {
    const repo = tempRepo();
    repo.write('README', 'x');
    const base = repo.commit('no list yet');
    repo.write(NATIVE, native('openstack/nova'));
    repo.write(RST, page('openstack/swift'));
    const head = repo.commit('two lists at once');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.baseList).toBeNull();
    expect(proposal.listPath).toBe(NATIVE);
    expect(changes(proposal).added).toEqual(['openstack/nova']);
    expect(secondListProblems(proposal)).toEqual([
      expect.objectContaining({
        key: `second-list:${RST}`,
        message: expect.stringContaining('the first of the usual list names'),
      }),
    ]);
  });
});

describe('chooseList and renamedTo', () => {
  it('names the list at base, where it is at head, and the candidates added', async () => {
    const repo = tempRepo();
    repo.write('vmt-oversight.yaml', native('openstack/nova'));
    const base = repo.commit('list');
    repo.write('reference/README', 'governance');
    repo.git('mv', 'vmt-oversight.yaml', 'reference/projects.yaml');
    repo.write(NATIVE, 'repositories: []\n');
    const head = repo.commit('rename and add');
    const git = await openRepository(repo.dir);

    await expect(
      chooseList(git, { label: base, commit: base }, { label: head, commit: head }),
    ).resolves.toEqual({
      base: 'vmt-oversight.yaml',
      head: 'reference/projects.yaml',
      added: [NATIVE],
    });
    await expect(renamedTo(git, base, head, 'vmt-oversight.yaml')).resolves.toBe(
      'reference/projects.yaml',
    );
    await expect(renamedTo(git, base, head, NATIVE)).resolves.toBeNull();
  });

  it('takes the first candidate at head when base has none, and refuses when head has none', async () => {
    const repo = tempRepo();
    repo.write('README', 'x');
    const base = repo.commit('one');
    const git = await openRepository(repo.dir);
    const baseRevision = { label: base, commit: base };

    await expect(chooseList(git, baseRevision, worktreeRevision())).rejects.toThrow('pass --list');
    repo.write(RST, page('openstack/nova'));
    await expect(chooseList(git, baseRevision, worktreeRevision())).resolves.toEqual({
      base: null,
      head: RST,
      added: [],
    });
  });
});

describe('loadProposal with a list that cannot be read', () => {
  it('gives each list the digest of its bytes, so an edit to an unreadable list shows', async () => {
    const repo = tempRepo();
    repo.write(NATIVE, Buffer.from('repositories:\n  - name: openstack/n\xffova\n', 'latin1'));
    const base = repo.commit('invalid UTF-8');
    repo.write(NATIVE, Buffer.from('repositories:\n  - name: openstack/sw\xfeift\n', 'latin1'));
    const head = repo.commit('other invalid bytes');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.baseList && isUnreadable(proposal.baseList)).toBe(true);
    expect(isUnreadable(proposal.headList)).toBe(true);
    expect(proposal.headList.problems.map((p) => p.key)).toEqual(['invalid-utf8']);
    expect(proposal.baseList?.problems.map((p) => p.key)).toEqual(['invalid-utf8']);
    expect(sameContent(proposal.baseList, proposal.headList)).toBe(false);
    expect(changes(proposal)).toEqual({ added: [], removed: [], modified: [] });
  });

  it('sees the same bytes when a change leaves an unreadable list alone or only renames it', async () => {
    const repo = tempRepo();
    repo.write('vmt-oversight.yaml', 'repositories: [\n');
    const base = repo.commit('syntax error');
    repo.git('mv', 'vmt-oversight.yaml', NATIVE);
    const head = repo.commit('rename only');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.baseList?.path).toBe('vmt-oversight.yaml');
    expect(proposal.listPath).toBe(NATIVE);
    expect(sameContent(proposal.baseList, proposal.headList)).toBe(true);
  });

  it('judges every head entry as added over a base list that could not be read', async () => {
    const repo = tempRepo();
    repo.write(NATIVE, 'repositories:\n  - name: openstack/nova\nrepositories: []\n');
    const base = repo.commit('duplicate top-level key');
    repo.write(NATIVE, native('openstack/swift'));
    const head = repo.commit('rewrite');

    const proposal = await loadProposal({ repo: repo.dir, base, head });

    expect(proposal.baseList && isUnreadable(proposal.baseList)).toBe(true);
    expect(changes(proposal)).toEqual({ added: ['openstack/swift'], removed: [], modified: [] });
  });
});
