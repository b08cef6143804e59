import { lstatSync, statSync } from 'node:fs';
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
function exists(path: string): Promise<boolean> {
  return Promise.resolve(orFalse(() => lstatSync(path, { throwIfNoEntry: false }) !== undefined));
}

export function isDirectory(path: string): Promise<boolean> {
  return Promise.resolve(orFalse(() => statSync(path, { throwIfNoEntry: false })?.isDirectory()));
}

function isFile(path: string): Promise<boolean> {
  return Promise.resolve(orFalse(() => statSync(path, { throwIfNoEntry: false })?.isFile()));
}

function orFalse(test: () => boolean | undefined): boolean {
  try {
    return test() === true;
  } catch {
    return false;
  }
}
