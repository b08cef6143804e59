/**
 * Which stable branches of a repository the VMT still covers on a date: `stable/<id>` branches
 * (from git, and from the releases data's branch history) whose series is maintained — unless the
 * repository has already left maintenance on that series (its own `-eol`/`-eom`/`-em` tag).
 * With releases data newer than the date, a series beyond maintenance now counts as maintained on
 * the date unless the repository's tags say otherwise; without them, coverage is undetermined.
 */
import type { ReleasesFacts, RepositoryFacts, Series } from '../evidence/types';
import { seriesValue } from './evidence';
import type { SeriesStatusAsOf } from './series';
import {
  isCoveredStatus,
  leavesMaintenanceOn,
  parseBranch,
  seriesForBranch,
  seriesForId,
  seriesStatusAsOf,
} from './series';
import { classifyVersion } from './versions';
import type { EvidenceRecord } from '../report/finding';

export type BranchOrigin = 'git-branch' | 'releases-data';

export interface Transition {
  tag: string;
  origin: 'git-tag' | 'releases-data';
  date: string | null;
}

export interface BranchState {
  branch: string;
  series: SeriesStatusAsOf;
  origins: BranchOrigin[];
  /** The repository's own eol/eom/em tag for the series, when it has one. */
  transition: Transition | null;
  covered: boolean;
  /**
   * Whether the coverage on the date cannot be established: releases data newer than the date,
   * and no dated repository tag to tell when the branch left maintenance. Never covered then.
   */
  undetermined: boolean;
}

/** Stable branches are cut at the first release candidate, some weeks before the release. */
export const BRANCH_CUT_DAYS = 42;

/** The date `days` days before `date` (both YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return Number.isNaN(time) ? date : new Date(time).toISOString().slice(0, 10);
}

/**
 * Whether a branch the releases data records could exist on the date. The releases data may
 * be newer than the date (a plain directory cannot be read as of a date), so a branch of a series
 * released well after it is ignored.
 */
function couldExist(series: Series | null, asOf: string): boolean {
  if (!series?.initialRelease) return true;
  return daysBefore(series.initialRelease, BRANCH_CUT_DAYS) <= asOf;
}

/**
 * Branch names and where each was seen. Git branches (as of the date) when the repository is
 * available; the deliverable files' branch history too, as a mirror may be stale.
 */
function branchNames(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
): Map<string, BranchOrigin[]> {
  const names = new Map<string, BranchOrigin[]>();
  const add = (name: string, origin: BranchOrigin): void => {
    const origins = names.get(name) ?? [];
    if (!origins.includes(origin)) origins.push(origin);
    names.set(name, origins);
  };
  for (const b of repository?.branches ?? []) {
    if (b.date.slice(0, 10) <= asOf) add(b.name, 'git-branch');
  }
  for (const file of releases.files) {
    for (const b of file.branches) {
      if (couldExist(seriesForBranch(b.name, releases.series), asOf)) add(b.name, 'releases-data');
    }
  }
  return names;
}

/**
 * The repository's eol/eom/em tags by series name: its git tags up to the date when the
 * repository is available (a later tag in newer releases data must not end coverage early),
 * else the deliverable files' releases.
 */
function transitions(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
): Map<string, Transition> {
  const found = new Map<string, Transition>();
  const consider = (text: string, transition: Transition): void => {
    const special = classifyVersion(text).special;
    if (!special || special.marker === 'last') return;
    const series = seriesForId(special.series, releases.series);
    if (series && !found.has(series.name)) found.set(series.name, transition);
  };
  if (repository) {
    for (const t of repository.tags) {
      if (t.date.slice(0, 10) <= asOf)
        consider(t.name, { tag: t.name, origin: 'git-tag', date: t.date });
    }
    return found;
  }
  for (const file of releases.files) {
    for (const r of file.releases)
      consider(r.version, { tag: r.version, origin: 'releases-data', date: null });
  }
  return found;
}

