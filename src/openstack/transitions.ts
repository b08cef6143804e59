/**
 * A repository's own end-of-maintenance tags (`<id>-eol`, `<id>-eom`, `<name>-em`), which end a
 * stable branch's coverage ahead of its series. Only an annotated tag dated by its tagger, on or
 * before the date, counts: a lightweight tag carries no date of its own (anyone can point one at
 * an old commit), and an unreadable or implausible tagger date says nothing about when.
 */
import type { GitTag, ReleasesFacts, RepositoryFacts, Series } from '../evidence/types';
import { seriesForId } from './series';
import { classifyVersion } from './versions';

export interface Transition {
  tag: string;
  origin: 'git-tag' | 'releases-data';
  date: string | null;
}

/** An end-of-maintenance tag that does not end coverage, and why. */
export interface IgnoredTag {
  tag: string;
  reason: string;
}

export interface Transitions {
  /** The accepted transition of each series, by series name. */
  accepted: Map<string, Transition>;
  /** Per series name, tags that were not accepted (only where none was). */
  ignored: Map<string, IgnoredTag[]>;
}

/** Git's first release: no tagger date before it is real. */
const EARLIEST_TAG = '2005-04-07';

/** Whether an ISO 8601 instant falls on or before the end of the day `asOf` (UTC). */
function onOrBeforeDay(instant: string, asOf: string): boolean {
  return Date.parse(instant) <= Date.parse(`${asOf}T23:59:59Z`);
}

/** The series an eol/eom/em tag name ends, or null (not such a tag, or a series the data lacks). */
function seriesEnded(name: string, series: readonly Series[]): Series | null {
  const special = classifyVersion(name).special;
  if (!special || special.marker === 'last') return null;
  return seriesForId(special.series, series);
}

type TagVerdict = { accepted: true } | { accepted: false; reason: string | null };

/**
 * Whether a git tag ends its series' coverage on the date. A tag made after the date did not
 * exist then (reason null: nothing to report); the others that do not count say why.
 */
function judgeTag(tag: GitTag, series: Series, asOf: string): TagVerdict {
  if (!tag.annotated) {
    return { accepted: false, reason: 'a lightweight tag, with no tagger date of its own' };
  }
  const date = tag.taggerDate;
  if (date === null || Number.isNaN(Date.parse(date))) {
    return { accepted: false, reason: 'an annotated tag without a readable tagger date' };
  }
  const earliest = series.initialRelease ?? EARLIEST_TAG;
  if (Date.parse(date) < Date.parse(`${earliest}T00:00:00Z`)) {
    const what = series.initialRelease ? `${series.name} was released` : 'git existed';
    return { accepted: false, reason: `tagged ${date.slice(0, 10)}, before ${what}` };
  }
  if (!onOrBeforeDay(date, asOf)) return { accepted: false, reason: null };
  return { accepted: true };
}

function fromGitTags(repository: RepositoryFacts, releases: ReleasesFacts, asOf: string) {
  const accepted = new Map<string, Transition>();
  const ignored = new Map<string, IgnoredTag[]>();
  for (const tag of repository.tags) {
    const series = seriesEnded(tag.name, releases.series);
    if (!series) continue;
    const verdict = judgeTag(tag, series, asOf);
    if (verdict.accepted) {
      if (!accepted.has(series.name)) {
        accepted.set(series.name, { tag: tag.name, origin: 'git-tag', date: tag.taggerDate });
      }
    } else if (verdict.reason !== null) {
      ignored.set(series.name, [
        ...(ignored.get(series.name) ?? []),
        { tag: tag.name, reason: verdict.reason },
      ]);
    }
  }
  for (const name of accepted.keys()) ignored.delete(name);
  return { accepted, ignored };
}

/**
 * The repository's eol/eom/em tags by series name: its git tags when the repository is available
 * (a later tag in newer releases data must not end coverage early), else the deliverable files'
 * releases (the release team's own tags, recorded without a date).
 */
export function transitions(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  asOf: string,
): Transitions {
  if (repository) return fromGitTags(repository, releases, asOf);
  const accepted = new Map<string, Transition>();
  for (const file of releases.files) {
    for (const r of file.releases) {
      const series = seriesEnded(r.version, releases.series);
      if (series && !accepted.has(series.name)) {
        accepted.set(series.name, { tag: r.version, origin: 'releases-data', date: null });
      }
    }
  }
  return { accepted, ignored: new Map() };
}
