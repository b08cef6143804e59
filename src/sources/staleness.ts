import { gitDirOf } from '../git/files';
import { createGit } from '../git/run';
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
    `warning: ${entry.flag} ${entry.dir}: its newest commit is from ${entry.newest}, ` +
    `${entry.days} days before ${asOf}; its evidence may be out of date (pull it, or drop the ` +
    `flag to use the git cache)`
  );
}
