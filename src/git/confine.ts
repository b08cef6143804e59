import { opendirSync, promises as fs, realpathSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { lstatOrNull, statOrNull } from './files';

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
  const realRoot = await realRootOf(root);
  const gitDir = await findGitDir(dir, realRoot);
  if (gitDir === null) return null;
  const realGitDir = await checkInside(gitDir, realRoot, 'its git directory');
  const gitEntries = new GitDirEntries(gitDir, realGitDir ?? undefined);
  const common = await commonDir(gitDir, realRoot, gitEntries);
  const dirs =
    common === gitDir ? [gitEntries] : [gitEntries, new GitDirEntries(common, undefined)];
  for (const entries of dirs) {
    for (const entry of READ_ENTRIES) await entries.check(entry, realRoot);
  }
  await checkAlternates(resolve(common, 'objects'), realRoot, 0);
  let shallow = false;
  for (const entries of dirs) shallow ||= await entries.exists('shallow');
  return { gitDir, shallow };
}

// The repositories root is the operator's, the same for every candidate: resolved once.
const MAX_ROOTS = 16;
const realRoots = new Map<string, string>();

async function realRootOf(root: string): Promise<string> {
  const known = realRoots.get(root);
  if (known !== undefined) return known;
  const real = await fs.realpath(root);
  if (realRoots.size >= MAX_ROOTS) realRoots.clear();
  realRoots.set(root, real);
  return real;
}

const MISSING = Symbol('missing');

/**
 * A directory's names as listed. Absence is concluded from a listing only when no name could be
 * the one sought on a case- or normalisation-insensitive file system (all names ASCII, none equal
 * to it but for case); otherwise the path itself is asked, as before.
 */
class Listing {
  private readonly byName: Map<string, Dirent>;
  private readonly folded: Set<string> | null;

  constructor(dirents: readonly Dirent[]) {
    this.byName = new Map(dirents.map((d) => [d.name, d]));
    const ascii = dirents.every((d) => PRINTABLE_ASCII.test(d.name));
    this.folded = ascii ? new Set(dirents.map((d) => d.name.toLowerCase())) : null;
  }

  /** The entry named exactly so, MISSING when surely absent, undefined when only the path can tell. */
  find(name: string): Dirent | typeof MISSING | undefined {
    const found = this.byName.get(name);
    if (found) return found;
    return this.folded !== null && !this.folded.has(name.toLowerCase()) ? MISSING : undefined;
  }
}

/** A git directory lists some twenty names, `objects` up to 258: more is left to realpath. */
const MAX_LISTED = 1024;

/**
 * The directory's entries, or null when it has more than MAX_LISTED (bounded work). Read
 * synchronously: a local directory of a few hundred names, where each asynchronous read would be
 * a thread-pool round trip per 32 names.
 */
