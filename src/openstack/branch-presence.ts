/**
 * Stable branches that existed on a date although today's clone and the data of the date do not
 * list them: upstream deletes a stable branch once it is tagged `<id>-eol`, and the releases data
 * records branches only from newton on (research §2.2, §3). Each is found from the evidence it
 * leaves:
 * - the repository's `<id>-eol`/`-eom`/`-em` tag that does not end coverage on the date (made
 *   after it, or one that cannot end it: lightweight, undated): the branch was only ended later;
 * - a deliverable file of a series released by the date, from before the releases data recorded
 *   branches, that records a final release: such a series normally has a stable branch.
 */
import type {
  DeliverableFile,
  GitTag,
  ReleasesFacts,
  RepositoryFacts,
  Series,
} from '../evidence/types';
import type { Citation } from '../findings/finding';
import { citeData, citeTag } from './cite';
import { seriesForId, stableBranchId } from './series';
import type { Transitions } from './transitions';
import { classifyVersion } from './versions';

/** Why a branch is taken to have existed on the date, with the fact it rests on. */
export interface Presence {
  origin: 'end-tag' | 'series-releases';
  /** False when the data gives no release date for the series: the branch may not have been cut. */
  dated: boolean;
  text: string;
  citation: Citation;
}

/**
 * The series whose stable branches the releases data never recorded: the releases team created
 * branches through the deliverable files from ocata on, and imported newton's on 2016-12-05
 * (openstack/releases b4beba030). Before then no file records any branch.
 */
const SERIES_BEFORE_BRANCH_RECORDS = new Set([
  'austin',
  'bexar',
  'cactus',
  'diablo',
  'essex',
  'folsom',
  'grizzly',
  'havana',
  'icehouse',
  'juno',
  'kilo',
  'liberty',
  'mitaka',
]);
const NEWTON_BRANCHES_RECORDED = '2016-12-05';

/** Whether the releases data leaves the stable branches of the series unrecorded. */
export function branchesUnrecorded(series: string, releases: ReleasesFacts, asOf: string): boolean {
  if (SERIES_BEFORE_BRANCH_RECORDS.has(series)) return true;
  const exact = (releases.seriesAsOf ?? 'exact') === 'exact';
  return series === 'newton' && exact && asOf < NEWTON_BRANCHES_RECORDED;
}

/** A final release in the policy's sense, or an old final shape (`2014.2`): a release either way. */
export function isReleaseVersion(version: string): boolean {
  const kind = classifyVersion(version, { releaseType: 'xstatic' }).kind;
  return kind === 'final' || kind === 'legacy-final';
}

function endTagSeries(tag: GitTag, series: readonly Series[]): Series | null {
  const special = classifyVersion(tag.name).special;
  if (!special || special.marker === 'last') return null;
  return seriesForId(special.series, series);
}

type CouldExist = (series: Series) => boolean;

/**
 * Whether a branch of the series could exist on the date. A series the data gives no release date
 * ("TBD") could not when an older series had not branched by then either (series are newest first).
 */
function mayHaveBranched(series: Series, all: readonly Series[], couldExist: CouldExist): boolean {
  if (series.initialRelease !== null) return couldExist(series);
  const older = all.slice(all.indexOf(series) + 1);
  return older.every((s) => s.initialRelease === null || couldExist(s));
}

function add(found: Map<string, Presence[]>, branch: string, presence: Presence): void {
  found.set(branch, [...(found.get(branch) ?? []), presence]);
}

function fromEndTags(
  repository: RepositoryFacts,
  input: { releases: ReleasesFacts; asOf: string; moved: Transitions; couldExist: CouldExist },
  found: Map<string, Presence[]>,
): void {
  const tags = [...repository.tags, ...(repository.laterTags ?? [])];
  for (const tag of tags) {
    const series = endTagSeries(tag, input.releases.series);
    if (!series || input.moved.accepted.has(series.name) || !input.couldExist(series)) continue;
    const day = tag.date.slice(0, 10);
    const when = day > input.asOf ? `dated ${day}, after ${input.asOf}` : 'which does not end it';
    add(found, `stable/${stableBranchId(series)}`, {
      origin: 'end-tag',
      dated: series.initialRelease !== null,
      text: `the repository's ${tag.name} tag (${when}) ends a branch that existed then`,
      citation: citeTag(repository.name, tag),
    });
  }
}

function fromSeriesReleases(
  file: DeliverableFile,
  input: { releases: ReleasesFacts; asOf: string; couldExist: CouldExist },
  found: Map<string, Presence[]>,
): void {
  if (!branchesUnrecorded(file.series, input.releases, input.asOf)) return;
  if (file.branches.some((b) => b.name.startsWith('stable/'))) return;
  const release = file.releases.find((r) => isReleaseVersion(r.version));
  const series = seriesForId(file.series, input.releases.series);
  if (!release || !series || !input.couldExist(series)) return;
  add(found, `stable/${stableBranchId(series)}`, {
    origin: 'series-releases',
    dated: series.initialRelease !== null,
    text:
      `${file.ref.file} records release ${release.version} of ${series.name}, released by the ` +
      `date, from before the releases data recorded branches: such a series has a stable branch`,
    citation: citeData(release.ref, `release ${release.version} of ${series.name}`),
  });
}

/** Stable branches the evidence shows existed on the date, each with why; by branch name. */
export function presentBranches(
  releases: ReleasesFacts,
  repository: RepositoryFacts | undefined,
  input: { asOf: string; moved: Transitions; couldExist: CouldExist },
): Map<string, Presence[]> {
  const found = new Map<string, Presence[]>();
  const couldExist = (series: Series) => mayHaveBranched(series, releases.series, input.couldExist);
  const context = { ...input, releases, couldExist };
  if (repository && !repository.notYetCreated) fromEndTags(repository, context, found);
  for (const file of releases.files) fromSeriesReleases(file, context, found);
  return found;
}
