import type { CacheUse } from '../git/cache/store';
import { cacheStaleness } from './staleness';

const cached = (name: string, fetchedAt: string | null): CacheUse => ({
  name,
  action: 'cached',
  fetchedAt,
});

describe('cacheStaleness', () => {
  it('says nothing when nothing was used as cached', () => {
    const uses: CacheUse[] = [{ name: 'openstack/a', action: 'unavailable', fetchedAt: null }];
    expect(cacheStaleness(uses, '--offline', '2026-06-01')).toEqual([]);
  });

  it('gives the span of fetch dates, and no warning within the margin', () => {
    const uses = [
      cached('openstack/nova', '2026-05-20T10:00:00Z'),
      cached('openstack/governance', '2026-05-28T10:00:00Z'),
    ];
    expect(cacheStaleness(uses, '--no-fetch', '2026-06-01')).toEqual([
      '--no-fetch: 2 cached repositories used as they are, last fetched 2026-05-20…2026-05-28',
    ]);
  });

  it('summarises hundreds of repositories in a few lines, data repositories named first', () => {
    const uses = [
      ...Array.from({ length: 300 }, (_, i) =>
        cached(`openstack/r${String(i).padStart(3, '0')}`, '2026-05-25T00:00:00Z'),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        cached(`openstack/old${String(i).padStart(2, '0')}`, `2026-01-${String(10 + i)}T00:00:00Z`),
      ),
      cached('openstack/releases', '2026-03-01T00:00:00Z'),
      cached('openstack/undated', null),
    ];
    const lines = cacheStaleness(uses, '--offline', '2026-06-01', 30);
    expect(lines).toEqual([
      '--offline: 314 cached repositories used as they are, last fetched 2026-01-10…2026-05-25',
      '13 of them fetched more than 30 days before 2026-06-01: openstack/releases (2026-03-01), ' +
        'openstack/old00 (2026-01-10), openstack/old01 (2026-01-11), openstack/old02 (2026-01-12), ' +
        'openstack/old03 (2026-01-13) and 8 more; their evidence may be out of date (run once ' +
        'without --offline)',
      '1 with no recorded fetch time: openstack/undated',
    ]);
  });

  it('is relative to the date judged: a cache fetched after --as-of is not stale', () => {
    const uses = [cached('openstack/nova', '2026-05-20T10:00:00Z')];
    expect(cacheStaleness(uses, '--offline', '2015-01-01')).toHaveLength(1);
    expect(cacheStaleness(uses, '--offline', '2026-08-01', 30)[1]).toMatch(
      /^1 of them fetched more than 30 days before 2026-08-01: openstack\/nova \(2026-05-20\)/,
    );
  });
});
