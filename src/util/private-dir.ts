import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute } from 'node:path';

/** The sticky bit (S_ISVTX), which node's fs.constants does not name. */
const STICKY = 0o1000;

/** Whether a file or directory is this user's, and no one else may read or write it. */
export function ownedPrivately(stats: Stats): boolean {
  const uid = process.getuid?.();
  return uid !== undefined && stats.uid === uid && (stats.mode & 0o077) === 0;
}

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

/**
 * Makes `dir` (mode 0700) and returns its real path if it may hold what this process will run:
 * an absolute path to a real directory (not a link), the user's own, that no one else may read
 * or write, in a parent of the same kind, every directory above them the user's or root's and
 * writable by no one else unless sticky. Null otherwise: the caller then keeps nothing there.
 */
export function privateDirectory(dir: string): string | null {
  if (!isAbsolute(dir)) return null;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (lstatSync(dir).isSymbolicLink()) return null;
    const real = realpathSync(dir);
    const [own, parent] = [lstatSync(real), lstatSync(dirname(real))];
    if (!own.isDirectory() || !ownedPrivately(own)) return null;
    if (!parent.isDirectory() || !ownedPrivately(parent)) return null;
    for (let above = dirname(dirname(real)); ; above = dirname(above)) {
      if (!safeAncestor(statSync(above))) return null;
      if (dirname(above) === above) return real;
    }
  } catch {
    return null;
  }
}

/**
 * A regular file of the user's that no one else may read or write (not a link, at most `max`
 * bytes), whole; undefined when there is none or it is anything else.
 */
export function readPrivateFile(path: string, max: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || !ownedPrivately(stats) || stats.size > max) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    return readSync(fd, bytes, 0, stats.size, 0) === stats.size ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
