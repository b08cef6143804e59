import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { confinedGitDir, isInside, UnsafeRepositoryError } from '../../git/confine';
import { isDirectory } from '../../git/files';
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
  const realRoot = realpathSync(root);
  for (const candidate of [name, `${name}.git`]) {
    const path = resolve(root, candidate);
    if (!(await isDirectory(path))) continue;
    const real = realpathSync(path);
    if (!isInside(realRoot, real)) {
      throw new Unavailable('repository', `${join(root, candidate)} leads outside ${root}`);
    }
    const found = await confine(path, root, candidate);
    if (found === null) {
      throw new Unavailable('repository', `${join(root, candidate)} is not a git repository`);
    }
    if (found.shallow) {
      throw new Unavailable(
        'repository',
        `${join(root, candidate)} is a shallow clone: tags, branches and dates before its cut ` +
          'are missing, so its history cannot be judged (fetch it with --unshallow)',
      );
    }
    return found.gitDir;
  }
  throw new Unavailable('repository', `${name} is not under ${root}`);
}

async function confine(path: string, root: string, candidate: string) {
  try {
    return await confinedGitDir(path, root);
  } catch (error) {
    if (!(error instanceof UnsafeRepositoryError)) throw error;
    throw new Unavailable('repository', `${join(root, candidate)} is refused: ${error.message}`);
  }
}
