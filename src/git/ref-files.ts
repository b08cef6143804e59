import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  opendirSync,
  openSync,
  readSync,
  type Dir,
  type Dirent,
} from 'node:fs';
import { join } from 'node:path';

/** A ref as its file says: a name and the object it points at, or the ref it stands for. */
export interface RefFile {
  name: string;
  /** The object id; null for a symbolic ref. */
  object: string | null;
  /** The target of a symbolic ref (`ref: <target>`); null otherwise. */
  symref: string | null;
}

export interface RefFiles {
  /** The refs under the prefixes asked for, loose ones over packed ones, sorted by name. */
  refs: RefFile[];
  /** The ref HEAD stands for; null when HEAD is detached. */
  head: string | null;
}

/** What the reader takes in at most; anything bigger is left to git. */
export interface RefFileLimits {
  maxRefs: number;
  packedRefsBytes: number;
}

const MAX_LOOSE_BYTES = 512;
const MAX_CONFIG_BYTES = 64 * 1024;
const MAX_DEPTH = 12;
// Conservative: every component git would accept and nothing else (no `.lock`, no leading dot):
// `^[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*$`, checked by ordinaryComponentAt.

/**
 * The refs of a git directory under `prefixes` (such as `refs/tags/`), read from its files
 * (`HEAD`, `packed-refs`, loose refs) without running git: the listing `git for-each-ref` starts
 * from, for a repository that has nothing unusual. Null whenever anything is unusual and git
 * must be asked instead: a reftable or an unknown ref storage, a `commondir`, a symbolic link or
 * any special file among the refs, a ref name or content git might read differently, a file over
 * its cap, more refs than `maxRefs`, any error from the file system. Reads only regular files
 * inside `gitDir`, each bounded before it is read; follows no link.
 *
 * The reads are synchronous: these are a few hundred bytes each, on a local disk, and a
 * synchronous call costs a fraction of the four thread-pool round trips (open, fstat, read,
 * close) of `fs.promises` per file. An audit reads some hundred refs for each of hundreds of
 * repositories.
 */
export function readRefFilesSync(
  gitDir: string,
  prefixes: readonly string[],
  limits: RefFileLimits,
): RefFiles | null {
  if (!ordinaryStorage(gitDir)) return null;
  const head = readHead(gitDir);
  if (head === undefined) return null;
  const refs = new Map<string, RefFile>();
  const packed = readPacked(gitDir, prefixes, limits);
  if (packed === null) return null;
  for (const ref of packed) refs.set(ref.name, ref);
  for (const prefix of prefixes) {
    const loose = readLoose(gitDir, prefix.replace(/\/$/, ''), limits.maxRefs);
    if (loose === null) return null;
    for (const ref of loose) refs.set(ref.name, ref);
    if (refs.size > limits.maxRefs) return null;
  }
  const sorted = [...refs.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return { refs: sorted, head };
}

/** {@link readRefFilesSync}, for callers that await it. */
export function readRefFiles(
  gitDir: string,
  prefixes: readonly string[],
  limits: RefFileLimits,
): Promise<RefFiles | null> {
  return Promise.resolve(readRefFilesSync(gitDir, prefixes, limits));
}

/** Files refs (git's default): no reftable, no worktree indirection, no ref storage setting. */
function ordinaryStorage(gitDir: string): boolean {
  if (entryAt(join(gitDir, 'reftable')) !== 'absent') return false;
  if (entryAt(join(gitDir, 'commondir')) !== 'absent') return false;
  const config = readSmallFile(join(gitDir, 'config'), MAX_CONFIG_BYTES);
  return typeof config === 'string' && !/refstorage/i.test(config);
}

/** HEAD's target ref, null when detached, undefined when it is anything else. */
function readHead(gitDir: string): string | null | undefined {
  const text = readSmallFile(join(gitDir, 'HEAD'), MAX_LOOSE_BYTES);
  if (typeof text !== 'string') return undefined;
  const symref = /^ref: (refs\/heads\/[^\n]+)\n$/.exec(text)?.[1];
  if (symref !== undefined) return ordinaryName(symref) ? symref : undefined;
  const object = text.endsWith('\n') ? text.slice(0, -1) : text;
  return isObjectId(object, 0, object.length) ? null : undefined;
}

function readPacked(
  gitDir: string,
  prefixes: readonly string[],
  limits: RefFileLimits,
): RefFile[] | null {
  const text = readSmallFile(join(gitDir, 'packed-refs'), limits.packedRefsBytes);
  if (text === ABSENT) return [];
  if (text === null) return null;
  const refs: RefFile[] = [];
  const lines = text.split('\n');
  if (lines.pop() !== '') return null;
  // Indexed loops, no iterator or closure per line: packed-refs has a line per ref.
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (index === 0 && line.startsWith('# pack-refs with:')) continue;
    if (line.charCodeAt(0) === CARET && isObjectId(line, 1, line.length)) continue; // peeled
    const ref = packedLine(line);
    if (ref === null) return null;
    if (!startsWithAny(ref.name, prefixes)) continue;
    if (!ordinaryName(ref.name)) return null;
    refs.push(ref);
    if (refs.length > limits.maxRefs) return null;
  }
  return refs;
}

