import { lstatSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, parse, relative, sep } from 'node:path';
import { ownedPrivately, readRegularFileSync } from './regular-file';

/** The sticky bit (S_ISVTX), which node's fs.constants does not name. */
const STICKY = 0o1000;

/**
 * An ancestor of a private directory: the user's or root's, and writable by no one else unless
 * sticky (as /tmp is), so no one else can rename or replace what lies below it.
 */
function safeAncestor(stats: Stats): boolean {
  const uid = process.getuid?.();
  const owner = stats.uid === uid || stats.uid === 0;
  const sticky = (stats.mode & STICKY) !== 0;
  return stats.isDirectory() && owner && ((stats.mode & 0o022) === 0 || sticky);
}

/** What is at `path`, without following a last link; undefined when nothing is. */
function entryAt(path: string, follow: boolean): Stats | undefined {
  return (follow ? statSync : lstatSync)(path, { throwIfNoEntry: false });
}

/**
 * Makes `dir` and returns it if it may hold what this process will run: an absolute path whose
 * directories, from the root down, are each the user's or root's and writable by no one else
 * unless sticky, the last two of them real directories (not links), the user's own, that no one
 * else may read or write. Each missing directory is made (mode 0700) only once every directory
 * above it passed, so nothing is made where the cache will not be used (root running with
 * another user's HOME). Null otherwise: the caller then keeps nothing there.
 */
export function privateDirectory(dir: string): string | null {
  if (!isAbsolute(dir)) return null;
  const { root } = parse(dir);
  const names = relative(root, dir).split(sep).filter(Boolean);
  if (names.length < 2) return null;
  try {
    let path = root;
    for (const [index, name] of ['', ...names].entries()) {
      path = name === '' ? root : join(path, name);
      const own = index >= names.length - 1; // the directory and its parent
      let stats = entryAt(path, !own);
      if (stats === undefined) {
        mkdirSync(path, { mode: 0o700 });
        stats = entryAt(path, false);
      }
      if (stats === undefined) return null;
      if (own ? !stats.isDirectory() || !ownedPrivately(stats) : !safeAncestor(stats)) return null;
    }
    return dir;
  } catch {
    return null;
  }
}

/**
 * A regular file of the user's that no one else may read or write (not a link, at most `max`
 * bytes), whole; undefined when there is none or it is anything else.
 */
export function readPrivateFile(path: string, max: number): Buffer | undefined {
  try {
    return (
      readRegularFileSync(path, { maxBytes: max, symlinks: 'refuse', privateOnly: true }) ??
      undefined
    );
  } catch {
    return undefined;
  }
}
