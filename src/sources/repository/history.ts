import type { GitBranch } from '../../evidence/types';
import { endOfDay, onOrBefore } from '../dates';
import { committerDate, readObjects } from '../../git/cat-file';
import type { Git } from '../../git/run';

export interface EvaluatedCommit {
  commit: string;
  date: string;
}

/** The default branch's last commit on or before the date (first-parent line); null if none. */
export async function evaluatedCommit(
  git: Git,
  tip: GitBranch,
  asOf: string,
): Promise<EvaluatedCommit | null> {
  if (onOrBefore(tip.date, asOf)) return { commit: tip.commit, date: tip.date };
  const out = await git.run([
    'rev-list',
    '-1',
    '--first-parent',
    `--before=${endOfDay(asOf)}`,
    '--format=%cI',
    tip.commit,
    '--',
  ]);
  // rev-list prints `commit <sha>` and then the formatted line.
  const [header = '', date = ''] = out.toString('utf8').trim().split('\n');
  const commit = /^commit ([0-9a-f]{40,64})$/.exec(header)?.[1];
  return commit && date ? { commit, date } : null;
}

/**
 * The branches other than the default one that existed on the date. A branch whose tip is on or before it did; a branch
 * with a later tip did if it forked from the default branch on or before the date, and is then
 * reported at its fork point. Fork points are only computed for those later branches.
 */
export async function branchesAsOf(
  git: Git,
  branches: readonly GitBranch[],
  defaultBranch: GitBranch,
  asOf: string,
): Promise<GitBranch[]> {
  const others = branches.filter((branch) => branch.name !== defaultBranch.name);
  const early = others.filter((branch) => onOrBefore(branch.date, asOf));
  const late = others.filter((branch) => !onOrBefore(branch.date, asOf));
  const forks = await Promise.all(late.map((branch) => forkPoint(git, defaultBranch, branch)));
  const forkShas = forks.filter((sha): sha is string => sha !== null);
  const objects = forkShas.length > 0 ? await readObjects(git, forkShas) : new Map();
  const forked: GitBranch[] = [];
  late.forEach((branch, index) => {
    const sha = forks[index];
    const object = sha ? objects.get(sha) : null;
    const date = object ? committerDate(object.content) : null;
    if (sha && date && onOrBefore(date, asOf))
      forked.push({ name: branch.name, commit: sha, date });
  });
  return [...early, ...forked].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function forkPoint(git: Git, base: GitBranch, branch: GitBranch): Promise<string | null> {
  try {
    const out = await git.run(['merge-base', base.commit, branch.commit]);
    return out.toString('utf8').trim() || null;
  } catch {
    // Unrelated histories: no fork point.
    return null;
  }
}