/**
 * A `<object> <name>` line, as `^([0-9a-f]{40}(?:[0-9a-f]{24})?) (refs\/[^\n]+)$` reads it,
 * scanned by hand: packed-refs has a line per ref.
 */
export function packedLine(line: string): RefFile | null {
  const space = line.charCodeAt(40) === SPACE ? 40 : 64;
  if (line.charCodeAt(space) !== SPACE || !isObjectId(line, 0, space)) return null;
  if (line.length <= space + 6 || !line.startsWith('refs/', space + 1)) return null;
  if (line.includes('\n', space)) return null; // never in a line split on newlines; as `[^\n]+`
  return { name: line.slice(space + 1), object: line.slice(0, space), symref: null };
}

const SPACE = 0x20;
const CARET = 0x5e;

function startsWithAny(name: string, prefixes: readonly string[]): boolean {
  for (let i = 0; i < prefixes.length; i++) if (name.startsWith(prefixes[i]!)) return true;
  return false;
}

/** Whether `text[start, end)` is an object id, as `^[0-9a-f]{40}([0-9a-f]{24})?$` tests it. */
export function isObjectId(text: string, start: number, end: number): boolean {
  const length = end - start;
  const hex = length === 40 ? HEX_40 : length === 64 ? HEX_64 : null;
  if (hex === null) return false;
  // A sticky expression at `start`, of exactly that many digits: faster than a loop of
  // charCodeAt over the sliced strings a split makes, and no substring.
  hex.lastIndex = start;
  return hex.test(text);
}

const HEX_40 = /[0-9a-f]{40}/y;
const HEX_64 = /[0-9a-f]{64}/y;

/** The loose refs under `dir` (such as `refs/tags`), recursively; null when any is unusual. */
function readLoose(gitDir: string, dir: string, maxRefs: number): RefFile[] | null {
  if (!ordinaryName(dir)) return null;
  const top = entryAt(join(gitDir, dir));
  if (top === 'absent') return [];
  if (top !== 'directory') return null;
  const refs: RefFile[] = [];
  const pending: { name: string; depth: number }[] = [{ name: dir, depth: 0 }];
  while (pending.length > 0) {
    const { name, depth } = pending.pop()!;
    if (depth > MAX_DEPTH) return null;
    const entries = listDirectory(`${gitDir}/${name}`, maxRefs);
    if (entries === null) return null;
    for (const entry of entries) {
      // Every component checked as it is met, so each name is ordinary (see ordinaryName) and
      // plain concatenation makes its path: no `..`, no empty part, no separator inside.
      if (!ordinaryComponent(entry.name)) return null;
      const child = `${name}/${entry.name}`;
      if (entry.isDirectory()) pending.push({ name: child, depth: depth + 1 });
      else if (!entry.isFile()) return null;
      else {
        const ref = readLooseRef(gitDir, child);
        if (ref === null) return null;
        refs.push(ref);
        if (refs.length > maxRefs) return null;
      }
    }
  }
  return refs;
}

