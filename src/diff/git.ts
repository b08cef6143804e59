import { UsageError } from '../errors';
import { existingFiles, existingWorktreeFiles } from './files';
import { LIST_CANDIDATES } from './list-paths';
import { gitText, type ListRepository } from './repository';
import type { Revision } from './model';
import { validateListPath } from './validate';

export { readListFile } from './files';
export { LIST_CANDIDATES } from './list-paths';
export { gitText, openRepository, type ListRepository } from './repository';

/** The label of the work tree as head (uncommitted edits included); its commit is null. */
const WORKTREE_LABEL = 'WORKTREE';

export function worktreeRevision(): Revision {
  return { label: WORKTREE_LABEL, commit: null };
}

/** "the work tree" or the revision as the user named it, for messages. */
export function describeRevision(revision: Revision): string {
  return revision.commit === null ? 'the work tree' : `'${revision.label}'`;
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
