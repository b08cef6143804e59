import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inflateSync, constants as zlib } from 'node:zlib';
import type { GitObject } from './cat-file';

/**
 * A repository's objects read here, without a git process, where that is plain: an object in a
 * pack (index v2, a file of at most MAX_INDEX_BYTES) or loose, whole or a delta of at most
 * MAX_DELTA_DEPTH steps, each object at most MAX_OBJECT_BYTES. Whatever is read is checked
 * against its name (the SHA-1 of its type, size and content), so it is the object git would
 * give, or nothing: null means "ask git", never "missing", and git then gives the answer, or the
 * error, it always gave (a missing object, one over the caller's cap, an unusual store).
 * Files are opened without following links, and only regular files are read.
 */
export interface LocalObjects {
  /** The object named `spec` (an id or `<id>^{tree}`) if it is here and at most `cap` bytes. */
  read(spec: string, cap: number): GitObject | null;
  close(): void;
}

const MAX_INDEX_BYTES = 8 * 1024 * 1024;
const MAX_OBJECT_BYTES = 4 * 1024 * 1024;
const MAX_DELTA_DEPTH = 64;
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const ID_BYTES = 20;
const SPEC = /^([0-9a-f]{40})(\^\{tree\})?$/;
const TYPES: Record<number, string> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Read nothing here after this: the store is not plain, every read goes to git. */
class NotPlain extends Error {}

interface Pack {
  index: Buffer;
  count: number;
  pack: number;
  packBytes: number;
}

/** The objects of the git directory `gitDir`; never throws (a store it cannot read asks git). */
export function localObjects(gitDir: string): LocalObjects {
  const objects = join(gitDir, 'objects');
  let packs: Pack[] | null = null;
  let broken: boolean | null = null;
  const fds: number[] = [];

  // Inflated bytes, deltas' bases included: a hostile chain of large deltas stops here.
  let budget = MAX_INFLATED_BYTES;
  const spend = (bytes: number): void => {
    budget -= bytes;
    if (budget < 0) throw new NotPlain();
  };

  const openPacks = (): Pack[] => {
    const dir = join(objects, 'pack');
    const names = packIndexes(dir);
    return names.map((name) => {
      const index = readWhole(join(dir, name), MAX_INDEX_BYTES, fds);
      const pack = openRegular(join(dir, name.replace(/\.idx$/, '.pack')), fds);
      return { ...parseIndex(index), pack: pack.fd, packBytes: pack.size };
    });
  };

  const packed = (id: Buffer, depth: number): RawObject | null => {
    packs ??= openPacks();
    for (const pack of packs) {
      const offset = findOffset(pack, id);
      if (offset !== null) {
        return readPacked(pack, offset, depth, spend, (base) => packed(base, depth + 1));
      }
    }
    return null;
  };

  const loose = (hex: string): RawObject | null => {
    const file = join(objects, hex.slice(0, 2), hex.slice(2));
    const fd = openOrNull(file);
    if (fd === null) return null;
    try {
      return parseLoose(readFd(fd, MAX_OBJECT_BYTES + 1024));
    } finally {
      closeSync(fd);
    }
  };

  const verified = (hex: string): RawObject | null => {
    const id = Buffer.from(hex, 'hex');
    const found = packed(id, 0) ?? loose(hex);
    if (found === null) return null;
    const header = Buffer.from(`${found.type} ${found.content.length}\0`);
    const hash = createHash('sha1').update(header).update(found.content).digest();
    if (!hash.equals(id)) throw new NotPlain();
    return found;
  };

  return {
    read(spec, cap) {
      broken ??= !gitWouldReadPlainly(gitDir);
      if (broken) return null;
      const match = SPEC.exec(spec);
      if (!match) return null;
      try {
        let object = verified(match[1]!);
        if (object !== null && match[2] !== undefined) object = treeOf(object, verified);
        return object !== null && object.content.length <= cap ? object : null;
      } catch {
        // Anything unusual (a link, an odd index, a short file, data that does not inflate or
        // does not hash to its name): git reads this store from now on.
        broken = true;
        return null;
      }
    },
    close() {
      for (const fd of fds.splice(0)) closeSync(fd);
    },
  };
}

/**
 * Whether git would read this repository's objects with nothing but its own files: a
 * configuration that is a small regular file of plain sections and values (no include, which may
 * name a FIFO git would wait on; no extensions, such as another object format or a partial
 * clone; nothing git might parse otherwise or refuse), and a directory of this user's own (git
 * refuses another's as of dubious ownership). Otherwise every read is git's.
 */
