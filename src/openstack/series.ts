/**
 * Release series, their status as of a date, and stable branch names (research §2.3–2.5, §3).
 */
import {
  SERIES_LIFECYCLE,
  type Series,
  type SeriesDataAsOf,
  type SeriesStatus,
} from '../evidence/types';

/**
 * How the status on the date was found. `data`: the series data as of the date says so (its next
 * phase applied once dated on or before the date). `dates`: reconstructed from the initial-release
 * and eol dates of newer data. `inferred`: newer data shows the series beyond maintenance with no
 * date for when it left, so it is taken as maintained unless the repository's own eom/eol/em tags
 * say otherwise.
 */
export type StatusBasis = 'data' | 'dates' | 'inferred';

/** A series whose status the data records (series_status.yaml, from 2018-04 on). */
export type RecordedSeries = Series & { status: SeriesStatus };

export function hasRecordedStatus(series: Series): series is RecordedSeries {
  return series.status !== null;
}

export interface SeriesStatusAsOf {
  series: RecordedSeries;
  /** The status on the date. */
  status: SeriesStatus;
  /** The status the data records. */
  recorded: SeriesStatus;
  /** Set when the recorded next-phase date is on or before the date, so the series moved on. */
  movedOn: string | null;
  basis: StatusBasis;
}

const LIFECYCLE: readonly SeriesStatus[] = SERIES_LIFECYCLE;

/** Extended maintenance, unmaintained or end of life. */
export function isBeyondMaintained(status: SeriesStatus): boolean {
  return LIFECYCLE.indexOf(status) > LIFECYCLE.indexOf('maintained');
}

/**
 * The status of a series as of a date. With data as of the date (`exact`, the default): the
 * recorded status, unless the recorded next phase is dated on or before the date, in which case
 * the series has moved to the next phase. With newer data (`latest`), see `reconstructedStatus`.
 */
export function seriesStatusAsOf(
  series: RecordedSeries,
  asOf: string,
  data: SeriesDataAsOf = 'exact',
): SeriesStatusAsOf {
  return data === 'latest' ? reconstructedStatus(series, asOf) : recordedStatus(series, asOf);
}

function recordedStatus(series: RecordedSeries, asOf: string): SeriesStatusAsOf {
  const next = series.nextPhase;
  if (next && next.date !== null && next.date <= asOf) {
    return {
      series,
      status: next.status,
      recorded: series.status,
      movedOn: next.date,
      basis: 'data',
    };
  }
  return { series, status: series.status, recorded: series.status, movedOn: null, basis: 'data' };
}

/**
 * The status on a past date from data newer than the date: end of life from its eol-date on;
 * before its initial release, in development (a future or development series as recorded);
 * a series maintained now was maintained since its release (statuses only move forward); a series
 * beyond maintenance now, with no eol-date on or before the date, is inferred maintained — the
 * data does not say when it left, the repository's own tags must.
 */
export function reconstructedStatus(series: RecordedSeries, asOf: string): SeriesStatusAsOf {
  const at = (status: SeriesStatus, basis: StatusBasis): SeriesStatusAsOf => ({
    series,
    status,
    recorded: series.status,
    movedOn: null,
    basis,
  });
  if (series.eolDate !== null && series.eolDate <= asOf) return at('end of life', 'dates');
  if (series.status === 'future' || series.status === 'development') {
    return recordedStatus(series, asOf);
  }
  if (series.initialRelease !== null && asOf < series.initialRelease) {
    return at('development', 'dates');
  }
  if (!isBeyondMaintained(series.status)) return recordedStatus(series, asOf);
  // A non-SLURP series went straight from maintained to end of life on its eol-date: known.
  if (series.eolDate !== null && isNonSlurp(series)) return at('maintained', 'dates');
  return at('maintained', 'inferred');
}

/** `2024.1` from antelope on, the series name before: what branches and eol/eom tags use. */
export function stableBranchId(series: Series): string {
  return series.releaseId ?? series.name;
}

export type BranchKind = 'master' | 'stable' | 'unmaintained' | 'bugfix' | 'feature' | 'other';

export interface ParsedBranch {
  name: string;
  kind: BranchKind;
  /** What follows the prefix: `2024.1`, `zed`, `3.1`; null for master and unknown shapes. */
  id: string | null;
}

const BRANCH = /^(stable|unmaintained|bugfix|feature)\/(.+)$/;

export function parseBranch(name: string): ParsedBranch {
  if (name === 'master' || name === 'main') return { name, kind: 'master', id: null };
  const m = BRANCH.exec(name);
  if (!m) return { name, kind: 'other', id: null };
  return { name, kind: (m[1] ?? 'other') as BranchKind, id: m[2] ?? null };
}

/**
 * The series a branch id or eol/eom/last tag prefix belongs to: matched by release-id
 * (`2024.1` → caracal), else by name (`zed`). Version branches of independent deliverables
 * (`stable/3.1`) belong to no series.
 */
export function seriesForId(id: string, series: readonly Series[]): Series | null {
  const byReleaseId = series.find((s) => s.releaseId === id);
  if (byReleaseId) return byReleaseId;
  return series.find((s) => s.name === id.toLowerCase()) ?? null;
}

/**
 * A version branch of an independent deliverable (`stable/3.1`, `stable/4.0.x`): it follows the
 * deliverable's own versions, not a series. A release-id (`2025.1`) is never one.
 */
export function isVersionBranchId(id: string): boolean {
  return /^\d{1,3}\.\d+(\.\d+|\.x)?$/.test(id);
}

/** Why no series could be found for a branch or tag id, naming what series_status.yaml lacks. */
export function unknownSeriesReason(id: string): string {
  if (/^\d{4}\.\d+$/.test(id)) {
    return (
      `no series in series_status.yaml has release-id ${id} (the series is missing from the ` +
      `data, or is listed without its release-id)`
    );
  }
  return `no series in series_status.yaml is named ${id}`;
}

/** The series of a `stable/…` or `unmaintained/…` branch, or null. */
export function seriesForBranch(branch: string, series: readonly Series[]): Series | null {
  const parsed = parseBranch(branch);
  if ((parsed.kind !== 'stable' && parsed.kind !== 'unmaintained') || parsed.id === null) {
    return null;
  }
  return seriesForId(parsed.id, series);
}

/**
 * Whether a stable branch of this series is covered by the VMT on the date: maintained, or in
 * development with its stable branch already cut (it becomes maintained at release).
 */
export function isCoveredStatus(status: SeriesStatus): boolean {
  return status === 'maintained' || status === 'development';
}

/**
 * When a maintained series leaves maintenance: its next-phase date when the next phase is not
 * itself maintained, else null (not scheduled yet).
 */
export function leavesMaintenanceOn(series: Series): string | null {
  const next = series.nextPhase;
  if (next && next.date !== null && !isCoveredStatus(next.status)) return next.date;
  // Non-SLURP releases (`YYYY.2`) go from maintained straight to end of life, so once the next
  // phase is gone from the data, the series' eol-date is the day it left maintenance.
  if (!next && series.eolDate !== null && isNonSlurp(series)) return series.eolDate;
  return null;
}

function isNonSlurp(series: Series): boolean {
  return series.releaseId !== null && /^\d{4}\.2$/.test(series.releaseId);
}