async function listDirectory(path: string): Promise<Listing | null> {
  const dirents: Dirent[] = [];
  const dir = opendirSync(path);
  try {
    for (let dirent = dir.readSync(); dirent !== null; dirent = dir.readSync()) {
      if (dirents.length >= MAX_LISTED) return null;
      dirents.push(dirent);
    }
  } finally {
    dir.closeSync();
  }
  return new Listing(dirents);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The entries git reads in one git directory, each checked as `checkInside` checks it, from one
 * listing per directory instead of a `realpath` (and, for an absent one, an `lstat`) per entry:
 * a plain directory or file resolves to its directory's real path and its own name; a link, any
 * other type, or anything a listing cannot settle, is resolved by `realpath` as before.
 */
class GitDirEntries {
  /** Real path of each entry checked (relative to the git directory), or MISSING. */
  private readonly real = new Map<string, string | typeof MISSING>();
  private readonly listings = new Map<string, Promise<Listing | null>>();

  constructor(
    private readonly dir: string,
    private readonly realDir: string | undefined,
  ) {
    if (realDir !== undefined) this.real.set('', realDir);
  }

  async check(entry: string, realRoot: string): Promise<void> {
    const slash = entry.lastIndexOf('/');
    const parent = slash < 0 ? '' : entry.slice(0, slash);
    const realParent = this.real.get(parent);
    if (realParent === MISSING) {
      this.real.set(entry, MISSING); // nothing under an absent directory exists either
      return;
    }
    const found = await this.find(realParent, entry.slice(slash + 1));
    if (found === MISSING) {
      this.real.set(entry, MISSING);
    } else if (found === undefined || !(found.isDirectory() || found.isFile())) {
      // A link (or a type the listing does not tell) is resolved by realpath, as before.
      const path = resolve(this.dir, entry);
      const real = await checkInside(path, realRoot, entry, { mayBeMissing: true });
      this.real.set(entry, real ?? MISSING);
    } else {
      // realParent is set: find answers undefined without it.
      const real = join(realParent as string, found.name);
      if (!isInside(realRoot, real)) {
        throw new UnsafeRepositoryError(`${entry} leads outside the repositories root`);
      }
      this.real.set(entry, real);
    }
  }

  /** Whether a top-level entry exists (as `lstat` finds it). */
  async exists(name: string): Promise<boolean> {
    const checked = this.real.get(name);
    if (checked !== undefined) return checked !== MISSING;
    const found = await this.find(this.realDir, name);
    if (found === undefined) return exists(resolve(this.dir, name));
    return found !== MISSING;
  }

  private async find(
    realDir: string | undefined,
    name: string,
  ): Promise<Dirent | typeof MISSING | undefined> {
    if (realDir === undefined) return undefined;
    let listing = this.listings.get(realDir);
    if (!listing) {
      listing = listDirectory(realDir).catch(() => null);
      this.listings.set(realDir, listing);
    }
    return (await listing)?.find(name);
  }
}

async function findGitDir(dir: string, realRoot: string): Promise<string | null> {
  const dotGit = resolve(dir, '.git');
  const stats = lstatOrNull(dotGit);
  if (stats) {
    await checkInside(dotGit, realRoot, 'its .git');
    const real = realpathSync(dotGit);
    return isFile(real) ? gitFileTarget(real, realRoot) : dotGit;
  }
  const bare = isFile(resolve(dir, 'HEAD')) && isDirectory(resolve(dir, 'objects'));
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

async function commonDir(
  gitDir: string,
  realRoot: string,
  entries: GitDirEntries,
): Promise<string> {
  const pointer = resolve(gitDir, 'commondir');
  if (!(await entries.exists('commondir'))) return gitDir;
  const target = resolve(gitDir, (await readPointer(pointer)).trim());
  await checkInside(target, realRoot, 'its commondir');
  return target;
}

async function checkAlternates(objects: string, realRoot: string, depth: number): Promise<void> {
  const file = resolve(objects, 'info', 'alternates');
  if (!exists(file)) return;
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

/** The real path of `path` once checked inside the root; null when it may be missing and is. */
async function checkInside(
  path: string,
  realRoot: string,
  what: string,
  options: { mayBeMissing?: boolean } = {},
): Promise<string | null> {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    if (options.mayBeMissing && lstatOrNull(path) === null) return null;
    throw new UnsafeRepositoryError(`${what} cannot be resolved (a broken link?)`);
  }
  if (!isInside(realRoot, real)) {
    throw new UnsafeRepositoryError(`${what} leads outside the repositories root`);
  }
  return real;
}

/** Reads a small pointer file (`.git`, `commondir`, `alternates`): a regular file, size-capped. */
async function readPointer(path: string): Promise<string> {
  const stats = lstatOrNull(path);
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

// The stats and real paths here are synchronous: a few local calls per repository on the audit's
// hot path, where a thread-pool round trip each would cost more than the calls themselves.
function exists(path: string): boolean {
  return lstatOrNull(path) !== null;
}

function isFile(path: string): boolean {
  return statOrNull(path)?.isFile() ?? false;
}

function isDirectory(path: string): boolean {
  return statOrNull(path)?.isDirectory() ?? false;
}