function gitWouldReadPlainly(gitDir: string): boolean {
  try {
    const uid = process.getuid?.();
    if (uid === undefined) return false;
    for (const dir of basename(gitDir) === '.git' ? [gitDir, dirname(gitDir)] : [gitDir]) {
      if (lstatSync(dir).uid !== uid) return false;
    }
    const fd = openSync(join(gitDir, 'config'), READ_FLAGS);
    try {
      if (!fstatSync(fd).isFile()) return false;
      return plainConfig(readFd(fd, MAX_CONFIG_BYTES).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

const MAX_CONFIG_BYTES = 64 * 1024;
const SECTION = /^\s*\[([A-Za-z0-9.-]+)(\s+"[^"\\]*")?\]\s*([#;].*)?$/;
const VARIABLE = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(=\s*([^"\\#;]*?))?\s*([#;][^"\\]*)?$/;
const COMMENT = /^\s*([#;].*)?$/;

/** A configuration of plain lines only, with no include or extension and format version 0 or 1. */
export function plainConfig(text: string): boolean {
  let section = '';
  for (const line of text.split('\n')) {
    const header = SECTION.exec(line);
    if (header) {
      section = header[1]!.toLowerCase();
      const name = section.split('.')[0];
      if (name === 'include' || name === 'includeif' || name === 'extensions') return false;
      continue;
    }
    const variable = VARIABLE.exec(line);
    if (variable) {
      if (section === '') return false;
      const key = `${section}.${variable[1]!.toLowerCase()}`;
      if (key === 'core.repositoryformatversion' && !['0', '1'].includes(variable[3] ?? ''))
        return false;
      continue;
    }
    if (!COMMENT.test(line)) return false;
  }
  return true;
}

interface RawObject {
  type: string;
  content: Buffer;
}

/** The tree a commit names on its first line, as `<commit>^{tree}` peels it; a tree is itself. */
function treeOf(object: RawObject, read: (hex: string) => RawObject | null): RawObject | null {
  if (object.type === 'tree') return object;
  if (object.type !== 'commit') throw new NotPlain();
  const line = /^tree ([0-9a-f]{40})\n/.exec(object.content.toString('latin1', 0, 46));
  if (!line) throw new NotPlain();
  const tree = read(line[1]!);
  if (tree === null || tree.type !== 'tree') throw new NotPlain();
  return tree;
}

/** The pack indexes of `dir`; none when the repository has no pack directory. */
function packIndexes(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => /^pack-[0-9a-f]{40}\.idx$/.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parseIndex(index: Buffer): Omit<Pack, 'pack' | 'packBytes'> {
  if (index.length < 8 + 1024 + 40 || index.readUInt32BE(0) !== 0xff744f63) throw new NotPlain();
  if (index.readUInt32BE(4) !== 2) throw new NotPlain();
  const count = index.readUInt32BE(8 + 255 * 4);
  if (index.length < 8 + 1024 + count * 28 + 40) throw new NotPlain();
  return { index, count };
}

/** The object's offset in the pack, by binary search in its fan-out bucket; null if not there. */
function findOffset(pack: Pack, id: Buffer): number | null {
  const { index, count } = pack;
  const first = id[0]!;
  let low = first === 0 ? 0 : index.readUInt32BE(8 + (first - 1) * 4);
  let high = index.readUInt32BE(8 + first * 4);
  if (high > count || low > high) throw new NotPlain();
  const names = 8 + 1024;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = names + middle * ID_BYTES;
    const order = index.compare(id, 0, ID_BYTES, at, at + ID_BYTES);
    if (order === 0) {
      const offset = index.readUInt32BE(names + count * 24 + middle * 4);
      if (offset & 0x80000000) throw new NotPlain(); // a pack over 2 GB: git reads it
      return offset;
    }
    if (order > 0) high = middle;
    else low = middle + 1;
  }
  return null;
}

/** The object at `offset`: whole, or a delta applied to its base (found by `byId` or offset). */
function readPacked(
  pack: Pack,
  offset: number,
  depth: number,
  spend: (bytes: number) => void,
  byId: (id: Buffer) => RawObject | null,
): RawObject {
  if (depth > MAX_DELTA_DEPTH || offset < 12 || offset >= pack.packBytes - 20) throw new NotPlain();
  const head = readAt(pack, offset, 32);
  let byte = head[0]!;
  const kind = (byte >> 4) & 7;
  let size = byte & 15;
  let at = 1;
  for (let shift = 4; byte & 0x80; shift += 7) {
    if (at >= head.length || shift > 28) throw new NotPlain();
    byte = head[at++]!;
    size += (byte & 0x7f) * 2 ** shift;
  }
  if (size > MAX_OBJECT_BYTES) throw new NotPlain();
  spend(size);
  if (TYPES[kind] !== undefined) {
    return { type: TYPES[kind], content: inflateAt(pack, offset + at, size) };
  }
  let base: RawObject | null;
  if (kind === OFS_DELTA) {
    byte = head[at++]!;
    let back = byte & 0x7f;
    while (byte & 0x80) {
      if (at >= head.length || back > 2 ** 32) throw new NotPlain();
      byte = head[at++]!;
      back = (back + 1) * 128 + (byte & 0x7f);
    }
    if (back <= 0 || back > offset) throw new NotPlain();
    base = readPacked(pack, offset - back, depth + 1, spend, byId);
  } else if (kind === REF_DELTA) {
    if (at + ID_BYTES > head.length) throw new NotPlain();
    base = byId(head.subarray(at, at + ID_BYTES));
    at += ID_BYTES;
  } else {
    throw new NotPlain();
  }
  if (base === null) throw new NotPlain();
  const delta = inflateAt(pack, offset + at, size);
  const content = applyDelta(base.content, delta);
  spend(content.length);
  return { type: base.type, content };
}

/** zlib data of `size` bytes inflated: the window read is bounded by deflate's worst case. */
function inflateAt(pack: Pack, offset: number, size: number): Buffer {
  const window = Math.min(size + (size >> 6) + 64, pack.packBytes - 20 - offset);
  if (window <= 0) throw new NotPlain();
  const data = inflateSync(readAt(pack, offset, window), {
    maxOutputLength: Math.max(size, 1),
    finishFlush: zlib.Z_SYNC_FLUSH,
  });
  if (data.length !== size) throw new NotPlain();
  return data;
}

/** git's delta format: base size, result size, then copies from the base and inserts. */
function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= delta.length || shift > 28) throw new NotPlain();
      const byte = delta[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  if (varint() !== base.length) throw new NotPlain();
  const size = varint();
  if (size > MAX_OBJECT_BYTES) throw new NotPlain();
  const out = Buffer.allocUnsafe(size);
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++]!;
    if (op & 0x80) {
      let from = 0;
      let length = 0;
      for (let bit = 0; bit < 4; bit++) {
        if (op & (1 << bit)) from += delta[at++]! * 2 ** (8 * bit);
      }
      for (let bit = 0; bit < 3; bit++) {
        if (op & (16 << bit)) length += delta[at++]! * 2 ** (8 * bit);
      }
      if (at > delta.length) throw new NotPlain();
      if (length === 0) length = 0x10000;
      if (from + length > base.length || written + length > size) throw new NotPlain();
      base.copy(out, written, from, from + length);
      written += length;
    } else if (op > 0) {
      if (at + op > delta.length || written + op > size) throw new NotPlain();
      delta.copy(out, written, at, at + op);
      at += op;
      written += op;
    } else {
      throw new NotPlain(); // opcode 0 is reserved
    }
  }
  if (written !== size) throw new NotPlain();
  return out;
}

/** A loose object: zlib of `<type> <size>\0<content>`. */
function parseLoose(compressed: Buffer): RawObject {
  const data = inflateSync(compressed, { maxOutputLength: MAX_OBJECT_BYTES + 64 });
  const nul = data.indexOf(0);
  const header =
    nul < 0 ? null : /^(blob|tree|commit|tag) (\d{1,10})$/.exec(data.toString('latin1', 0, nul));
  if (!header || Number(header[2]) !== data.length - nul - 1) throw new NotPlain();
  return { type: header[1]!, content: data.subarray(nul + 1) };
}

function readAt(pack: Pack, offset: number, length: number): Buffer {
  const bytes = Math.min(length, pack.packBytes - offset);
  const buffer = Buffer.allocUnsafe(bytes);
  if (readSync(pack.pack, buffer, 0, bytes, offset) !== bytes) throw new NotPlain();
  return buffer;
}

/** A regular file, opened without following a link (and without blocking on a FIFO). */
function openRegular(file: string, fds: number[]): { fd: number; size: number } {
  const fd = openSync(file, READ_FLAGS);
  fds.push(fd);
  const stat = fstatSync(fd);
  if (!stat.isFile()) throw new NotPlain();
  return { fd, size: stat.size };
}

function readWhole(file: string, cap: number, fds: number[]): Buffer {
  const { fd, size } = openRegular(file, fds);
  if (size > cap) throw new NotPlain();
  const buffer = readFd(fd, size);
  if (buffer.length !== size) throw new NotPlain();
  return buffer;
}

/** A loose object's file, or null when there is none (ENOENT); anything else is unusual. */
function openOrNull(file: string): number | null {
  let fd: number;
  try {
    fd = openSync(file, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new NotPlain();
  }
  return fd;
}

/** Up to `cap` bytes of an open file; more than that is unusual. */
function readFd(fd: number, cap: number): Buffer {
  const size = fstatSync(fd).size;
  if (size > cap) throw new NotPlain();
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const got = readSync(fd, buffer, read, size - read, read);
    if (got === 0) break;
    read += got;
  }
  return buffer.subarray(0, read);
}
