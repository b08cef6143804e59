/**
 * Which stable branches of a repository the VMT still covers on a date: `stable/<id>` branches
 * (from git, and from the releases data's branch history) whose series is maintained — unless the
 * repository has already left maintenance on that series (its own `-eol`/`-eom`/`-em` tag).
 * With releases data newer than the date, a series beyond maintenance now counts as maintained on
 * the date unless the repository's tags say otherwise; without them, coverage is undetermined.
 * A stable branch the series data cannot name, or a git branch whose existence on the date git
 * cannot establish, is unresolved: never silently dropped, never "not maintained".
 */
import type { ReleasesFacts, RepositoryFacts, Series } from '../evidence/types';
import { seriesValue } from './evidence';
import type { SeriesStatusAsOf } from './series';
import { compareText } from '../util/compare';
import {
  hasRecordedStatus,
  isCoveredStatus,
  isVersionBranchId,
  leavesMaintenanceOn,
  parseBranch,
  seriesForBranch,
  seriesStatusAsOf,
  unknownSeriesReason,
} from './series';
import { transitions, type IgnoredTag, type Transition, type Transitions } from './transitions';
import type { EvidenceRecord } from '../findings/finding';
import { presentBranches, type Presence } from './branch-presence';

/**
 * Where a branch was seen: a git branch of the date, the releases data's branch history, an
 * eol/eom/em tag that did not end it by the date, or a pre-newton series file with a release.
 */
export type BranchOrigin = 'git-branch' | 'releases-data' | 'end-tag' | 'series-releases';

