import { lstat, readlink, realpath } from 'node:fs/promises';
import { FileRefusedError, readRegularFile } from '../util/regular-file';
import { dirname, join, sep } from 'node:path';
import { UsageError } from '../errors';
import { readObjects, type GitObject } from '../git/cat-file';
import { localObjects } from '../git/local-objects';
import { gitText, type ListRepository } from './repository';
import { treeEntries, type TreeEntry } from './memo';

type WorktreeKind = 'file' | 'symlink' | 'other' | 'missing';

/**
 * Which of `paths` exist as files at `commit` (null: the work tree under `repo.root`), in the
 * order given. At most one git call for a commit, whatever the number of paths, and none for a
 * path already listed at that commit in this run.
 */
export async function existingFiles(
  repo: ListRepository,
  commit: string | null,
  paths: readonly string[],
): Promise<string[]> {
  if (commit === null) return existingWorktreeFiles(repo.root, paths);
  const entries = await entriesAt(repo, commit, paths);
  return paths.filter((p) => entries.get(p)?.type === 'blob');
}

/**
 * Which of `paths` exist under the directory `root`, in order: files and symlinks, and also a
 * FIFO, device or directory in their place, so that reading it is refused (exit 2) rather than
 * the list reading as deleted.
 */
export async function existingWorktreeFiles(
  root: string,
  paths: readonly string[],
): Promise<string[]> {
  const kinds = await Promise.all(paths.map((p) => worktreeKind(root, p)));
  return paths.filter((_, i) => kinds[i] !== 'missing');
}

/** The bytes of `path` at `commit` (null: the work tree), or null when it does not exist. */
export async function readListFile(
  repo: ListRepository,
  commit: string | null,
  path: string,
): Promise<Buffer | null> {
  return commit === null ? readWorktreeFile(repo.root, path) : readCommitFile(repo, commit, path);
}

async function readCommitFile(
  repo: ListRepository,
  commit: string,
  path: string,
): Promise<Buffer | null> {
  const entry = (await entriesAt(repo, commit, [path])).get(path);
  if (!entry) return null;
  if (entry.type !== 'blob') {
    throw new UsageError(`the list '${path}' is not a file at ${commit.slice(0, 12)}`);
  }
  const object =
    readHere(repo, entry.object) ?? (await readObjects(repo.git, [entry.object])).get(entry.object);
  if (!object) throw new Error(`git cat-file gave no bytes for '${path}'`);
  return object.content;
}

/**
 * The blob read from the repository's own files, checked against its name (local-objects.ts),
 * or null for git to give: no `cat-file` process, nor the helper that starts it, whose start
 * (~70 ms) the run would otherwise wait on before it can parse the list.
 */
function readHere(repo: ListRepository, blob: string): GitObject | null {
  const local = localObjects(repo.git.gitDir);
  try {
    const object = local.read(blob, Number.MAX_SAFE_INTEGER);
    return object?.type === 'blob' ? object : null;
  } finally {
    local.close();
  }
}

/** The tree entries of `paths` at `commit` (null: absent), each listed once per run. */
function entriesAt(
  repo: ListRepository,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, TreeEntry | null>> {
  return treeEntries(repo.memo, commit, paths, (asked) => lsTree(repo, commit, asked));
}

async function lsTree(
  repo: ListRepository,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, TreeEntry>> {
  const out = await gitText(repo, ['ls-tree', '-z', '--full-tree', commit, '--', ...paths]);
  const entries = new Map<string, TreeEntry>();
  for (const record of out.split('\0')) {
    const match = /^\d+ (?<type>\w+) (?<object>[0-9a-f]+)\t(?<path>.*)$/s.exec(record);
    if (match?.groups === undefined) continue;
    const { type = '', object = '', path = '' } = match.groups;
    entries.set(path, { type, object });
  }
  return entries;
}

/** Reads a work-tree file; a symlink reads as its target text, as git would store it. */
async function readWorktreeFile(root: string, path: string): Promise<Buffer | null> {
  const full = join(root, path);
  switch (await worktreeKind(root, path)) {
    case 'missing':
      return null;
    case 'other':
      throw new UsageError(
        `the list '${path}' is not a regular file in the work tree (a directory, FIFO or device)`,
      );
    case 'symlink':
      return readlink(full, { encoding: 'buffer' });
    case 'file':
      return readWorktreeBytes(full, path);
  }
}

async function readWorktreeBytes(full: string, path: string): Promise<Buffer | null> {
  try {
    return await readRegularFile(full, { symlinks: 'refuse' });
  } catch (error) {
    if (error instanceof FileRefusedError) {
      throw new UsageError(`the list '${path}' cannot be read: ${error.message}`);
    }
    throw error;
  }
}

async function worktreeKind(root: string, path: string): Promise<WorktreeKind> {
  const full = join(root, path);
  if (!(await insideRoot(root, dirname(full)))) return 'missing';
  try {
    const stats = await lstat(full);
    if (stats.isSymbolicLink()) return 'symlink';
    return stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** False when a directory on the way is a symlink that leads out of `root`. */
async function insideRoot(root: string, dir: string): Promise<boolean> {
  try {
    const [realRoot, realDir] = await Promise.all([realpath(root), realpath(dir)]);
    return realDir === realRoot || realDir.startsWith(realRoot + sep);
  } catch {
    return false;
  }
}