/** A loose ref whose name readLoose has checked, component by component. */
function readLooseRef(gitDir: string, name: string): RefFile | null {
  const text = readSmallFile(`${gitDir}/${name}`, MAX_LOOSE_BYTES);
  if (typeof text !== 'string' || !text.endsWith('\n')) return null;
  const content = text.slice(0, -1);
  if (isObjectId(content, 0, content.length)) return { name, object: content, symref: null };
  const symref = /^ref: (refs\/[^\n]+)$/.exec(content)?.[1];
  // Only a remote's HEAD is expected to stand for another ref.
  if (symref === undefined || !name.endsWith('/HEAD') || !ordinaryName(symref)) return null;
  return { name, object: null, symref };
}

/**
 * At least two components, each ordinary (see {@link ordinaryComponent}): what
 * `name.split('/')` and COMPONENT would say, scanned in place (a check per ref).
 */
export function ordinaryName(name: string): boolean {
  let start = 0;
  let parts = 0;
  for (;;) {
    const slash = name.indexOf('/', start);
    const end = slash < 0 ? name.length : slash;
    if (!ordinaryComponentAt(name, start, end)) return false;
    parts += 1;
    if (slash < 0) return parts >= 2;
    start = slash + 1;
  }
}

/** COMPONENT, not ending in `.lock` or `.`: `[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*`. */
export function ordinaryComponent(part: string): boolean {
  return ordinaryComponentAt(part, 0, part.length);
}

function ordinaryComponentAt(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  if (text.charCodeAt(start) === DOT || text.charCodeAt(end - 1) === DOT) return false;
  if (end - start >= 5 && text.startsWith('.lock', end - 5)) return false;
  // Sticky at `start`; the class holds no `/`, so on a name the match ends at the component's
  // end exactly when every character of it is in the class.
  COMPONENT_CHARS.lastIndex = start;
  return COMPONENT_CHARS.test(text) && COMPONENT_CHARS.lastIndex === end;
}

const COMPONENT_CHARS = /[A-Za-z0-9._+@-]+/y;
const DOT = 0x2e;

/** Nothing at the path (ENOENT): distinct from a file that is there and refused (null). */
const ABSENT = Symbol('absent');

// O_NOFOLLOW: a link swapped in after any check is refused (ELOOP), not followed; O_NONBLOCK: a
// FIFO does not wait for a writer (it is then refused as not a regular file).
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** One buffer for every small read: the reads are synchronous, so no two overlap. */
const scratch = Buffer.allocUnsafe(MAX_CONFIG_BYTES + 1);

/**
 * A regular file (not a link) of at most `max` bytes, as UTF-8; {@link ABSENT} when nothing is
 * at `path`; null when anything else is there or anything fails. One byte more than the size
 * fstat gives is asked for, so a file that grows between the fstat and the read is refused.
 */
function readSmallFile(path: string, max: number): string | null | typeof ABSENT {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? ABSENT : null;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > max) return null;
    // A big packed-refs gets a buffer of its own, dropped after the read.
    const buffer = stats.size < scratch.length ? scratch : Buffer.allocUnsafe(stats.size + 1);
    const bytesRead = readSync(fd, buffer, 0, stats.size + 1, 0);
    return bytesRead === stats.size ? buffer.toString('utf8', 0, bytesRead) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** What is at a path, without following a link: absent, a directory, or something else. */
function entryAt(path: string): 'absent' | 'directory' | 'other' {
  try {
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return 'absent';
    return stats.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'other'; // ENOTDIR, EACCES...: not a layout to read without git
  }
}

/**
 * The entries of a refs directory; null on any error, and null (left to git, never a partial
 * listing) when it holds more than `max`, which is found without reading it whole.
 */
function listDirectory(path: string, max: number): Dirent[] | null {
  let dir: Dir | undefined;
  try {
    dir = opendirSync(path);
    const entries: Dirent[] = [];
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (entries.length === max) return null;
      entries.push(entry);
    }
    return entries;
  } catch {
    return null;
  } finally {
    dir?.closeSync();
  }
}
