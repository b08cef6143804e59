import { readObjects } from '../git/cat-file';
import { UsageError } from '../errors';
import { existingFiles, existingWorktreeFiles } from './files';
import { LIST_CANDIDATES } from './list-paths';
import { gitText, type ListRepository } from './repository';
import { parseGitreview, type ReviewBranch } from './gitreview';
import { remembered } from './memo';
import type { Revision } from './model';
import { validateListPath, type RevisionFlag } from './validate';

export { readListFile } from './files';
export { LIST_CANDIDATES } from './list-paths';
export { gitText, openRepository, type ListRepository } from './repository';

/** The label of the work tree as head (uncommitted edits included); its commit is null. */
const WORKTREE_LABEL = 'WORKTREE';
/** The label of an empty base (HEAD has no parent): nothing existed there; its commit is null. */
const NO_BASE_LABEL = 'NONE';

export function worktreeRevision(): Revision {
  return { label: WORKTREE_LABEL, commit: null };
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

/** "the work tree" or the revision as the user named it, for messages. */
export function describeRevision(revision: Revision): string {
  return revision.commit === null ? 'the work tree' : `'${revision.label}'`;
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

/**
 * The path `path` had at `base` when the change renamed it (git's rename detection between base
 * and head, or base and the work tree), or null.
 */
export async function renamedFrom(
  repo: ListRepository,
  base: string,
  head: string | null,
  path: string,
): Promise<string | null> {
  const rename = (await renames(repo, base, head)).find((r) => r.to === path);
  return rename?.from ?? null;
}

/** The path the change renamed `path` (at `base`) to, or null. */
export async function renamedTo(
  repo: ListRepository,
  base: string,
  head: string | null,
  path: string,
): Promise<string | null> {
  const rename = (await renames(repo, base, head)).find((r) => r.from === path);
  return rename?.to ?? null;
}

async function renames(
  repo: ListRepository,
  base: string,
  head: string | null,
): Promise<{ from: string; to: string }[]> {
  const args = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--name-status', '-z'];
  const range = ['-M', '--diff-filter=R', base, ...(head === null ? [] : [head]), '--'];
  const out = await gitText(repo, [...args, ...range]);
  const fields = out.split('\0');
  const found: { from: string; to: string }[] = [];
  // Records are `R<score>`, old path, new path.
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [status, from, to] = [fields[i], fields[i + 1], fields[i + 2]];
    if (status?.startsWith('R') && from !== undefined && to !== undefined) found.push({ from, to });
  }
  return found;
}

/**
 * Which list a change is judged on when `--list` is not given (see `chooseList`): `base` is the
 * list at base, null when base has none of `LIST_CANDIDATES` (a new list, or no base); `head` is
 * the list at head (`base`, or where the change renamed it), null when the change deletes it;
 * `added` holds the candidates at head that did not exist at base, besides the list.
 */
export type ListChoice =
  | { base: null; head: string; added: string[] }
  | { base: string; head: string | null; added: string[] };

/**
 * The list a change is judged on, without `--list`: the first of `LIST_CANDIDATES` that exists
 * at base, followed to head (itself, or where the change renamed it; null when it deleted it),
 * so a list file the change adds can never take the place of the one it had. With no candidate
 * at base, the first at head. Also names the candidates the change adds beside the list.
 */
export async function chooseList(
  repo: ListRepository,
  base: Revision,
  head: Revision,
): Promise<ListChoice> {
  const atBase =
    base.commit === null ? [] : await existingFiles(repo, base.commit, LIST_CANDIDATES);
  const atHead = await existingFiles(repo, head.commit, LIST_CANDIDATES);
  const added = (list: string | null): string[] =>
    atHead.filter((path) => path !== list && !atBase.includes(path));
  const [basePath] = atBase;
  if (basePath === undefined || base.commit === null) {
    const [headPath] = atHead;
    if (headPath === undefined) throw noListFound(describeRevision(head));
    return { base: null, head: headPath, added: added(headPath) };
  }
  const headPath = atHead.includes(basePath)
    ? basePath
    : await renamedTo(repo, base.commit, head.commit, basePath);
  return { base: basePath, head: headPath, added: added(headPath) };
}

/**
 * The list in the directory `dir` (no git needed): `list` validated and checked to exist, else
 * the first of `LIST_CANDIDATES` there. The path returned is relative to `dir`.
 */
export async function findListPath(dir: string, list?: string): Promise<string> {
  if (list === undefined) {
    const [found] = await existingWorktreeFiles(dir, LIST_CANDIDATES);
    if (found === undefined) throw noListFound(dir);
    return found;
  }
  const path = validateListPath(list);
  const [found] = await existingWorktreeFiles(dir, [path]);
  if (found === undefined) throw new UsageError(`the list '${path}' does not exist in ${dir}`);
  return found;
}

function noListFound(where: string): UsageError {
  return new UsageError(
    `no oversight list found in ${where} (looked for ${LIST_CANDIDATES.join(', ')}); ` +
      'pass --list PATH',
  );
}
