/**
 * Release series, their status as of a date, and stable branch names (research §2.3–2.5, §3).
 */
import type { Series, SeriesStatus } from '../evidence/types';

export interface SeriesStatusAsOf {
  series: Series;
  /** The status on the date. */
  status: SeriesStatus;
  /** The status the data records. */
  recorded: SeriesStatus;
  /** Set when the recorded next-phase date is on or before the date, so the series moved on. */
  movedOn: string | null;
}

/**
 * The status of a series as of a date: the recorded status, unless the recorded next phase is
 * dated on or before it, in which case the series has moved to the next phase.
 */
export function seriesStatusAsOf(series: Series, asOf: string): SeriesStatusAsOf {
  const next = series.nextPhase;
  if (next && next.date !== null && next.date <= asOf) {
    return { series, status: next.status, recorded: series.status, movedOn: next.date };
  }
  return { series, status: series.status, recorded: series.status, movedOn: null };
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
  if (!next || next.date === null || isCoveredStatus(next.status)) return null;
  return next.date;
}
