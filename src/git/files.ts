import { promises as fs } from 'node:fs';
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

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}
