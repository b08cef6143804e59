import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { promises as fs } from 'node:fs';

/** The default cap on a file read from disk: far above any real data file, far below memory. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export interface RegularFileOptions {
  /** Refuse a file larger than this many bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** `follow` (default): a symlink to a regular file is read; `refuse`: any symlink is refused. */
  symlinks?: 'follow' | 'refuse';
  /** Refuse a file that is not this user's, or that others may read or write. */
  privateOnly?: boolean;
}

/** Why a path was refused. */
export type RefusedKind =
  | 'fifo'
  | 'socket'
  | 'character-device'
  | 'block-device'
  | 'directory'
  | 'symlink'
  | 'other'
  | 'not-private'
  | 'too-large';

const DESCRIPTIONS: Record<Exclude<RefusedKind, 'too-large'>, string> = {
  fifo: 'is a named pipe (FIFO), not a regular file',
  socket: 'is a socket, not a regular file',
  'character-device': 'is a character device, not a regular file',
  'block-device': 'is a block device, not a regular file',
  directory: 'is a directory, not a regular file',
  symlink: 'is a symbolic link',
  other: 'is not a regular file',
  'not-private': "is not the user's own, or others may read or write it",
};

/** A path that exists but is not a regular file we may read (a FIFO, a device, too large...). */
export class FileRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly kind: RefusedKind,
    maxBytes = 0,
  ) {
    super(
      `${path} ${kind === 'too-large' ? `is larger than the ${maxBytes}-byte limit` : DESCRIPTIONS[kind]}`,
    );
    this.name = 'FileRefusedError';
  }
}

// O_NONBLOCK: if a FIFO is swapped in after the lstat, open() returns at once instead of
// waiting for a writer; the fstat then refuses it. O_NOFOLLOW is absent on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a regular file, or null when nothing is at `path`. Anything else is refused with a
 * {@link FileRefusedError} before it is opened: a FIFO (which would block the run), a socket, a
 * device (`/dev/zero` never ends), a directory, a file above the size cap. The opened file is
 * checked again, so a swap between the check and the open is refused too.
 */
export async function readRegularFile(
  path: string,
  options: RegularFileOptions = {},
): Promise<Buffer | null> {
  const stats = await checkedStats(path, options);
  if (stats === null) return null;
  const handle = await fs.open(path, openFlags(options));
  try {
    checkRegular(path, await handle.stat(), options);
    return await readAtMost(path, maxBytesOf(options), async (chunk) => {
      return (await handle.read(chunk, 0, chunk.length, null)).bytesRead;
    });
  } finally {
    await handle.close();
  }
}

/**
 * {@link readRegularFile}, synchronously: for configuration read before any async work, and for
 * the small local data files a run reads by the thousand, where a synchronous call costs a
 * fraction of the thread-pool round trips of `fs.promises`. The same refusals, in the same order.
 */
export function readRegularFileSync(path: string, options: RegularFileOptions = {}): Buffer | null {
  const stats = checkedStatsSync(path, options);
  if (stats === null) return null;
  const fd = openSync(path, openFlags(options));
  try {
    const opened = fstatSync(fd);
    checkRegular(path, opened, options);
    return readAtMostSync(path, maxBytesOf(options), opened.size, (chunk) =>
      readSync(fd, chunk, 0, chunk.length, null),
    );
  } finally {
    closeSync(fd);
  }
}

function openFlags(options: RegularFileOptions): number {
  return options.symlinks === 'refuse' ? OPEN_FLAGS | NO_FOLLOW : OPEN_FLAGS;
}

function maxBytesOf(options: RegularFileOptions): number {
  return options.maxBytes ?? DEFAULT_MAX_BYTES;
}

async function checkedStats(path: string, options: RegularFileOptions): Promise<Stats | null> {
  const link = await orMissing(() => fs.lstat(path));
  if (link === null) return null;
  if (link.isSymbolicLink()) refuseLink(path, options);
  const target = link.isSymbolicLink() ? await orMissing(() => fs.stat(path)) : link;
  if (target !== null) checkRegular(path, target, options);
  return target;
}

function checkedStatsSync(path: string, options: RegularFileOptions): Stats | null {
  // throwIfNoEntry: a missing file, the common case, costs no thrown error (ENOTDIR still throws).
  const link = orMissingSync(() => lstatSync(path, { throwIfNoEntry: false }) ?? null);
  if (link === null) return null;
  if (link.isSymbolicLink()) refuseLink(path, options);
  const target = link.isSymbolicLink() ? orMissingSync(() => statSync(path)) : link;
  if (target !== null) checkRegular(path, target, options);
  return target;
}

function refuseLink(path: string, options: RegularFileOptions): void {
  if (options.symlinks === 'refuse') throw new FileRefusedError(path, 'symlink');
}

function checkRegular(path: string, stats: Stats, options: RegularFileOptions): void {
  if (!stats.isFile()) throw new FileRefusedError(path, kindOf(stats));
  if (options.privateOnly && !ownedPrivately(stats))
    throw new FileRefusedError(path, 'not-private');
  if (stats.size > maxBytesOf(options)) throw tooLarge(path, maxBytesOf(options));
}

/** Whether a file or directory is this user's, and no one else may read or write it. */
export function ownedPrivately(stats: Stats): boolean {
  const uid = process.getuid?.();
  return uid !== undefined && stats.uid === uid && (stats.mode & 0o077) === 0;
}

/** What a file that is not a regular file is. */
export function kindOf(stats: Stats): Exclude<RefusedKind, 'too-large'> {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  if (stats.isDirectory()) return 'directory';
  return stats.isSymbolicLink() ? 'symlink' : 'other';
}

/** How a refused kind of file reads in a message: "is a named pipe (FIFO), not a regular file". */
export function describeKind(kind: Exclude<RefusedKind, 'too-large'>): string {
  return DESCRIPTIONS[kind];
}

function tooLarge(path: string, maxBytes: number): FileRefusedError {
  return new FileRefusedError(path, 'too-large', maxBytes);
}

const CHUNK_BYTES = 64 * 1024;

/** Reads until end of file, refusing the file if it holds more than `maxBytes` (it may grow). */
async function readAtMost(
  path: string,
  maxBytes: number,
  read: (chunk: Buffer) => Promise<number>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const count = await read(chunk);
    if (count === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, count));
    total += count;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
  }
}

/**
 * {@link readAtMost}, synchronously. The first read asks for one byte more than the size fstat
 * gave: a file that gives exactly its size is read in one call into one buffer; one that gives
 * more (it grew) or less (it shrank, or a short read) is read on in chunks to its end, up to the
 * cap.
 */
function readAtMostSync(
  path: string,
  maxBytes: number,
  size: number,
  read: (chunk: Buffer) => number,
): Buffer {
  const first = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  const firstCount = read(first);
  if (firstCount === size) return first.subarray(0, firstCount);
  const chunks: Buffer[] = [first.subarray(0, firstCount)];
  let total = firstCount;
  if (total > maxBytes) throw tooLarge(path, maxBytes);
  for (;;) {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const count = read(chunk);
    if (count === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, count));
    total += count;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
  }
}

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

async function orMissing(work: () => Promise<Stats>): Promise<Stats | null> {
  try {
    return await work();
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}

function orMissingSync(work: () => Stats | null): Stats | null {
  try {
    return work();
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}
