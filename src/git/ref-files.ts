import { constants, promises as fs } from 'node:fs';
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
const OBJECT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
// Conservative: every component git would accept and nothing else (no `.lock`, no leading dot).
const COMPONENT = /^[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*$/;

/**
 * The refs of a git directory under `prefixes` (such as `refs/tags/`), read from its files
 * (`HEAD`, `packed-refs`, loose refs) without running git: the listing `git for-each-ref` starts
 * from, for a repository that has nothing unusual. Null whenever anything is unusual and git
 * must be asked instead: a reftable or an unknown ref storage, a `commondir`, a symbolic link or
 * any special file among the refs, a ref name or content git might read differently, a file over
 * its cap, more refs than `maxRefs`. Reads only regular files inside `gitDir`, each bounded
 * before it is read; follows no link.
 */
export async function readRefFiles(
  gitDir: string,
  prefixes: readonly string[],
  limits: RefFileLimits,
): Promise<RefFiles | null> {
  if (!(await ordinaryStorage(gitDir))) return null;
  const head = await readHead(gitDir);
  if (head === undefined) return null;
  const refs = new Map<string, RefFile>();
  const packed = await readPacked(gitDir, prefixes, limits);
  if (packed === null) return null;
  for (const ref of packed) refs.set(ref.name, ref);
  for (const prefix of prefixes) {
    const loose = await readLoose(gitDir, prefix.replace(/\/$/, ''), limits.maxRefs);
    if (loose === null) return null;
    for (const ref of loose) refs.set(ref.name, ref);
    if (refs.size > limits.maxRefs) return null;
  }
  const sorted = [...refs.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return { refs: sorted, head };
}

/** Files refs (git's default): no reftable, no worktree indirection, no ref storage setting. */
async function ordinaryStorage(gitDir: string): Promise<boolean> {
  if ((await lstatOrNull(join(gitDir, 'reftable'))) !== null) return false;
  if ((await lstatOrNull(join(gitDir, 'commondir'))) !== null) return false;
  const config = await readSmallFile(join(gitDir, 'config'), MAX_CONFIG_BYTES);
  return config !== null && !/refstorage/i.test(config);
}

/** HEAD's target ref, null when detached, undefined when it is anything else. */
async function readHead(gitDir: string): Promise<string | null | undefined> {
  const text = await readSmallFile(join(gitDir, 'HEAD'), MAX_LOOSE_BYTES);
  if (text === null) return undefined;
  const symref = /^ref: (refs\/heads\/[^\n]+)\n$/.exec(text)?.[1];
  if (symref !== undefined) return ordinaryName(symref) ? symref : undefined;
  return OBJECT.test(text.replace(/\n$/, '')) ? null : undefined;
}

async function readPacked(
  gitDir: string,
  prefixes: readonly string[],
  limits: RefFileLimits,
): Promise<RefFile[] | null> {
  const path = join(gitDir, 'packed-refs');
  const stats = await lstatOrNull(path);
  if (stats === null) return [];
  if (!stats.isFile() || stats.size > limits.packedRefsBytes) return null;
  const text = await readSmallFile(path, limits.packedRefsBytes);
  if (text === null) return null;
  const refs: RefFile[] = [];
  const lines = text.split('\n');
  if (lines.pop() !== '') return null;
  for (const [index, line] of lines.entries()) {
    if (index === 0 && line.startsWith('# pack-refs with:')) continue;
    if (line.startsWith('^') && OBJECT.test(line.slice(1))) continue; // a peeled value
    const match = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) (refs\/[^\n]+)$/.exec(line);
    if (!match) return null;
    const name = match[2]!;
    if (!prefixes.some((prefix) => name.startsWith(prefix))) continue;
    if (!ordinaryName(name)) return null;
    refs.push({ name, object: match[1]!, symref: null });
    if (refs.length > limits.maxRefs) return null;
  }
  return refs;
}

/** The loose refs under `dir` (such as `refs/tags`), recursively; null when any is unusual. */
async function readLoose(gitDir: string, dir: string, maxRefs: number): Promise<RefFile[] | null> {
  const refs: RefFile[] = [];
  const pending: { name: string; depth: number }[] = [];
  const top = await lstatOrNull(join(gitDir, dir));
  if (top === null) return [];
  if (!top.isDirectory()) return null;
  pending.push({ name: dir, depth: 0 });
  while (pending.length > 0) {
    const { name, depth } = pending.pop()!;
    if (depth > MAX_DEPTH) return null;
    const entries = await fs.readdir(join(gitDir, name), { withFileTypes: true });
    for (const entry of entries) {
      const child = `${name}/${entry.name}`;
      if (!COMPONENT.test(entry.name) || entry.name.endsWith('.lock')) return null;
      if (entry.isDirectory()) pending.push({ name: child, depth: depth + 1 });
      else if (!entry.isFile()) return null;
      else {
        const ref = await readLooseRef(gitDir, child);
        if (ref === null) return null;
        refs.push(ref);
        if (refs.length > maxRefs) return null;
      }
    }
  }
  return refs;
}

async function readLooseRef(gitDir: string, name: string): Promise<RefFile | null> {
  if (!ordinaryName(name)) return null;
  const text = await readSmallFile(join(gitDir, name), MAX_LOOSE_BYTES);
  if (text === null || !text.endsWith('\n')) return null;
  const content = text.slice(0, -1);
  if (OBJECT.test(content)) return { name, object: content, symref: null };
  const symref = /^ref: (refs\/[^\n]+)$/.exec(content)?.[1];
  // Only a remote's HEAD is expected to stand for another ref.
  if (symref === undefined || !name.endsWith('/HEAD') || !ordinaryName(symref)) return null;
  return { name, object: null, symref };
}

function ordinaryName(name: string): boolean {
  const parts = name.split('/');
  return (
    parts.length >= 2 &&
    parts.every((part) => COMPONENT.test(part) && !part.endsWith('.lock') && !part.endsWith('.'))
  );
}

/** A regular file (not a link) of at most `max` bytes, as UTF-8; null otherwise. */
async function readSmallFile(path: string, max: number): Promise<string | null> {
  let handle: fs.FileHandle;
  try {
    // O_NOFOLLOW: a link swapped in after any check is refused, not followed; O_NONBLOCK: a FIFO
    // does not wait for a writer (it is then refused as not a regular file).
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > max) return null;
    const buffer = Buffer.alloc(stats.size);
    const { bytesRead } = await handle.read(buffer, 0, stats.size, 0);
    return bytesRead === stats.size ? buffer.toString('utf8') : null;
  } finally {
    await handle.close();
  }
}

async function lstatOrNull(path: string) {
  try {
    return await fs.lstat(path);
  } catch {
    return null;
  }
}
