import { lstatSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * The git directory of `dir` when `dir` itself is a repository (a work tree with `.git`, or a
 * bare repository); null otherwise. Never looks at parent directories, so a data directory
 * that merely sits inside another checkout is read as plain files.
 */
export async function gitDirOf(dir: string): Promise<string | null> {
  const dotGit = join(dir, '.git');
  if (await exists(dotGit)) return dotGit;
  const bare = (await isFile(join(dir, 'HEAD'))) && (await isDirectory(join(dir, 'objects')));
  return bare ? dir : null;
}

// Synchronous: one local stat each, asked once per repository on the audit's hot path, where a
// thread-pool round trip would cost more than the call.

/** The path's own stats (a link is not followed); null when it is missing or cannot be read. */
export function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** The stats of what the path leads to; null when it is missing or cannot be read. */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function exists(path: string): Promise<boolean> {
  return Promise.resolve(lstatOrNull(path) !== null);
}

export function isDirectory(path: string): Promise<boolean> {
  return Promise.resolve(statOrNull(path)?.isDirectory() ?? false);
}

function isFile(path: string): Promise<boolean> {
  return Promise.resolve(statOrNull(path)?.isFile() ?? false);
}
