import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import { createTempRepo, type TempRepo } from '../../../test/helpers/temp-git';
import type { GitCallCounter } from '../../git/run';
import type { RefRowReader } from './ref-rows';
import { RepositorySource } from './source';

let root: string;
const shas: Record<string, string> = {};

// temp-git's dates do not reach git under jest (process.env is sandboxed): pass them explicitly.
function commitAt(repo: TempRepo, message: string, date: string): string {
  hermeticGit(repo.dir, ['add', '--all']);
  hermeticGit(repo.dir, ['commit', '--quiet', '--allow-empty', '-m', message], { date });
  return hermeticGit(repo.dir, ['rev-parse', 'HEAD']).trim();
}

function tagAt(repo: TempRepo, name: string, date: string): void {
  hermeticGit(repo.dir, ['tag', '-a', '-m', name, name], { date });
}

/** A repository with real-shaped tags and branches, moved to `<root>/openstack/<name>`. */
function buildHistory(repo: TempRepo): void {
  repo.write('tox.ini', '[tox]\nenvlist = py3\n[testenv]\ncommands = stestr run\n');
  shas.c1 = commitAt(repo, 'first', '2023-01-10T10:00:00Z');
  tagAt(repo, '2.1.0', '2023-01-11T10:00:00Z');
  tagAt(repo, 'xena-em', '2023-01-12T10:00:00Z');
  shas.c2 = commitAt(repo, 'second', '2023-03-01T10:00:00Z');
  tagAt(repo, '13.0.0.0rc1', '2023-03-02T10:00:00Z');
  repo.git('branch', 'unmaintained/zed', shas.c2);
  shas.c4 = commitAt(repo, 'fourth', '2024-03-20T10:00:00+02:00');
  repo.git('branch', 'stable/2024.1', shas.c4);
  repo.write('.zuul.yaml', '- project:\n    check:\n      jobs:\n        - openstack-tox-py3\n');
  shas.c5 = commitAt(repo, 'fifth', '2024-10-01T10:00:00Z');
  repo.git('branch', 'stable/2024.2', shas.c5);
  tagAt(repo, '2023.1-eom', '2024-10-02T10:00:00Z');
  onBranch(repo, 'unmaintained/zed', 'zed fix', '2023-05-01T10:00:00Z');
  shas.s2024 = onBranch(repo, 'stable/2024.1', 'backport', '2024-09-01T10:00:00Z');
  onBranch(repo, 'stable/2024.2', 'backport', '2024-10-05T10:00:00Z');
  repo.git('checkout', '--quiet', 'master');
}

function onBranch(repo: TempRepo, branch: string, message: string, date: string): string {
  repo.git('checkout', '--quiet', branch);
  return commitAt(repo, message, date);
}

function place(repo: TempRepo, name: string): string {
  const target = join(root, name);
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(repo.dir, target);
  return target;
}

