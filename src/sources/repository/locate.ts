import { promises as fs } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { gitDirOf, isDirectory } from '../git/locate';
import { Unavailable } from '../unavailable';

const SAFE_PART = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** `namespace/name` of safe characters: no `..`, no separators, nothing git could read as an option. */
export function isSafeRepositoryName(name: string): boolean {
  const parts = name.split('/');
  return parts.length === 2 && parts.every((part) => SAFE_PART.test(part) && !part.includes('..'));
}

/**
 * The git directory of `<root>/<namespace>/<name>` (or `<name>.git`), a work tree or a bare
 * repository, after checking that the path stays under the root even through symbolic links.
 */
export async function locateRepository(root: string | undefined, name: string): Promise<string> {
  if (!root) throw new Unavailable('repository', 'no --repos-root given');
  if (!isSafeRepositoryName(name)) {
    throw new Unavailable('repository', `'${name}' is not a safe repository name (namespace/name)`);
  }
  if (!(await isDirectory(root))) {
    throw new Unavailable('repository', `--repos-root ${root} is not a directory`);
  }
  const realRoot = await fs.realpath(root);
  for (const candidate of [name, `${name}.git`]) {
    const path = resolve(root, candidate);
    if (!(await isDirectory(path))) continue;
    const real = await fs.realpath(path);
    if (!isInside(realRoot, real)) {
      throw new Unavailable('repository', `${join(root, candidate)} leads outside ${root}`);
    }
    const gitDir = await gitDirOf(real);
    if (gitDir === null) {
      throw new Unavailable('repository', `${join(root, candidate)} is not a git repository`);
    }
    return gitDir;
  }
  throw new Unavailable('repository', `${name} is not under ${root}`);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
