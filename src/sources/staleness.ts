import { compareText } from '../util/compare';
import { gitDirOf } from '../git/files';
import { createGit } from '../git/run';
import type { CacheUse } from '../git/cache/store';
import type { SourceOptions } from './options';

export const DEFAULT_STALE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A local data checkout whose newest commit is well before the date judged. */
export interface StaleCheckout {
  flag: string;
  dir: string;
  /** Its newest commit's date, YYYY-MM-DD. */
  newest: string;
  days: number;
}

/**
 * The data checkouts given as directories (never the cache, which is fetched) whose newest
 * commit is older than the as-of date by more than `marginDays`: their evidence may be out of
 * date, and the person should be told which and since when.
 */
export async function staleCheckouts(
  options: SourceOptions,
  marginDays = DEFAULT_STALE_AFTER_DAYS,
): Promise<StaleCheckout[]> {
  const given: [string, string | undefined][] = [
    ['--governance', options.governance],
    ['--releases', options.releases],
    ['--project-config', options.projectConfig],
  ];
  const asOf = Date.parse(`${options.asOf}T23:59:59Z`);
  const stale: StaleCheckout[] = [];
  for (const [flag, dir] of given) {
    if (!dir || (options.governanceRevision && flag === '--governance')) continue;
    const newest = await newestCommit(dir);
    if (newest === null) continue;
    const days = Math.floor((asOf - newest) / DAY_MS);
    if (days > marginDays) {
      stale.push({ flag, dir, newest: new Date(newest).toISOString().slice(0, 10), days });
    }
  }
  return stale;
}

async function newestCommit(dir: string): Promise<number | null> {
  const gitDir = await gitDirOf(dir);
  if (gitDir === null) return null;
  try {
    const out = await createGit(gitDir).run(['log', '-1', '--format=%cI', 'HEAD', '--']);
    const time = Date.parse(out.toString('utf8').trim());
    return Number.isNaN(time) ? null : time;
  } catch {
    return null;
  }
}

export function staleText(entry: StaleCheckout, asOf: string): string {
  return (
    `${entry.flag} ${entry.dir}: its newest commit is from ${entry.newest}, ` +
    `${entry.days} days before ${asOf}; its evidence may be out of date (pull it, or drop the ` +
    `flag to use the git cache)`
  );
}

/** The data repositories, named first in what is said of the cache. */
const DATA_REPOSITORIES = [
  'openstack/governance',
  'openstack/releases',
  'openstack/project-config',
];
/** How many stale repositories are named; the rest are counted. */
const NAMED = 5;

/**
 * What a run that did not refresh the cache (`--offline`, `--no-fetch`) read from it: when the
 * repositories it used were last fetched, and which are older than the as-of date by more than
 * `marginDays` (their evidence may miss what happened since). A few lines whatever the number
 * of repositories; none when nothing was used as cached.
 */
export function cacheStaleness(
  uses: readonly CacheUse[],
  because: string,
  asOf: string,
  marginDays = DEFAULT_STALE_AFTER_DAYS,
): string[] {
  const cached = uses.filter((use) => use.action === 'cached');
  if (cached.length === 0) return [];
  const dated = cached.flatMap((use) => {
    const time = use.fetchedAt === null ? Number.NaN : Date.parse(use.fetchedAt);
    return Number.isNaN(time) ? [] : [{ name: use.name, time, day: dayOf(time) }];
  });
  const undated = cached.filter((use) => !dated.some((d) => d.name === use.name));
  const days = dated.map((d) => d.day).sort();
  const span =
    days.length === 0
      ? ''
      : days[0] === days[days.length - 1]
        ? `, last fetched ${days[0]}`
        : `, last fetched ${days[0]}…${days[days.length - 1]}`;
  const noun = cached.length === 1 ? 'repository' : 'repositories';
  const lines = [`${because}: ${cached.length} cached ${noun} used as they are${span}`];
  const end = Date.parse(`${asOf}T23:59:59Z`);
  const stale = dated
    .filter((d) => Math.floor((end - d.time) / DAY_MS) > marginDays)
    .sort(
      (a, b) =>
        dataFirst(a.name, b.name) || compareText(a.day, b.day) || compareText(a.name, b.name),
    );
  if (stale.length > 0) {
    const named = stale.slice(0, NAMED).map((d) => `${d.name} (${d.day})`);
    const more = stale.length > NAMED ? ` and ${stale.length - NAMED} more` : '';
    lines.push(
      `${stale.length} of them fetched more than ${marginDays} days before ${asOf}: ` +
        `${named.join(', ')}${more}; their evidence may be out of date (run once without ${because})`,
    );
  }
  if (undated.length > 0) {
    const names = undated.slice(0, NAMED).map((u) => u.name);
    const more = undated.length > NAMED ? ` and ${undated.length - NAMED} more` : '';
    lines.push(`${undated.length} with no recorded fetch time: ${names.join(', ')}${more}`);
  }
  return lines;
}

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function dataFirst(a: string, b: string): number {
  return Number(!DATA_REPOSITORIES.includes(a)) - Number(!DATA_REPOSITORIES.includes(b));
}
