import type { GitBranch, UndatedBranch } from '../../evidence/types';
import { endOfDay, onOrBefore } from '../dates';
import { committerDate, readObjects } from '../../git/cat-file';
import { GitError, type Git } from '../../git/run';
import { compareText } from '../../util/compare';

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
 * The clone's first commit when no commit of any ref is dated on or before the date, which
 * proves the repository did not exist yet; null when some commit is, or when the clone is shallow
 * (its oldest commits may be missing, so it proves nothing).
 */
export async function firstCommitAfter(git: Git, asOf: string): Promise<EvaluatedCommit | null> {
  const shallow = await git.run(['rev-parse', '--is-shallow-repository']);
  if (shallow.toString('utf8').trim() !== 'false') return null;
  const before = await git.run(['rev-list', '-1', '--all', `--before=${endOfDay(asOf)}`, '--']);
  if (before.toString('utf8').trim() !== '') return null;
  const roots = await git.run(['rev-list', '--all', '--max-parents=0', '--format=%cI', '--']);
  let first: EvaluatedCommit | null = null;
  const lines = roots.toString('utf8').trim().split('\n');
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const commit = /^commit ([0-9a-f]{40,64})$/.exec(lines[i] ?? '')?.[1];
    const date = lines[i + 1] ?? '';
    if (!commit || Number.isNaN(Date.parse(date))) return null;
    if (first === null || Date.parse(date) < Date.parse(first.date)) first = { commit, date };
  }
  // A root dated on or before the date contradicts the walk above: prove nothing then.
  return first && !onOrBefore(first.date, asOf) ? first : null;
}

export interface BranchesAsOf {
  /** Branches that existed on the date, sorted by name. */
  branches: GitBranch[];
  /** Branches with a later tip whose fork point could not be found, sorted by name. */
  undated: UndatedBranch[];
}

/**
 * The branches other than the default one that existed on the date. A branch whose tip is on or
 * before it did; a branch with a later tip did if it forked from the default branch on or before
 * the date, and is then reported at its fork point. Fork points are only computed for those later
 * branches. A later branch whose fork point git cannot give (unrelated histories, a missing
 * object) is reported as undated: it may have existed, and must not silently disappear.
 */
export async function branchesAsOf(
  git: Git,
  branches: readonly GitBranch[],
  defaultBranch: GitBranch,
  asOf: string,
): Promise<BranchesAsOf> {
  const others = branches.filter((branch) => branch.name !== defaultBranch.name);
  const early = others.filter((branch) => onOrBefore(branch.date, asOf));
  const late = others.filter((branch) => !onOrBefore(branch.date, asOf));
  const forks = await Promise.all(late.map((branch) => forkPoint(git, defaultBranch, branch)));
  const forkShas = forks.flatMap((fork) => ('sha' in fork ? [fork.sha] : []));
  const objects = forkShas.length > 0 ? await readObjects(git, forkShas) : new Map();
  const forked: GitBranch[] = [];
  const undated: UndatedBranch[] = [];
  late.forEach((branch, index) => {
    const fork = forks[index] ?? { failure: 'no fork point computed' };
    if ('failure' in fork) {
      undated.push({ name: branch.name, reason: fork.failure });
      return;
    }
    const object = objects.get(fork.sha);
    const date = object?.type === 'commit' ? committerDate(object.content) : null;
    if (!date) {
      const reason = `its fork point ${fork.sha.slice(0, 10)} is not a readable commit`;
      undated.push({ name: branch.name, reason });
    } else if (onOrBefore(date, asOf)) {
      forked.push({ name: branch.name, commit: fork.sha, date });
    }
  });
  return { branches: [...early, ...forked].sort(byName), undated: undated.sort(byName) };
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareText(a.name, b.name);
}

type ForkPoint = { sha: string } | { failure: string };

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

async function forkPoint(git: Git, base: GitBranch, branch: GitBranch): Promise<ForkPoint> {
  const what = `git merge-base ${base.name} ${branch.name}`;
  try {
    const sha = (await git.run(['merge-base', base.commit, branch.commit])).toString('utf8').trim();
    return SHA.test(sha) ? { sha } : { failure: `${what} gave no commit` };
  } catch (error) {
    // Exit 1 with nothing on stderr: unrelated histories. Otherwise git could not walk them.
    const stderr = error instanceof GitError ? error.stderr.trim() : '';
    const detail = stderr ? `failed: ${printable(stderr)}` : 'found no common ancestor';
    return { failure: `${what} ${detail}` };
  }
}

/** git's first line of complaint, without control characters and of bounded length. */
function printable(stderr: string): string {
  const first = stderr.split('\n')[0] ?? '';
  // eslint-disable-next-line no-control-regex
  return first.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 200);
}