export interface BranchState {
  branch: string;
  series: SeriesStatusAsOf;
  origins: BranchOrigin[];
  /** Why a branch no ref or branch record lists is taken to have existed on the date. */
  presence: Presence[];
  /** The repository's own eol/eom/em tag for the series, when it has one. */
  transition: Transition | null;
  /** Such tags that do not end coverage (lightweight, undated), when none does. */
  ignoredTags: IgnoredTag[];
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

interface Seen {
  origins: BranchOrigin[];
  presence: Presence[];
}

/**
 * Branch names and where each was seen. Git branches (as of the date) when the repository is
 * available; the deliverable files' branch history too, as a mirror may be stale; and branches
 * deleted since, that the repository's later eol tags or the pre-newton files show.
 */
function branchNames(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
  moved: Transitions,
): Map<string, Seen> {
  const names = new Map<string, Seen>();
  const add = (name: string, origin: BranchOrigin, presence: Presence[] = []): void => {
    const seen = names.get(name) ?? { origins: [], presence: [] };
    if (!seen.origins.includes(origin)) seen.origins.push(origin);
    seen.presence.push(...presence);
    names.set(name, seen);
  };
  for (const b of repository?.branches ?? []) {
    if (b.date.slice(0, 10) <= asOf) add(b.name, 'git-branch');
  }
  for (const file of releases.files) {
    for (const b of file.branches) {
      if (couldExist(seriesForBranch(b.name, releases.series), asOf)) add(b.name, 'releases-data');
    }
  }
  const present = presentBranches(releases, repository, {
    asOf,
    moved,
    couldExist: (series) => couldExist(series, asOf),
  });
  for (const [name, presence] of present) {
    for (const p of presence) add(name, p.origin, [p]);
  }
  return names;
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

/**
 * A stable branch whose coverage on the date cannot be established for want of data: the series
 * data names no series for it, or git cannot tell whether it existed on the date.
 */
export interface UnresolvedBranch {
  branch: string;
  origins: BranchOrigin[];
  /** The evidence that would settle it. */
  kind: 'releases' | 'repository';
  reason: string;
  /** Why a branch no ref or branch record lists is taken to have existed on the date. */
  presence?: Presence[];
}

export interface Coverage {
  /** Every stable branch of a known series the repository has had, sorted by name. */
  states: BranchState[];
  /** Stable branches that cannot be judged, sorted by name. */
  unresolved: UnresolvedBranch[];
}

function stateOf(
  branch: string,
  { origins, presence }: Seen,
  series: Series,
  moved: Transitions,
  input: { releases: ReleasesFacts; repository: RepositoryFacts | undefined; asOf: string },
): BranchState | UnresolvedBranch {
  const { releases, repository, asOf } = input;
  if (!hasRecordedStatus(series)) {
    return noRecordedStatus(branch, series, { origins, presence }, releases);
  }
  const state = seriesStatusAsOf(series, asOf, releases.seriesAsOf);
  const transition = moved.accepted.get(series.name) ?? null;
  const undetermined = isUndetermined(state, transition, repository, releases.seriesAsOf);
  return {
    branch,
    series: state,
    origins,
    presence,
    transition,
    ignoredTags: moved.ignored.get(series.name) ?? [],
    covered: isCoveredStatus(state.status) && !transition && !undetermined,
    undetermined,
  };
}

/**
 * A git branch whose tip is after the date and whose fork point git could not find, when it
 * matters: a stable branch of a series that could have been branched and was covered on the date,
 * with no end-of-maintenance tag. Null when it cannot change the judgment.
 */
function undatedBranch(
  name: string,
  why: string,
  moved: Transitions,
  input: { releases: ReleasesFacts; asOf: string },
): UnresolvedBranch | null {
  const parsed = parseBranch(name);
  if (parsed.kind !== 'stable' || parsed.id === null || isVersionBranchId(parsed.id)) return null;
  const series = seriesForBranch(name, input.releases.series);
  if (!series) return unknownSeries(name, parsed.id, ['git-branch']);
  if (!couldExist(series, input.asOf) || moved.accepted.has(series.name)) return null;
  if (!hasRecordedStatus(series)) {
    return noRecordedStatus(
      name,
      series,
      { origins: ['git-branch'], presence: [] },
      input.releases,
    );
  }
  const state = seriesStatusAsOf(series, input.asOf, input.releases.seriesAsOf);
  if (!isCoveredStatus(state.status)) return null;
  return {
    branch: name,
    origins: ['git-branch'],
    kind: 'repository',
    reason:
      `its last commit is after ${input.asOf} and ${why}, so whether it existed on the date ` +
      `(${series.name} was ${state.status} then) cannot be established`,
  };
}

/**
 * A stable branch of a series the data of the date gives no status for (no series_status.yaml
 * before 2018-04): whether it was maintained on the date cannot be read from the data.
 */
function noRecordedStatus(
  branch: string,
  series: Series,
  { origins, presence }: Seen,
  releases: ReleasesFacts,
): UnresolvedBranch {
  const worded = series.statusText ? `; its series table says '${series.statusText}'` : '';
  const why = releases.seriesStatusMissing ?? `series ${series.name} has no recorded status`;
  const [first] = presence;
  const existed = !first
    ? ''
    : first.dated
      ? `it existed on the date (${first.text}), but `
      : `it may have existed on the date (${first.text}; the data gives no release date for ` +
        `${series.name}), and `;
  return {
    branch,
    origins,
    kind: 'releases',
    reason: `${existed}whether ${series.name} was maintained on the date is not recorded: ${why}${worded}`,
    ...(presence.length > 0 ? { presence } : {}),
  };
}

function unknownSeries(branch: string, id: string, origins: BranchOrigin[]): UnresolvedBranch {
  return { branch, origins, kind: 'releases', reason: unknownSeriesReason(id) };
}

/** The state on the date of every stable branch the repository has had, and those unjudgeable. */
export function branchCoverage(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
): Coverage {
  const input = { releases, repository, asOf };
  const moved = transitions(releases, repository, asOf);
  const states: BranchState[] = [];
  const unresolved: UnresolvedBranch[] = [];
  const names = branchNames(releases, repository, asOf, moved);
  for (const [branch, seen] of names) {
    const parsed = parseBranch(branch);
    if (parsed.kind !== 'stable' || parsed.id === null) continue;
    const series = seriesForBranch(branch, releases.series);
    if (series) {
      const state = stateOf(branch, seen, series, moved, input);
      if ('covered' in state) states.push(state);
      else unresolved.push(state);
    } else if (!isVersionBranchId(parsed.id))
      unresolved.push(unknownSeries(branch, parsed.id, seen.origins));
  }
  for (const file of releases.unlistedSeriesFiles ?? []) {
    for (const b of file.branches) {
      if (parseBranch(b.name).kind !== 'stable' || names.has(b.name)) continue;
      unresolved.push({
        branch: b.name,
        origins: ['releases-data'],
        kind: 'releases',
        reason:
          `recorded in ${file.ref.file}, whose series ${file.series} series_status.yaml does ` +
          `not list`,
      });
    }
  }
  for (const undated of repository?.undatedBranches ?? []) {
    if (names.has(undated.name)) continue;
    const found = undatedBranch(undated.name, undated.reason, moved, input);
    if (found) unresolved.push(found);
  }
  const byBranch = (a: { branch: string }, b: { branch: string }) =>
    compareText(a.branch, b.branch);
  const once = unresolved.filter(
    (u, i) => unresolved.findIndex((v) => v.branch === u.branch) === i,
  );
  return { states: states.sort(byBranch), unresolved: once.sort(byBranch) };
}

/** The state on the date of every stable branch of a series the repository has had. */
export function stableBranchStates(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
): BranchState[] {
  return branchCoverage(releases, repository, asOf).states;
}

/** An unresolved branch for the evidence. */
export function unresolvedValue(branch: UnresolvedBranch): EvidenceRecord {
  const { presence, ...rest } = branch;
  return {
    ...rest,
    origins: [...branch.origins],
    ...(presence ? { presence: presence.map((p) => p.text) } : {}),
    undetermined: true,
  };
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
  if (state.ignoredTags.length > 0) value.ignoredTags = state.ignoredTags.map((t) => ({ ...t }));
  if (state.presence.length > 0) value.presence = state.presence.map((p) => p.text);
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