/**
 * Whether newer releases data leaves the branch's state on the date unknown: the series was
 * maintained on the date (or inferred so) and only the repository can tell whether its branch had
 * left by then, but its only transition is an undated one from the deliverable files, or the
 * repository is unavailable for a series inferred maintained.
 */
function isUndetermined(
  state: SeriesStatusAsOf,
  transition: Transition | null,
  repository: RepositoryFacts | undefined,
  seriesAsOf: ReleasesFacts['seriesAsOf'],
): boolean {
  if (seriesAsOf !== 'latest' || !isCoveredStatus(state.status)) return false;
  if (transition) return transition.date === null;
  return state.basis === 'inferred' && repository === undefined;
}

/** The state on the date of every stable branch of a series the repository has had. */
export function stableBranchStates(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
): BranchState[] {
  const moved = transitions(releases, repository, asOf);
  const states: BranchState[] = [];
  for (const [branch, origins] of branchNames(releases, repository, asOf)) {
    if (parseBranch(branch).kind !== 'stable') continue;
    const series: Series | null = seriesForBranch(branch, releases.series);
    if (!series) continue;
    const state = seriesStatusAsOf(series, asOf, releases.seriesAsOf);
    const transition = moved.get(series.name) ?? null;
    const undetermined = isUndetermined(state, transition, repository, releases.seriesAsOf);
    states.push({
      branch,
      series: state,
      origins,
      transition,
      covered: isCoveredStatus(state.status) && !transition && !undetermined,
      undetermined,
    });
  }
  return states.sort((a, b) => a.branch.localeCompare(b.branch));
}

/** How the series status on the date was found, when not read from data as of the date. */
function basisValue(state: SeriesStatusAsOf): EvidenceRecord {
  if (state.basis === 'dates') {
    return {
      basis: 'dates',
      note: 'releases data newer than the date: status from its initial-release and eol-date',
    };
  }
  return {
    basis: 'inferred',
    inferred: true,
    note:
      `releases data newer than the date shows ${state.series.name} ${state.recorded} with no ` +
      `eol-date on or before the date: taken as maintained unless the repository's own ` +
      `eom/eol/em tag says otherwise`,
  };
}

export function branchValue(state: BranchState): EvidenceRecord {
  const series = seriesValue(state.series);
  const value: EvidenceRecord = {
    branch: state.branch,
    origins: [...state.origins],
    series: state.series.basis === 'data' ? series : { ...series, ...basisValue(state.series) },
    transition: state.transition ? { ...state.transition } : null,
    covered: state.covered,
  };
  if (state.undetermined) value.undetermined = true;
  return value;
}

/** A one-line record of a branch, for the list of every branch seen. */
export function branchSummary(state: BranchState): EvidenceRecord {
  return {
    branch: state.branch,
    series: state.series.series.name,
    status: state.series.status,
    transition: state.transition?.tag ?? null,
    covered: state.covered,
    ...(state.series.basis === 'data' ? {} : { basis: state.series.basis }),
  };
}

/** Why a branch is or is not covered, in words. */
export function branchText(state: BranchState): string {
  const { series } = state.series;
  const inferred = state.series.basis === 'inferred' ? ', inferred' : '';
  const status = `${series.name} is ${state.series.status}${inferred}`;
  if (state.transition)
    return `${state.branch}: the repository tagged ${state.transition.tag} (${status})`;
  return `${state.branch}: ${status}`;
}

/** When a covered branch's series leaves maintenance, if the data says (and has not applied it). */
export function leavesOn(state: BranchState): { date: string; status: string } | null {
  if (state.series.movedOn !== null || state.series.basis === 'inferred') return null;
  const { series } = state.series;
  const date = leavesMaintenanceOn(series);
  const status = series.nextPhase?.status ?? (date === series.eolDate ? 'end of life' : undefined);
  return date !== null && status !== undefined ? { date, status } : null;
}