const read = (repository: string, asOf: string, counter?: GitCallCounter) =>
  new RepositorySource({ reposRoot: root, asOf, counter }).facts(repository);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-repos-'));
  const repo = createTempRepo();
  buildHistory(repo);
  const dir = place(repo, 'openstack/sample');
  // A mirror-style copy: remote-tracking refs, origin/HEAD, no local branches but master.
  const mirror = join(root, 'openstack/mirrored');
  hermeticGit(root, ['clone', '--quiet', dir, mirror]);
  hermeticGit(root, ['clone', '--quiet', '--bare', dir, join(root, 'openstack/bare.git')]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('repository source', () => {
  it('reads everything on the latest date with no git process (objects read from its files)', async () => {
    const counter = { count: 0 };
    const facts = await read('openstack/sample', '2025-01-01', counter);
    expect(counter.count).toBe(0);
    expect(facts.evaluated).toEqual({
      commit: shas.c5,
      date: '2024-10-01T10:00:00+00:00',
      branch: 'master',
    });
    expect(facts.tags.map((t) => t.name)).toEqual([
      '13.0.0.0rc1',
      '2.1.0',
      '2023.1-eom',
      'xena-em',
    ]);
    expect(facts.tags.find((t) => t.name === '2.1.0')).toEqual({
      name: '2.1.0',
      date: '2023-01-11T10:00:00+00:00',
      commit: shas.c1,
      annotated: true,
      taggerDate: '2023-01-11T10:00:00+00:00',
    });
    expect(facts.branches.map((b) => b.name)).toEqual([
      'master',
      'stable/2024.1',
      'stable/2024.2',
      'unmaintained/zed',
    ]);
  });

  it('judges the repository as it was on an earlier date', async () => {
    const facts = await read('openstack/sample', '2024-06-01');
    expect(facts.evaluated).toEqual({
      commit: shas.c4,
      date: '2024-03-20T10:00:00+02:00',
      branch: 'master',
    });
    expect(facts.tags.map((t) => t.name)).toEqual(['13.0.0.0rc1', '2.1.0', 'xena-em']);
    // stable/2024.1's tip is later, but it forked on 2024-03-20: it existed, seen at its fork.
    expect(facts.branches).toEqual([
      { name: 'master', commit: shas.c4, date: '2024-03-20T10:00:00+02:00' },
      { name: 'stable/2024.1', commit: shas.c4, date: '2024-03-20T08:00:00Z' },
      expect.objectContaining({ name: 'unmaintained/zed', date: '2023-05-01T10:00:00+00:00' }),
    ]);
    // The tree is read at the evaluated commit: .zuul.yaml came later.
    expect(facts.zuul).toBeNull();
    expect(facts.testEntryPoints).toEqual([
      { kind: 'tox', file: 'tox.ini', targets: ['py3'], bareTestenv: true },
    ]);
  });

  it('counts the whole as-of day, in UTC', async () => {
    expect((await read('openstack/sample', '2023-01-10')).evaluated.commit).toBe(shas.c1);
    expect((await read('openstack/sample', '2023-01-11')).tags.map((t) => t.name)).toEqual([
      '2.1.0',
    ]);
  });

  it('says a repository with no commit by the date does not exist yet, with its later history', async () => {
    const facts = await read('openstack/sample', '2023-01-09');
    expect(facts.notYetCreated?.firstCommit).toEqual({
      commit: shas.c1,
      date: '2023-01-10T10:00:00+00:00',
    });
    expect(facts.notYetCreated?.laterTags.map((t) => t.name)).toEqual([
      '13.0.0.0rc1',
      '2.1.0',
      '2023.1-eom',
      'xena-em',
    ]);
    expect(facts.evaluated).toEqual({ ...facts.notYetCreated?.firstCommit, branch: 'master' });
    expect([facts.tags, facts.branches, facts.zuul, facts.testEntryPoints]).toEqual([
      [],
      [],
      null,
      [],
    ]);
    // A clone that does have a commit by the date is read as before.
    expect((await read('openstack/sample', '2023-01-10')).notYetCreated).toBeUndefined();
  });

  it('proves nothing from a shallow clone: no commit by the date stays unavailable', async () => {
    const shallow = join(root, 'openstack/shallow');
    const url = `file://${join(root, 'openstack/sample')}`;
    hermeticGit(root, ['clone', '--quiet', '--depth=1', url, shallow]);
    // Refused before any history is read; firstCommitAfter refuses one as well.
    await expect(read('openstack/shallow', '2023-01-09')).rejects.toThrow(/is a shallow clone/);
  });

  it('proves nothing when another ref has a commit by the date', async () => {
    const dir = join(root, 'openstack/orphaned');
    hermeticGit(root, ['clone', '--quiet', join(root, 'openstack/sample'), dir]);
    hermeticGit(dir, ['checkout', '--quiet', '--orphan', 'old']);
    hermeticGit(dir, ['commit', '--quiet', '--allow-empty', '-m', 'old'], {
      date: '2020-01-01T10:00:00Z',
    });
    hermeticGit(dir, ['checkout', '--quiet', 'master']);
    await expect(read('openstack/orphaned', '2021-01-01')).rejects.toThrow(
      /no commit on or before 2021-01-01 on master, and its clone cannot prove/,
    );
  });

  it('de-duplicates remote-tracking copies and follows origin/HEAD', async () => {
    const facts = await read('openstack/mirrored', '2025-01-01');
    expect(facts.evaluated.branch).toBe('master');
    expect(facts.branches.map((b) => b.name)).toEqual([
      'master',
      'stable/2024.1',
      'stable/2024.2',
      'unmaintained/zed',
    ]);
    expect(facts.tags).toHaveLength(4);
  });

  it('reads bare repositories, also named <name>.git', async () => {
    const facts = await read('openstack/bare', '2024-06-01');
    expect(facts.evaluated.commit).toBe(shas.c4);
    expect(facts.branches.map((b) => b.name)).toEqual([
      'master',
      'stable/2024.1',
      'unmaintained/zed',
    ]);
  });

  it('is unavailable without a root or outside it', async () => {
    await expect(
      new RepositorySource({ reposRoot: undefined, asOf: '2025-01-01' }).facts('a/b'),
    ).rejects.toThrow('no --repos-root given');
    await expect(read('openstack/absent', '2025-01-01')).rejects.toThrow(
      `openstack/absent is not under ${root}`,
    );
  });
});

describe('a repository hinted ahead', () => {
  /** A ref reader that leaves every read here, recording what it was hinted and asked. */
  function recordingReader() {
    const events: string[] = [];
    const reader: RefRowReader = {
      refRows: (gitDir) => (events.push(`rows ${gitDir}`), null),
      prefetch: (under, name) => {
        events.push(`hint ${join(under, name)}`);
        return {
          take: (gitDir) => (events.push(`take ${gitDir}`), null),
          answer: Promise.resolve(null),
        };
      },
    };
    return { events, reader };
  }
  const sourceWith = (reader: RefRowReader) =>
    new RepositorySource({ reposRoot: root, asOf: '2025-01-01', refReader: reader });

  it('asks its refs ahead of the git directory it then reads, with the same facts', async () => {
    const { events, reader } = recordingReader();
    const source = sourceWith(reader);
    source.prefetch('openstack/sample');
    source.prefetch('openstack/sample'); // hinted once
    const facts = await source.facts('openstack/sample');
    const dir = join(root, 'openstack/sample');
    expect(events).toEqual([`hint ${dir}`, `take ${join(dir, '.git')}`]);
    expect(facts).toEqual(await read('openstack/sample', '2025-01-01'));
  });

  it('leaves a repository that cannot be located to facts, which says why', async () => {
    const { events, reader } = recordingReader();
    const source = sourceWith(reader);
    source.prefetch('openstack/absent');
    await expect(source.facts('openstack/absent')).rejects.toThrow(
      `openstack/absent is not under ${root}`,
    );
    expect(events).toEqual([`hint ${join(root, 'openstack/absent')}`]);
  });

  it('takes a hint that fails for no hint', async () => {
    const reader: RefRowReader = {
      refRows: () => null,
      prefetch: () => {
        throw new Error('no thread after all');
      },
    };
    const source = sourceWith(reader);
    source.prefetch('openstack/sample');
    expect(await source.facts('openstack/sample')).toEqual(
      await read('openstack/sample', '2025-01-01'),
    );
  });

  it('asks nothing ahead without --repos-root (a cached candidate may need a clone first)', () => {
    const { events, reader } = recordingReader();
    new RepositorySource({ reposRoot: undefined, asOf: '2025-01-01', refReader: reader }).prefetch(
      'openstack/sample',
    );
    expect(events).toEqual([]);
  });
});
