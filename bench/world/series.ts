/** The series of the synthetic world, oldest first, with their state on the bench's date. */
export interface BenchSeries {
  name: string;
  releaseId: string;
  /** Release date, ISO day. */
  released: string;
  status: 'future' | 'development' | 'maintained' | 'unmaintained' | 'end of life';
  nextPhase: { status: string; date: string } | null;
}

/** The date every bench run judges at. */
export const BENCH_AS_OF = '2026-12-01';

const TABLE: readonly [string, string, string, BenchSeries['status']][] = [
  ['liberty', 'liberty', '2015-10-15', 'end of life'],
  ['mitaka', 'mitaka', '2016-04-07', 'end of life'],
  ['newton', 'newton', '2016-10-06', 'end of life'],
  ['ocata', 'ocata', '2017-02-22', 'end of life'],
  ['pike', 'pike', '2017-08-30', 'end of life'],
  ['queens', 'queens', '2018-02-28', 'end of life'],
  ['rocky', 'rocky', '2018-08-30', 'end of life'],
  ['stein', 'stein', '2019-04-10', 'end of life'],
  ['train', 'train', '2019-10-16', 'end of life'],
  ['ussuri', 'ussuri', '2020-05-13', 'end of life'],
  ['victoria', 'victoria', '2020-10-14', 'end of life'],
  ['wallaby', 'wallaby', '2021-04-14', 'end of life'],
  ['xena', 'xena', '2021-10-06', 'end of life'],
  ['yoga', 'yoga', '2022-03-30', 'end of life'],
  ['zed', 'zed', '2022-10-05', 'end of life'],
  ['antelope', '2023.1', '2023-03-22', 'unmaintained'],
  ['bobcat', '2023.2', '2023-10-04', 'end of life'],
  ['caracal', '2024.1', '2024-04-03', 'unmaintained'],
  ['dalmatian', '2024.2', '2024-10-02', 'unmaintained'],
  ['epoxy', '2025.1', '2025-04-02', 'maintained'],
  ['flamingo', '2025.2', '2025-10-01', 'maintained'],
  ['gazpacho', '2026.1', '2026-04-01', 'maintained'],
  ['hibiscus', '2026.2', '2026-09-30', 'maintained'],
  ['indri', '2027.1', '2027-03-24', 'development'],
];

const NEXT: Record<BenchSeries['status'], { status: string; years: number } | null> = {
  future: { status: 'development', years: 0 },
  development: { status: 'maintained', years: 0 },
  maintained: { status: 'unmaintained', years: 2 },
  unmaintained: { status: 'end of life', years: 1 },
  'end of life': null,
};

export const SERIES: readonly BenchSeries[] = TABLE.map(([name, releaseId, released, status]) => {
  const next = NEXT[status];
  const year = Number(released.slice(0, 4)) + (next?.years ?? 0);
  return {
    name,
    releaseId,
    released,
    status,
    nextPhase: next ? { status: next.status, date: `${year}${released.slice(4)}` } : null,
  };
});

/** The stable branch a series' repositories cut: `stable/<release-id>` from 2023.1 on. */
export function stableBranch(series: BenchSeries): string {
  return /^\d{4}\.\d$/.test(series.releaseId)
    ? `stable/${series.releaseId}`
    : `stable/${series.name}`;
}

/** What a repository holds for a series it has left: an `-eol` tag or an unmaintained branch. */
export function leftBranch(series: BenchSeries): 'eol-tag' | 'unmaintained' | 'stable' {
  if (series.status === 'end of life') return 'eol-tag';
  if (series.status === 'unmaintained') return 'unmaintained';
  return 'stable';
}
