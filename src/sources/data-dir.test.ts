import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticGit } from '../../test/helpers/snapshot-repo';
import { openDataDir } from './data-dir';
import { GovernanceSource } from './governance/source';
import { ProjectConfigSource } from './project-config/source';
import { ReleasesSource } from './releases/source';

const dirs: string[] = [];

/** A data repository whose files change at each dated commit. */
function dataRepo(history: { date: string; files: Record<string, string | null> }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-data-'));
  dirs.push(dir);
  hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
  for (const { date, files } of history) {
    for (const [path, content] of Object.entries(files)) {
      if (content === null) {
        hermeticGit(dir, ['rm', '--quiet', path]);
        continue;
      }
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    hermeticGit(dir, ['add', '--all']);
    hermeticGit(dir, ['commit', '--quiet', '--allow-empty', '-m', `as of ${date}`], { date });
  }
  return dir;
}

afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const team = (ptl: string) =>
  `ironic:\n  ptl: ${ptl}\n  deliverables:\n    sushy:\n      repos:\n        - openstack/sushy\n`;

describe('data directories as of a date', () => {
  it('reads a git checkout at its last commit on or before the date, and names it', async () => {
    const dir = dataRepo([
      {
        date: '2015-10-01T12:00:00Z',
        files: { 'reference/projects.yaml': team('Old Lead (old)') },
      },
      {
        date: '2024-01-01T12:00:00Z',
        files: {
          'reference/projects.yaml': team('{name: New Lead, email: new@example.org}'),
          'reference/legacy.yaml':
            'x:\n  retired-on: 2023-01-01\n  deliverables:\n    y:\n      repos: [openstack/y]\n',
        },
      },
    ]);
    const commits = hermeticGit(dir, ['rev-list', 'master']).trim().split('\n');
    const old = await new GovernanceSource({ dir, asOf: '2016-01-01' }).facts('openstack/sushy');
    expect(old.owner?.team.ptl).toEqual({ name: 'Old Lead', irc: 'old' });
    expect(old.owner?.ref.commit).toBe(commits[1]);
    expect(
      (await new GovernanceSource({ dir, asOf: '2016-01-01' }).facts('openstack/y')).retired,
    ).toBeNull();
    const now = new GovernanceSource({ dir, asOf: '2024-01-01' });
    expect((await now.facts('openstack/sushy')).owner?.team.ptl).toEqual({
      name: 'New Lead',
      email: 'new@example.org',
    });
    expect((await now.facts('openstack/y')).retired?.ref).toEqual({
      source: 'governance',
      file: 'reference/legacy.yaml',
      line: 4,
      commit: commits[0],
    });
    await expect(
      new GovernanceSource({ dir, asOf: '2015-09-30' }).facts('openstack/sushy'),
    ).rejects.toThrow(`governance data in ${dir} has no commit on or before 2015-09-30`);
  });

  it('ignores uncommitted edits in a checkout and reads plain directories as they are', async () => {
    const dir = dataRepo([{ date: '2020-01-01T00:00:00Z', files: { 'a.txt': 'committed' } }]);
    writeFileSync(join(dir, 'a.txt'), 'edited');
    const git = await openDataDir({
      source: 'releases',
      flag: '--releases',
      dir,
      asOf: '2020-01-01',
    });
    expect(await git.read(['a.txt', 'missing.txt'])).toEqual(
      new Map([
        ['a.txt', 'committed'],
        ['missing.txt', null],
      ]),
    );
    expect(git.label).toMatch(/^releases data at 2020-01-01 \(commit [0-9a-f]{10}\)$/);
    const plain = mkdtempSync(join(tmpdir(), 'vmt-plain-'));
    dirs.push(plain);
    writeFileSync(join(plain, 'a.txt'), 'as is');
    const files = await openDataDir({
      source: 'releases',
      flag: '--releases',
      dir: plain,
      asOf: '2020-01-01',
    });
    expect([files.commit, await files.read(['a.txt'])]).toEqual([
      undefined,
      new Map([['a.txt', 'as is']]),
    ]);
  });

  it('follows series status from deliverables/ (until 2019-06) to data/', async () => {
    const status = '- name: stein\n  status: development\n  initial-release: 2019-04-10\n';
    const dir = dataRepo([
      { date: '2018-09-01T00:00:00Z', files: { 'deliverables/series_status.yaml': status } },
      {
        date: '2019-06-11T00:00:00Z',
        files: { 'deliverables/series_status.yaml': null, 'data/series_status.yaml': status },
      },
    ]);
    const releases = (asOf: string) =>
      new ReleasesSource({ dir, asOf, governance: async () => null });
    const file = async (asOf: string) =>
      (await releases(asOf).facts('openstack/sushy')).series[0]?.ref.file;
    expect(await file('2019-01-01')).toBe('deliverables/series_status.yaml');
    expect(await file('2020-01-01')).toBe('data/series_status.yaml');
    const empty = dataRepo([{ date: '2016-05-01T00:00:00Z', files: { 'README.rst': 'x' } }]);
    await expect(
      new ReleasesSource({ dir: empty, asOf: '2016-05-01', governance: async () => null }).facts(
        'a/b',
      ),
    ).rejects.toThrow(
      /releases data at 2016-05-01 \(commit [0-9a-f]{10}\) has no deliverables directory and neither data\/series_status.yaml/,
    );
  });

  it('says unavailable for project-config with neither Zuul layout', async () => {
    const dir = dataRepo([
      {
        date: '2017-01-01T00:00:00Z',
        files: { 'gerrit/projects.yaml': '- project: openstack/sushy\n' },
      },
      {
        date: '2017-10-01T00:00:00Z',
        files: { 'zuul.d/projects.yaml': '- project:\n    name: openstack/sushy\n' },
      },
    ]);
    await expect(
      new ProjectConfigSource({ dir, asOf: '2017-06-01' }).facts('openstack/sushy'),
    ).rejects.toThrow(
      /project-config data at 2017-06-01 \(commit [0-9a-f]{10}\) has neither zuul.d\/projects.yaml \(Zuul v3, from 2017-09\) nor zuul\/layout.yaml/,
    );
    const now = await new ProjectConfigSource({ dir, asOf: '2017-10-01' }).facts('openstack/sushy');
    expect(now.zuul).toMatchObject({ templates: [], pipelines: {} });
    expect(now.gerrit).toMatchObject({ acl: null, retired: false });
  });

  it('says so when the directory is missing', async () => {
    await expect(
      openDataDir({
        source: 'governance',
        flag: '--governance',
        dir: '/nonexistent/x',
        asOf: '2020-01-01',
      }),
    ).rejects.toThrow('--governance /nonexistent/x is not a directory');
  });
});
