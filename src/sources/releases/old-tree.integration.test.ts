import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import { branchCoverage } from '../../openstack/branches';
import { collectVersions, latestFinal } from '../../openstack/releases';
import { ReleasesSource } from './source';

/*
 * A releases tree shaped like 2016's: deliverable files per series, the series table in
 * doc/source/index.rst (as releases carried it 2015-09..2018-04), and no series_status.yaml.
 */

const INDEX_RST = `====================
 OpenStack Releases
====================

.. list-table::
   :header-rows: 1

   - * Series
     * Status
     * Initial Release Date
     * EOL Date
   - * :doc:\`newton/index\`
     * :doc:\`Under Development <newton/schedule>\`
     * 2016-10-06 (planned)
     * TBD
   - * :doc:\`mitaka/index\`
     * Current stable release, security-supported
     * 2016-04-07
     * TBD
   - * :doc:\`liberty/index\`
     * Security-supported
     * 2015-10-15
     * 2016-11-17

.. toctree::
   :maxdepth: 1
`;

const MITAKA_OS_BRICK = `---
launchpad: os-brick
team: cinder
releases:
  - version: 1.1.0
    projects:
      - repo: openstack/os-brick
        hash: 1111111111111111111111111111111111111111
  - version: 1.2.0
    projects:
      - repo: openstack/os-brick
        hash: 2222222222222222222222222222222222222222
branches:
  - name: stable/mitaka
    location: 1.1.0
`;

