import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import type { GovernanceFacts } from '../../evidence/types';
import { GovernanceSource } from '../governance/source';
import { ReleasesSource } from './source';

const FIXTURES = resolve(__dirname, '../../../test/fixtures/data');
const governance = new GovernanceSource({ dir: join(FIXTURES, 'governance'), asOf: '2026-01-01' });
const withGovernance = (repository: string): Promise<GovernanceFacts | null> =>
  governance.facts(repository);

function releases(dir = join(FIXTURES, 'releases'), progress?: string[]) {
  return new ReleasesSource({
    dir,
    asOf: '2026-01-01',
    governance: withGovernance,
    onProgress: progress ? (m) => progress.push(m) : undefined,
  });
}

function copyOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-releases-'));
  cpSync(join(FIXTURES, 'releases'), dir, { recursive: true });
  return dir;
}

describe('releases source: series directories series_status.yaml does not list', () => {
  it("keeps the repository's files there apart, in a plain directory", async () => {
    const dir = copyOfFixture();
    try {
      cpSync(join(dir, 'deliverables/gazpacho'), join(dir, 'deliverables/jasmine'), {
        recursive: true,
      });
      const facts = await releases(dir).facts('openstack/sushy');
      expect(facts.files.map((f) => f.series)).not.toContain('jasmine');
      expect(facts.unlistedSeriesFiles?.map((f) => [f.series, f.ref.file])).toEqual([
        ['jasmine', 'deliverables/jasmine/sushy.yaml'],
      ]);
      expect((await releases(dir).facts('openstack/glance_store')).unlistedSeriesFiles).toBe(
        undefined,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('releases source', () => {
  it('reads the series table with release-ids as text, dates as text, next phases without a date', async () => {
    const { series } = await releases().facts('openstack/sushy');
    expect(series.map((s) => s.name)).toEqual([
      'gazpacho',
      'flamingo',
      'epoxy',
      'dalmatian',
      'caracal',
      'zed',
      'xena',
    ]);
    expect(series.find((s) => s.name === 'caracal')).toEqual({
      name: 'caracal',
      releaseId: '2024.1',
      status: 'unmaintained',
      initialRelease: '2024-04-03',
      nextPhase: { status: 'end of life', date: null },
      eolDate: null,
      ref: { source: 'releases', file: 'data/series_status.yaml', line: 30 },
    });
    expect(series.find((s) => s.name === 'zed')?.releaseId).toBeNull();
    expect(series.find((s) => s.name === 'dalmatian')).toMatchObject({
      nextPhase: null,
      eolDate: '2026-04-29',
    });
  });

  it('reads only the deliverable files of the repository, oldest series first', async () => {
    const progress: string[] = [];
    const facts = await releases(undefined, progress).facts('openstack/sushy');
    expect(facts.deliverable).toBe('sushy');
    expect(facts.files.map((f) => f.series)).toEqual([
      'caracal',
      'dalmatian',
      'epoxy',
      'flamingo',
      'gazpacho',
    ]);
    const caracal = facts.files[0];
    expect(caracal).toMatchObject({
      team: 'ironic',
      type: 'library',
      releaseModel: 'cycle-with-intermediary',
      releaseType: null,
      launchpad: 'sushy',
      retired: false,
      ref: { source: 'releases', file: 'deliverables/caracal/sushy.yaml' },
    });
    expect(caracal?.releases).toEqual([
      { version: '4.8.0', commit: '1'.repeat(40), ref: expect.objectContaining({ line: 9 }) },
      { version: '5.0.0', commit: '2'.repeat(40), ref: expect.objectContaining({ line: 13 }) },
      { version: '2024.1-eom', commit: '3'.repeat(40), ref: expect.objectContaining({ line: 17 }) },
    ]);
    expect(caracal?.branches.map((b) => [b.name, b.location])).toEqual([
      ['stable/2024.1', '5.0.0'],
      ['unmaintained/2024.1', '2024.1-eom'],
    ]);
    // Another repository's release in the same file is left out; an unquoted 5.10 stays "5.10".
    expect(facts.files[2]?.releases.map((r) => r.version)).toEqual(['5.5.0']);
    expect(facts.files[3]?.releases.map((r) => r.version)).toEqual(['5.10']);
    expect(facts.files[4]?.releases).toEqual([]);
    expect(progress).toEqual([
      'reading releases series status',
      'reading releases deliverables/*/sushy.yaml',
    ]);
  });

  it('finds the deliverable through governance, and independent files', async () => {
    const glance = await releases().facts('openstack/glance_store');
    expect(glance.deliverable).toBe('glance-store');
    expect(glance.files.map((f) => [f.series, f.releases.map((r) => r.version)])).toEqual([
      ['epoxy', ['4.9.0']],
    ]);
    const castellan = await releases().facts('openstack/castellan-ui');
    expect(castellan.files).toEqual([
      expect.objectContaining({ series: 'independent', releaseModel: 'abandoned', retired: true }),
    ]);
  });

  it('falls back to the repository name when governance does not know it', async () => {
    const source = new ReleasesSource({
      dir: join(FIXTURES, 'releases'),
      asOf: '2026-01-01',
      governance: async () => null,
    });
    const facts = await source.facts('x/sushy');
    expect(facts.deliverable).toBe('sushy');
    expect(facts.files).toEqual([]);
  });

  it('reads series status from deliverables/ where older data keeps it', async () => {
    const dir = copyOfFixture();
    cpSync(join(dir, 'data/series_status.yaml'), join(dir, 'deliverables/series_status.yaml'));
    rmSync(join(dir, 'data'), { recursive: true });
    const facts = await releases(dir).facts('openstack/sushy');
    expect(facts.series[0]?.ref).toEqual({
      source: 'releases',
      file: 'deliverables/series_status.yaml',
      line: 2,
    });
  });

  it('says unavailable when series status is missing or unknown', async () => {
    const none = copyOfFixture();
    rmSync(join(none, 'data'), { recursive: true });
    rmSync(join(none, 'deliverables'), { recursive: true });
    await expect(releases(none).facts('openstack/sushy')).rejects.toThrow(
      /has no deliverables directory and neither data\/series_status.yaml nor deliverables\/series_status.yaml/,
    );
    const odd = copyOfFixture();
    writeFileSync(join(odd, 'data/series_status.yaml'), '- name: x\n  status: sunset\n');
    await expect(releases(odd).facts('openstack/sushy')).rejects.toThrow(
      "data/series_status.yaml line 2 series x has status 'sunset', which this reader does not know",
    );
    const map = copyOfFixture();
    writeFileSync(join(map, 'data/series_status.yaml'), 'zed: {status: maintained}\n');
    await expect(releases(map).facts('openstack/sushy')).rejects.toThrow(
      'a layout this reader does not know',
    );
  });

  it('says whether the series data is exact for the date', async () => {
    const plain = (asOf: string) =>
      new ReleasesSource({
        dir: join(FIXTURES, 'releases'),
        asOf,
        today: '2026-11-25',
        governance: withGovernance,
      }).facts('openstack/sushy');
    // A plain directory holds the newest data: only exact from today on.
    expect((await plain('2024-06-01')).seriesAsOf).toBe('latest');
    expect((await plain('2026-11-24')).seriesAsOf).toBe('latest');
    expect((await plain('2026-11-25')).seriesAsOf).toBe('exact');
    expect((await plain('2027-01-01')).seriesAsOf).toBe('exact');
    // A git checkout is read as of the date.
    const dir = copyOfFixture();
    hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
    hermeticGit(dir, ['add', '--all']);
    hermeticGit(dir, ['commit', '--quiet', '-m', 'data'], { date: '2024-01-01T12:00:00Z' });
    const git = new ReleasesSource({ dir, asOf: '2024-06-01', governance: withGovernance });
    const facts = await git.facts('openstack/sushy');
    expect(facts.seriesAsOf).toBe('exact');
    expect(facts.series[0]?.ref.commit).toEqual(expect.any(String));
  });

  it('says unavailable for a deliverable file of an unknown shape, naming it', async () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, 'deliverables/epoxy/sushy.yaml'), 'releases: {version: 1}\n');
    await expect(releases(dir).facts('openstack/sushy')).rejects.toThrow(
      'deliverables/epoxy/sushy.yaml line 1 releases: expected a list, found a mapping',
    );
  });
});

describe('releases source: a deliverable named with _ whose file is named with - (2015-07..2016-07)', () => {
  const PROJECTS = `glance:
  ptl: {name: P, email: p@example.org}
  deliverables:
    glance_store:
      repos:
        - openstack/glance_store
    other_lib:
      repos:
        - openstack/other_lib
`;
  const GLANCE_STORE = `---
launchpad: glance-store
releases:
  - version: 0.13.0
    projects:
      - repo: openstack/glance_store
        hash: 1111111111111111111111111111111111111111
`;

  function world(): { root: string; source: ReleasesSource } {
    const root = mkdtempSync(join(tmpdir(), 'vmt-releases-dash-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('governance/reference/projects.yaml', PROJECTS);
    write('releases/deliverables/mitaka/glance-store.yaml', GLANCE_STORE);
    // A file under the dashed name that does not name the repository lends it nothing.
    write('releases/deliverables/mitaka/other-lib.yaml', GLANCE_STORE);
    const old = new GovernanceSource({ dir: join(root, 'governance'), asOf: '2016-06-01' });
    const source = new ReleasesSource({
      dir: join(root, 'releases'),
      asOf: '2016-06-01',
      governance: (repository) => old.facts(repository),
    });
    return { root, source };
  }

  it('reads deliverables/<series>/glance-store.yaml for deliverable glance_store', async () => {
    const { root, source } = world();
    try {
      const facts = await source.facts('openstack/glance_store');
      expect(facts.deliverable).toBe('glance_store');
      expect(facts.files.map((f) => [f.series, f.ref.file, f.launchpad])).toEqual([
        ['mitaka', 'deliverables/mitaka/glance-store.yaml', 'glance-store'],
      ]);
      expect((await source.facts('openstack/other_lib')).files).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
