import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** Why a repository cannot be read safely; its text is shown to the user. */
export class UnsafeRepositoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeRepositoryError';
  }
}

/** A git directory checked to stay inside its root. */
export interface ConfinedGitDir {
  gitDir: string;
  /** A shallow clone: history, tags and branch points before its cut are missing. */
  shallow: boolean;
}

// What git reads in a git directory; each must resolve inside the root.
const READ_ENTRIES = [
  'HEAD',
  'config',
  'objects',
  'objects/info',
  'objects/pack',
  'refs',
  'refs/heads',
  'refs/tags',
  'packed-refs',
  'info',
  'shallow',
];
const MAX_ALTERNATE_DEPTH = 5; // git's own limit
const MAX_POINTER_BYTES = 4096;

/**
 * The git directory of the repository at `dir` (a work tree with `.git`, or a bare repository),
 * refusing anything that makes git open files outside `root`: a `.git` file or symlink, a
 * symlinked `objects` or `refs`, a `commondir`, or `objects/info/alternates` leading elsewhere.
 * Null when `dir` is not a repository at all.
 */
export async function confinedGitDir(dir: string, root: string): Promise<ConfinedGitDir | null> {
  const realRoot = await fs.realpath(root);
  const gitDir = await findGitDir(dir, realRoot);
  if (gitDir === null) return null;
  await checkInside(gitDir, realRoot, 'its git directory');
  const common = await commonDir(gitDir, realRoot);
  for (const dirToCheck of new Set([gitDir, common])) {
    for (const entry of READ_ENTRIES) {
      await checkInside(resolve(dirToCheck, entry), realRoot, entry, { mayBeMissing: true });
    }
  }
  await checkAlternates(resolve(common, 'objects'), realRoot, 0);
  const shallow =
    (await exists(resolve(gitDir, 'shallow'))) || (await exists(resolve(common, 'shallow')));
  return { gitDir, shallow };
}

async function findGitDir(dir: string, realRoot: string): Promise<string | null> {
  const dotGit = resolve(dir, '.git');
  const stats = await lstatOrNull(dotGit);
  if (stats) {
    await checkInside(dotGit, realRoot, 'its .git');
    const real = await fs.realpath(dotGit);
    return (await isFile(real)) ? gitFileTarget(real, realRoot) : dotGit;
  }
  const bare = (await isFile(resolve(dir, 'HEAD'))) && (await isDirectory(resolve(dir, 'objects')));
  return bare ? dir : null;
}

/** A `.git` file (`gitdir: PATH`, as worktrees and submodules write) followed inside the root. */
async function gitFileTarget(dotGit: string, realRoot: string): Promise<string> {
  const text = await readPointer(dotGit);
  const match = /^gitdir: (.+)$/m.exec(text);
  if (!match?.[1]) throw new UnsafeRepositoryError('its .git file does not name a git directory');
  const target = resolve(dirname(dotGit), match[1].trim());
  await checkInside(target, realRoot, 'its .git file');
  return target;
}

async function commonDir(gitDir: string, realRoot: string): Promise<string> {
  const pointer = resolve(gitDir, 'commondir');
  if (!(await exists(pointer))) return gitDir;
  const target = resolve(gitDir, (await readPointer(pointer)).trim());
  await checkInside(target, realRoot, 'its commondir');
  return target;
}

async function checkAlternates(objects: string, realRoot: string, depth: number): Promise<void> {
  const file = resolve(objects, 'info', 'alternates');
  if (!(await exists(file))) return;
  if (depth >= MAX_ALTERNATE_DEPTH) {
    throw new UnsafeRepositoryError('its object alternates are nested too deep');
  }
  const lines = (await readPointer(file)).split('\n').map((line) => line.trim());
  for (const line of lines.filter((l) => l !== '' && !l.startsWith('#'))) {
    const target = resolve(objects, line);
    await checkInside(target, realRoot, 'objects/info/alternates');
    await checkAlternates(target, realRoot, depth + 1);
  }
}

async function checkInside(
  path: string,
  realRoot: string,
  what: string,
  options: { mayBeMissing?: boolean } = {},
): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(path);
  } catch {
    if (options.mayBeMissing && (await lstatOrNull(path)) === null) return;
    throw new UnsafeRepositoryError(`${what} cannot be resolved (a broken link?)`);
  }
  if (!isInside(realRoot, real)) {
    throw new UnsafeRepositoryError(`${what} leads outside the repositories root`);
  }
}

/** Reads a small pointer file (`.git`, `commondir`, `alternates`): a regular file, size-capped. */
async function readPointer(path: string): Promise<string> {
  const stats = await lstatOrNull(path);
  if (!stats?.isFile() || stats.size > MAX_POINTER_BYTES) {
    throw new UnsafeRepositoryError(`${relativeName(path)} is not a small regular file`);
  }
  return fs.readFile(path, 'utf8');
}

function relativeName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.slice(-2).join('/');
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

async function lstatOrNull(path: string) {
  try {
    return await fs.lstat(path);
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await lstatOrNull(path)) !== null;
}

async function isFile(path: string): Promise<boolean> {
  return (await fs.stat(path).catch(() => null))?.isFile() ?? false;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await fs.stat(path).catch(() => null))?.isDirectory() ?? false;
}
