import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestFinal, collectVersions } from '../../src/openstack/releases';
import { ReleasesSource } from '../../src/sources/releases/source';
import { hermeticGit, SHARED_DATA } from '../helpers/snapshot-repo';

/*
 * ../shared/data holds today's releases tree, which has series status. A 2016 tree had only
 * the deliverable files of its series: rebuild that layout in a git repository from the real
 * files of liberty and mitaka (nothing is copied into the project) and read it on 2016-06-01.
 */
const DELIVERABLES = join(SHARED_DATA, 'openstack/releases/deliverables');
const present = existsSync(join(DELIVERABLES, 'mitaka/os-brick.yaml'));
if (!present) {
  console.log(`real-data 2016 releases test skipped: ${DELIVERABLES}/mitaka is not there`);
}
const maybe = present ? describe : describe.skip;

maybe('real releases files in a 2016 layout (no series status)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vmt-real-releases-2016-'));
    for (const series of ['kilo', 'liberty', 'mitaka']) {
      cpSync(join(DELIVERABLES, series), join(dir, 'deliverables', series), { recursive: true });
    }
    hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
    hermeticGit(dir, ['add', '--all']);
    hermeticGit(dir, ['commit', '--quiet', '-m', 'data'], { date: '2016-05-01T12:00:00Z' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("derives the series from the directories and finds os-brick's finals", async () => {
    const facts = await new ReleasesSource({
      dir,
      asOf: '2016-06-01',
      governance: () => Promise.resolve(null),
    }).facts('openstack/os-brick');
    expect(facts.series.map((s) => [s.name, s.status])).toEqual([
      ['mitaka', null],
      ['liberty', null],
      ['kilo', null],
    ]);
    expect(facts.seriesStatusMissing).toMatch(/predates series status/);
    expect(facts.files.map((f) => f.series)).toEqual(['liberty', 'mitaka']);
    const latest = latestFinal(collectVersions(facts, undefined, '2016-06-01'));
    expect(latest?.version.kind).toBe('final');
    expect(latest?.series).toBe('mitaka');
  });
});
