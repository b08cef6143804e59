import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import { createTempRepo, type TempRepo } from '../../../test/helpers/temp-git';
import { branchCoverage } from '../../openstack/branches';
import { ReleasesSource } from '../releases/source';
import { RepositorySource } from './source';

/*
 * openstack/glance_store as judged on 2016-06-01 (issue 8 replay): releases 0.x tagged through
 * 2016, stable/kilo tagged kilo-eol on 2016-06-24 and deleted since (so today's clone has no
 * stable branch at all), and a releases tree of 2016 whose files record no branch.
 */

const INDEX_RST = `.. list-table::
   :header-rows: 1

   - * Series
     * Status
     * Initial Release Date
     * EOL Date
   - * :doc:\`ocata/index\`
     * *Future*
     * TBD
     * TBD
   - * :doc:\`newton/index\`
     * :doc:\`Under Development <newton/schedule>\`
     * 2016-10-06 (planned)
     * TBD
   - * :doc:\`mitaka/index\`
     * Current stable release, security-supported
     * 2016-04-07
     * TBD
   - * :doc:\`kilo/index\`
     * Security-supported
     * 2015-04-30
     * 2016-05-02
`;

const file = (versions: string[]) =>
  `---\nlaunchpad: glance-store\nreleases:\n${versions
    .map(
      (v, i) =>
        `  - version: ${v}\n    projects:\n      - repo: openstack/glance_store\n        hash: ${String(i).repeat(40)}\n`,
    )
    .join('')}`;

let root: string;
let releasesDir: string;

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function commitAt(dir: string, message: string, date: string): void {
  hermeticGit(dir, ['add', '--all']);
  hermeticGit(dir, ['commit', '--quiet', '--allow-empty', '-m', message], { date });
}

function tagAt(repo: TempRepo, name: string, date: string, at = 'HEAD'): void {
  hermeticGit(repo.dir, ['tag', '-a', '-m', name, name, at], { date });
}

function buildGlanceStore(): string {
  const repo = createTempRepo();
  commitAt(repo.dir, 'kilo work', '2015-03-18T10:00:00Z');
  tagAt(repo, '0.4.0', '2015-03-19T10:00:00Z');
  repo.git('branch', 'stable/kilo');
  commitAt(repo.dir, 'mitaka work', '2016-03-02T10:00:00Z');
  tagAt(repo, '0.13.0', '2016-03-03T10:00:00Z');
  repo.git('checkout', '--quiet', 'stable/kilo');
  commitAt(repo.dir, 'kilo backport', '2016-05-20T10:00:00Z');
  tagAt(repo, 'kilo-eol', '2016-06-24T10:00:00Z');
  repo.git('checkout', '--quiet', 'master');
  repo.git('branch', '-D', 'stable/kilo');
  tagAt(repo, 'newton-eol', '2017-10-25T10:00:00Z');
  commitAt(repo.dir, 'later', '2016-07-20T10:00:00Z');
  const target = join(root, 'openstack/glance_store');
  mkdirSync(dirname(target), { recursive: true });
  renameSync(repo.dir, target);
  return target;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-glance-store-'));
  buildGlanceStore();
  releasesDir = join(root, 'releases');
  mkdirSync(releasesDir);
  hermeticGit(releasesDir, ['init', '--quiet', '--initial-branch=master']);
  write(releasesDir, 'doc/source/index.rst', INDEX_RST);
  write(releasesDir, 'deliverables/kilo/glance-store.yaml', file(['0.4.0']));
  write(releasesDir, 'deliverables/mitaka/glance-store.yaml', file(['0.13.0']));
  write(releasesDir, 'deliverables/newton/.placeholder', '');
  commitAt(releasesDir, '2016 tree', '2016-05-25T12:00:00Z');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const asOf = '2016-06-01';

async function facts() {
  const repository = await new RepositorySource({ reposRoot: root, asOf }).facts(
    'openstack/glance_store',
  );
  const releases = await new ReleasesSource({
    dir: releasesDir,
    asOf,
    governance: () => Promise.resolve(null),
  }).facts('openstack/glance_store');
  return { repository, releases };
}

describe('a stable branch deleted after its -eol tag (glance_store, 2016-06-01)', () => {
  it('the repository source keeps the tags after the date apart: kilo-eol is one', async () => {
    const { repository } = await facts();
    expect(repository.branches.map((b) => b.name)).toEqual(['master']);
    expect(repository.tags.map((t) => t.name)).toEqual(['0.13.0', '0.4.0']);
    expect(repository.laterTags?.map((t) => [t.name, t.annotated, t.taggerDate])).toEqual([
      ['kilo-eol', true, '2016-06-24T10:00:00+00:00'],
      ['newton-eol', true, '2017-10-25T10:00:00+00:00'],
    ]);
  });

  it('stable/kilo and stable/mitaka existed on the date (never "none found"); the table says which were maintained', async () => {
    const { repository, releases } = await facts();
    expect(releases.files.map((f) => [f.series, f.branches.length])).toEqual([
      ['kilo', 0],
      ['mitaka', 0],
    ]);
    const coverage = branchCoverage(releases, repository, asOf);
    expect(coverage.unresolved).toEqual([]);
    // stable/mitaka: the mitaka file records 0.13.0 and mitaka was released by the date.
    // newton-eol: newton had not branched by the date; ocata is TBD after it.
    // kilo: the table's EOL date (2016-05-02) had passed; mitaka: security-supported, no EOL date.
    expect(coverage.states.map((b) => [b.branch, b.origins, b.series.status, b.covered])).toEqual([
      ['stable/kilo', ['end-tag', 'series-releases'], 'end of life', false],
      ['stable/mitaka', ['series-releases'], 'maintained', true],
    ]);
    expect(coverage.states[0]?.presence?.[0]?.citation).toMatchObject({
      source: 'repository',
      repository: 'openstack/glance_store',
      text: 'tag kilo-eol, 2016-06-24',
    });
  });
});
