import type { ReleasesFacts } from '../evidence/types';
import { deliverableFile, releases, repository, tag } from '../../test/helpers/evidence-fixtures';
import { collectVersions, laterSeriesVersions, latestFinal } from './releases';

const sushy = releases(
  [
    deliverableFile('caracal', 'sushy', { releases: ['4.8.0', '5.0.0'] }),
    deliverableFile('hibiscus', 'sushy', { releases: ['5.13.0'] }),
    deliverableFile('independent', 'sushy', { releases: ['0.1.0'] }),
  ],
  'sushy',
);
const latest: ReleasesFacts = { ...sushy, seriesAsOf: 'latest' };
const texts = (facts: ReleasesFacts, asOf: string): string[] =>
  collectVersions(facts, undefined, asOf).map((r) => r.version.text);

describe('collectVersions as of a date', () => {
  it('exact releases data: every release of the deliverable files counts', () => {
    expect(texts(sushy, '2019-01-01')).toEqual(['4.8.0', '5.0.0', '5.13.0', '0.1.0']);
    expect(texts({ ...sushy, seriesAsOf: 'exact' }, '2019-01-01')).toContain('5.13.0');
  });

  it("'latest' data: releases of series first released after the date do not count", () => {
    // sushy as of 2019-01-01: neither caracal (2024-04-03) nor hibiscus (2026-09-30) existed.
    expect(texts(latest, '2019-01-01')).toEqual(['0.1.0']);
    // As of 2024-06-01, caracal was released; hibiscus was not.
    expect(texts(latest, '2024-06-01')).toEqual(['4.8.0', '5.0.0', '0.1.0']);
    expect(latestFinal(collectVersions(latest, undefined, '2024-06-01'))?.version.text).toBe(
      '5.0.0',
    );
    // On its initial-release date the series counts.
    expect(texts(latest, '2026-09-30')).toContain('5.13.0');
  });

  it("'latest' data: git tags, already dated, still count", () => {
    const repo = repository({ tags: [tag('5.13.0', '2026-06-01'), tag('5.14.0', '2026-09-01')] });
    const records = collectVersions(latest, repo, '2026-08-01');
    expect(records.filter((r) => r.origin === 'git-tag').map((r) => r.version.text)).toEqual([
      '5.13.0',
    ]);
    expect(records.filter((r) => r.origin === 'releases-data').map((r) => r.version.text)).toEqual([
      '4.8.0',
      '5.0.0',
      '0.1.0',
    ]);
  });
});

describe('laterSeriesVersions', () => {
  it('lists what was left out, and whether it may have existed on the date', () => {
    expect(laterSeriesVersions(sushy, '2019-01-01')).toEqual([]);
    const long = laterSeriesVersions(latest, '2019-01-01');
    expect(long.map((l) => [l.record.version.text, l.series.name, l.possible])).toEqual([
      ['4.8.0', 'caracal', false],
      ['5.0.0', 'caracal', false],
      ['5.13.0', 'hibiscus', false],
    ]);
    // Hibiscus development opened with gazpacho's stable branch (six weeks before 2026-04-01).
    expect(laterSeriesVersions(latest, '2026-02-17').map((l) => l.possible)).toEqual([false]);
    expect(laterSeriesVersions(latest, '2026-02-18').map((l) => l.possible)).toEqual([true]);
    expect(laterSeriesVersions(latest, '2026-08-01')).toEqual([
      expect.objectContaining({
        possible: true,
        series: expect.objectContaining({ name: 'hibiscus' }),
      }),
    ]);
  });
});