const NEWTON_OS_BRICK = `---
launchpad: os-brick
team: cinder
release-model: cycle-with-intermediary
releases:
  - version: 1.3.0.0b1
    projects:
      - repo: openstack/os-brick
        hash: 3333333333333333333333333333333333333333
`;

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function commit(dir: string, date: string, message: string): void {
  hermeticGit(dir, ['add', '--all']);
  hermeticGit(dir, ['commit', '--quiet', '-m', message], { date: `${date}T12:00:00Z` });
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmt-releases-2016-'));
  hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
  // 2015-08: deliverable files, no docs table yet.
  write(
    dir,
    'deliverables/liberty/os-brick.yaml',
    MITAKA_OS_BRICK.replace(/mitaka/g, 'liberty')
      .replace('1.1.0', '0.5.0')
      .replace('1.2.0', '0.6.0'),
  );
  write(dir, 'deliverables/kilo/nova.yaml', 'team: nova\nreleases: []\n');
  commit(dir, '2015-08-10', 'deliverables only');
  // 2016-06: the series table and the mitaka/newton files.
  write(dir, 'doc/source/index.rst', INDEX_RST);
  write(dir, 'deliverables/mitaka/os-brick.yaml', MITAKA_OS_BRICK);
  write(dir, 'deliverables/newton/os-brick.yaml', NEWTON_OS_BRICK);
  commit(dir, '2016-06-01', 'series table');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function source(asOf: string): ReleasesSource {
  return new ReleasesSource({ dir, asOf, governance: () => Promise.resolve(null) });
}

describe('releases source: a 2016 tree without series status', () => {
  it('derives the series from the docs table (status from its words) and the deliverables directories', async () => {
    const facts = await source('2016-06-15').facts('openstack/os-brick');
    expect(facts.series.map((s) => [s.name, s.status, s.initialRelease, s.eolDate])).toEqual([
      ['newton', 'development', '2016-10-06', null],
      ['mitaka', 'maintained', '2016-04-07', null],
      ['liberty', 'maintained', '2015-10-15', '2016-11-17'],
      ['kilo', null, null, null],
    ]);
    // A maintained series leaves maintenance on the table's EOL date, when it gives one.
    expect(facts.series[2]?.nextPhase).toEqual({ status: 'end of life', date: '2016-11-17' });
    expect(facts.series[1]?.nextPhase).toEqual({ status: 'end of life', date: null });
    expect(facts.series[1]?.statusText).toBe('Current stable release, security-supported');
    expect(facts.series[1]?.ref).toMatchObject({ file: 'doc/source/index.rst', line: 16 });
    expect(facts.series[3]?.ref).toMatchObject({ file: 'deliverables/kilo' });
    expect(facts.seriesAsOf).toBe('exact');
    expect(facts.seriesStatusMissing).toMatch(
      /^releases data at 2016-06-15 \(commit [0-9a-f]{10}\) predates series status \(series_status.yaml, from 2018-04-20\); its series are known from its doc\/source\/index.rst series table \(its status words read as the stable phases of that era\) and deliverables directories; a series only a directory names has no recorded status$/,
    );
  });

  it("reads the repository's deliverable files, oldest series first, and finds its final releases", async () => {
    const facts = await source('2016-06-15').facts('openstack/os-brick');
    expect(facts.files.map((f) => f.series)).toEqual(['liberty', 'mitaka', 'newton']);
    const latest = latestFinal(collectVersions(facts, undefined, '2016-06-15'));
    expect(latest?.version.text).toBe('1.2.0');
    expect(latest?.ref?.file).toBe('deliverables/mitaka/os-brick.yaml');
  });

  it('reads the tree of 2015-08 from its directories alone', async () => {
    const facts = await source('2015-09-01').facts('openstack/os-brick');
    expect(facts.series.map((s) => s.name)).toEqual(['liberty', 'kilo']);
    expect(facts.seriesStatusMissing).toMatch(/known from its deliverables directories; a series/);
    expect(facts.files.map((f) => f.series)).toEqual(['liberty']);
  });

  it("judges each stable branch by its series' table words; a series the table omits is unresolved", async () => {
    const facts: ReleasesFacts = await source('2016-06-15').facts('openstack/os-brick');
    const repository: RepositoryFacts = {
      name: 'openstack/os-brick',
      evaluated: { commit: 'a'.repeat(40), date: '2016-06-01T00:00:00Z', branch: 'master' },
      tags: [],
      branches: [{ name: 'stable/liberty', commit: 'b'.repeat(40), date: '2015-09-20T00:00:00Z' }],
      zuul: null,
      testEntryPoints: [],
    };
    const coverage = branchCoverage(facts, repository, '2016-06-15');
    expect(coverage.unresolved).toEqual([]);
    expect(coverage.states.map((b) => [b.branch, b.series.status, b.covered])).toEqual([
      ['stable/liberty', 'maintained', true],
      ['stable/mitaka', 'maintained', true],
    ]);
    const kilo: RepositoryFacts = {
      ...repository,
      branches: [{ name: 'stable/kilo', commit: 'c'.repeat(40), date: '2015-04-20T00:00:00Z' }],
    };
    const unresolved = branchCoverage(facts, kilo, '2016-06-15').unresolved;
    expect(unresolved.map((u) => [u.branch, u.kind])).toContainEqual(['stable/kilo', 'releases']);
    expect(unresolved.find((u) => u.branch === 'stable/kilo')?.reason).toMatch(
      /^whether kilo was maintained on the date is not recorded: releases data at .* predates series status/,
    );
  });

  it('reads a checkout from before the first deliverable files (2015-07-14) as recording none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vmt-releases-empty-'));
    try {
      hermeticGit(empty, ['init', '--quiet', '--initial-branch=master']);
      write(empty, 'README.rst', 'releases\n');
      commit(empty, '2015-07-02', 'Add README file');
      const facts = await new ReleasesSource({
        dir: empty,
        asOf: '2015-07-08',
        governance: () => Promise.resolve(null),
      }).facts('openstack/python-swiftclient');
      expect(facts.files).toEqual([]);
      expect(facts.series).toEqual([]);
      expect(facts.seriesStatusMissing).toMatch(
        /^releases data at 2015-07-08 \(commit [0-9a-f]{10}\) records no deliverable file yet \(deliverable files from 2015-07-14, series status from 2018-04-20\)/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('says unavailable for a later tree with neither series status nor deliverables', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vmt-releases-empty-'));
    try {
      hermeticGit(empty, ['init', '--quiet', '--initial-branch=master']);
      write(empty, 'README.rst', 'releases\n');
      commit(empty, '2016-06-01', 'start');
      await expect(
        new ReleasesSource({
          dir: empty,
          asOf: '2016-06-02',
          governance: () => Promise.resolve(null),
        }).facts('openstack/os-brick'),
      ).rejects.toThrow(
        /has no deliverables directory and neither data\/series_status.yaml nor deliverables\/series_status.yaml \(deliverable files are recorded from 2015-07 on\)/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
