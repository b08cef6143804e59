import { bothInOrder } from '../util/in-order';
import { readObjects } from '../git/cat-file';
import { UsageError } from '../errors';
import { worktreeRevision } from './git';
import { parseGitreview, type ReviewBranch } from './gitreview';
import { remembered } from './memo';
import type { Revision } from './model';
import { gitText, type ListRepository } from './repository';
import { validateRevision, type RevisionFlag } from './validate';

/** `--base` and `--head` as the user gave them (absent: the defaults). */
export interface RevisionFlags {
  /** Default: see `defaultBase` (`.gitreview` branch, upstream, head's parent). */
  base?: string;
  /** Default: the work tree, uncommitted edits included. */
  head?: string;
}

/** The two revisions a change is judged between, resolved once per run. */
export interface Revisions {
  base: Revision;
  head: Revision;
}

/** The label of an empty base (HEAD has no parent): nothing existed there; its commit is null. */
const NO_BASE_LABEL = 'NONE';

/**
 * The one place a run's revisions are validated and resolved: the configuration is read at this
 * base and the diff is taken between these two, so both see the same commits. Both flags are
 * validated before either reaches git.
 */
export async function resolveRevisions(
  repo: ListRepository,
  flags: RevisionFlags,
): Promise<Revisions> {
  const baseRev = flags.base === undefined ? undefined : validateRevision(flags.base, '--base');
  const headRev = flags.head === undefined ? undefined : validateRevision(flags.head, '--head');
  if (headRev !== undefined && baseRev !== undefined) {
    const [head, base] = await bothInOrder(
      resolveRevision(repo, headRev, '--head'),
      resolveRevision(repo, baseRev, '--base'),
    );
    return { base, head };
  }
  const head =
    headRev === undefined ? worktreeRevision() : await resolveRevision(repo, headRev, '--head');
  const base =
    baseRev === undefined
      ? await defaultBase(repo, head)
      : await resolveRevision(repo, baseRev, '--base');
  return { base, head };
}

/** Resolves an already validated revision to a commit sha. */
export async function resolveRevision(
  repo: ListRepository,
  revision: string,
  flag: RevisionFlag,
): Promise<Revision> {
  const commit = await verifyCommit(repo, revision);
  if (commit === null) {
    throw new UsageError(`unknown revision '${revision}' in ${flag}`);
  }
  return { label: revision, commit };
}

/**
 * The default base, for a proposer's run where nothing names one: the merge-base of head (HEAD
 * for the work tree) with the branch `.gitreview` names (git-review's own flow: a topic branch
 * without an upstream), else with the current branch's upstream, else head's parent, else
 * nothing (a root commit or an empty repository). The label says which rule chose it.
 */
export async function defaultBase(repo: ListRepository, head: Revision): Promise<Revision> {
  const tip = head.commit ?? 'HEAD';
  const tipLabel = head.commit === null ? 'HEAD' : head.label;
  const review = await reviewBranch(repo);
  for (const ref of review?.refs ?? []) {
    const mergeBase = await mergeBaseWith(repo, tip, ref);
    const name = ref.slice('refs/remotes/'.length);
    if (mergeBase !== null) {
      return {
        label: `merge-base(${tipLabel}, ${name}), the branch .gitreview names`,
        commit: mergeBase,
      };
    }
  }
  const mergeBase = await mergeBaseWith(repo, tip, '@{upstream}');
  if (mergeBase !== null) {
    return { label: `merge-base(${tipLabel}, @{upstream})`, commit: mergeBase };
  }
  const parent = await verifyCommit(repo, `${tip}~1`);
  if (parent !== null) return { label: `${tipLabel}~1`, commit: parent };
  return { label: NO_BASE_LABEL, commit: null };
}

/** `.gitreview` as committed at HEAD (a work-tree edit cannot move the base), parsed. */
async function reviewBranch(repo: ListRepository): Promise<ReviewBranch | null> {
  const text = await remembered(repo.memo, 'gitreview', async () => {
    try {
      const object = (await readObjects(repo.git, ['HEAD:.gitreview'])).get('HEAD:.gitreview');
      return object?.type === 'blob' ? object.content.toString('utf8') : null;
    } catch {
      return null; // no commit yet
    }
  });
  return text === null ? null : parseGitreview(text);
}

function mergeBaseWith(repo: ListRepository, tip: string, other: string): Promise<string | null> {
  return remembered(repo.memo, `merge-base\0${tip}\0${other}`, () =>
    readMergeBase(repo, tip, other),
  );
}

async function readMergeBase(
  repo: ListRepository,
  tip: string,
  other: string,
): Promise<string | null> {
  try {
    const out = (await gitText(repo, ['merge-base', '--end-of-options', tip, other])).trim();
    return out === '' ? null : out;
  } catch {
    return null; // no such branch or upstream, detached HEAD, or no commit yet
  }
}

/** The commit a revision names, or null when there is none. */
function verifyCommit(repo: ListRepository, revision: string): Promise<string | null> {
  return remembered(repo.memo, `commit\0${revision}`, () => readCommit(repo, revision));
}

async function readCommit(repo: ListRepository, revision: string): Promise<string | null> {
  try {
    const out = await gitText(repo, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${revision}^{commit}`,
    ]);
    return out.trim() === '' ? null : out.trim();
  } catch {
    return null;
  }
}
