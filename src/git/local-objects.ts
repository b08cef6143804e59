import { createHash, hash as oneShotHash } from 'node:crypto';
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
import { inflateSync } from 'node:zlib';
import { readRegularFileSync } from '../util/regular-file';
import type { GitObject } from './cat-file';

/**
 * A repository's objects read here, without a git process, where that is plain: an object in a
 * pack (index v2, a file of at most MAX_INDEX_BYTES) or loose, whole or a delta of at most
 * MAX_DELTA_DEPTH steps, each object at most MAX_OBJECT_BYTES. Whatever is read is checked
 * against its name (the SHA-1 of its type, size and content), so it is the object git would
 * give, or nothing: null means "ask git", never "missing", and git then gives the answer, or the
 * error, it always gave (a missing object, one over the caller's cap, an unusual store).
 * Files are opened without following a link in their last component, and only regular files
 * are read; `refs` and `objects` must be real directories (confine.ts keeps `objects/pack`
 * inside the repositories' root), while a loose object's directory (`objects/ab`) that is a link
 * is followed, as git follows it: what is read there is still checked against its name. A pack is used only as git would
 * use it: its signature, version, count of objects and trailer those its index records.
 */
export interface LocalObjects {
  /** The object named `spec` (an id or `<id>^{tree}`) if it is here and at most `cap` bytes. */
  read(spec: string, cap: number): GitObject | null;
  close(): void;
}

/** All pack indexes of a repository together (a clone has one, or a few). */
const MAX_INDEX_BYTES = 16 * 1024 * 1024;
const MAX_PACKS = 32;
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
  /** The store's blocks read so far, shared by its packs; `key` tells this pack's apart. */
  blocks: Map<number, Buffer>;
  key: number;
}

/**
 * Packs are read in blocks, the last few kept: a tag's header and its data, and the next tag,
 * are most often in a block already read (the 16 used last are kept), so a repository's hundred tags cost a read or two of
 * its pack instead of two each (an audit of 600 repositories made 149,000 reads).
 */
const BLOCK_BYTES = 64 * 1024;
const MAX_BLOCKS = 16;

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
    if (names.length > MAX_PACKS) throw new NotPlain();
    let indexBytes = 0;
    const blocks = new Map<number, Buffer>();
    return names.map((name, key) => {
      const index = readRegularFileSync(join(dir, name), {
        symlinks: 'refuse',
        maxBytes: MAX_INDEX_BYTES - indexBytes,
      });
      if (index === null) throw new NotPlain();
      indexBytes += index.length;
      const pack = openRegular(join(dir, name.replace(/\.idx$/, '.pack')), fds);
      const file = { pack: pack.fd, packBytes: pack.size, blocks, key };
      return checkedPack({ ...parseIndex(index), ...file });
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
    const compressed = readRegularFileSync(file, {
      symlinks: 'refuse',
      maxBytes: MAX_OBJECT_BYTES,
    });
    return compressed === null ? null : parseLoose(compressed);
  };

  const verified = (hex: string): RawObject | null => {
    const id = Buffer.from(hex, 'hex');
    const found = packed(id, 0) ?? loose(hex);
    if (found === null) return null;
    if (!hashOf(found).equals(id)) throw new NotPlain();
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
      broken = true;
      packs = null;
      for (const fd of fds.splice(0)) closeSync(fd);
    },
  };
}

/**
 * The SHA-1 of an object as git names it: its type, size and content. Small objects (tags,
 * commits, trees) are hashed in one call over one buffer, which costs less than a Hash object
 * and its three calls.
 */
function hashOf(object: RawObject): Buffer {
  const header = Buffer.from(`${object.type} ${object.content.length}\0`, 'latin1');
  if (object.content.length > 16 * 1024) {
    return createHash('sha1').update(header).update(object.content).digest();
  }
  return oneShotHash('sha1', Buffer.concat([header, object.content]), 'buffer');
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
    // What git requires of a git directory, and no worktree indirection to another one's objects.
    for (const dir of ['refs', 'objects']) {
      if (!lstatSync(join(gitDir, dir)).isDirectory()) return false;
    }
    if (lstatSync(join(gitDir, 'commondir'), { throwIfNoEntry: false }) !== undefined) return false;
    const config = readRegularFileSync(join(gitDir, 'config'), {
      symlinks: 'refuse',
      maxBytes: MAX_CONFIG_BYTES,
    });
    return config !== null && plainConfig(config.toString('utf8'));
  } catch {
    return false;
  }
}

const MAX_CONFIG_BYTES = 64 * 1024;
// Blanks are spaces and tabs only, as git's (JavaScript's \s takes more). Each expression is
// linear in the line: a hostile configuration cannot make it backtrack.
const SECTION = /^[ \t]*\[([A-Za-z0-9.-]+)([ \t]+"[^"\\\0]*")?\][ \t]*([#;][^\0]*)?$/;
const NAME = /^[ \t]*([A-Za-z][A-Za-z0-9-]*)[ \t]*/;
const VALUE = /^=([^"\\#;\0]*)([#;][^\0]*)?$/;
const COMMENT = /^[ \t]*([#;][^\0]*)?$/;

const BOOLEAN = /^(true|false|yes|no|on|off|1|0|)$/i;
const ANY = /^/;

/**
 * The settings a clone's configuration holds (as `git clone` and Zuul's executor write it), by
 * section and name, with the values git accepts for those git reads when it opens a repository.
 * Any other setting is git's to read: git may refuse a value (`core.bare = maybe`) or act on it.
 */
const CLONE_SETTINGS: Record<string, RegExp> = {
  'core.repositoryformatversion': /^[01]$/,
  'core.bare': BOOLEAN,
  'core.filemode': BOOLEAN,
  'core.logallrefupdates': BOOLEAN,
  'core.ignorecase': BOOLEAN,
  'core.precomposeunicode': BOOLEAN,
  'core.symlinks': BOOLEAN,
  'remote.url': ANY,
  'remote.pushurl': ANY,
  'remote.fetch': ANY,
  'remote.tagopt': ANY,
  'remote.mirror': BOOLEAN,
  'branch.remote': ANY,
  'branch.merge': ANY,
  'branch.rebase': BOOLEAN,
};

/** A configuration of plain lines and a clone's settings only (CLONE_SETTINGS). */
export function plainConfig(text: string): boolean {
  let section = '';
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    // A line may end in \r before its \n (CRLF); a lone \r is git's to refuse.
    const ending = raw.endsWith('\r') && index < lines.length - 1;
    const line = ending ? raw.slice(0, -1) : raw;
    if (line.includes('\r')) return false;
    const header = SECTION.exec(line);
    if (header) {
      section = header[1]!.toLowerCase().split('.')[0]!;
      continue;
    }
    if (COMMENT.test(line)) continue;
    const setting = settingOf(line);
    if (setting === null) return false;
    const valid = CLONE_SETTINGS[`${section}.${setting.name.toLowerCase()}`];
    if (valid === undefined || !valid.test(setting.value)) return false;
  }
  return true;
}

/**
 * `name`, or `name = value` with an optional comment after the value, blanks around it dropped;
 * null for anything else (a comment after a bare name, a quote or escape in the value).
 */
function settingOf(line: string): { name: string; value: string } | null {
  const name = NAME.exec(line);
  if (!name) return null;
  const rest = line.slice(name[0].length);
  if (rest === '') return { name: name[1]!, value: '' };
  const value = VALUE.exec(rest);
  if (!value) return null;
  return { name: name[1]!, value: trimBlanks(value[1]!) };
}

/** Without the spaces and tabs at either end (git's blanks only), scanned rather than matched. */
function trimBlanks(text: string): string {
  const blank = (at: number) => text[at] === ' ' || text[at] === '\t';
  let start = 0;
  let end = text.length;
  while (start < end && blank(start)) start += 1;
  while (end > start && blank(end - 1)) end -= 1;
  return text.slice(start, end);
}

interface RawObject {
  type: string;
  content: Buffer;
}

/**
 * A commit's tree and parent lines, as git parses them before it peels (a bad parent line is a
 * corrupt commit to git), followed by the next header.
 */
const COMMIT_HEADER = /^tree ([0-9a-f]{40})\n(parent [0-9a-f]{40}\n)*(?!parent )(?=[a-z])/;
const MAX_COMMIT_HEADER = 46 + 48 * 64;

/** The tree a commit names on its first line, as `<commit>^{tree}` peels it; a tree is itself. */
function treeOf(object: RawObject, read: (hex: string) => RawObject | null): RawObject | null {
  if (object.type === 'tree') return object;
  if (object.type !== 'commit') throw new NotPlain();
  const line = COMMIT_HEADER.exec(object.content.toString('latin1', 0, MAX_COMMIT_HEADER));
  if (!line || object.content.length <= 46) throw new NotPlain(); // git's "bogus commit object"

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

/**
 * A version 2 index of exactly its size (no table of 64-bit offsets: a pack over 2 GB is git's),
 * its fan-out never decreasing.
 */
function parseIndex(index: Buffer): Pick<Pack, 'index' | 'count'> {
  if (index.length < 8 + 1024 + 40 || index.readUInt32BE(0) !== 0xff744f63) throw new NotPlain();
  if (index.readUInt32BE(4) !== 2) throw new NotPlain();
  let previous = 0;
  for (let bucket = 0; bucket < 256; bucket++) {
    const next = index.readUInt32BE(8 + bucket * 4);
    if (next < previous) throw new NotPlain();
    previous = next;
  }
  const count = previous;
  if (index.length !== 8 + 1024 + count * 28 + 40) throw new NotPlain();
  return { index, count };
}

/**
 * The pack its index is for, as git checks before it uses one: the signature, a version of 2 or
 * 3, the index's count of objects, and the trailer the index records for it; under 2 GB.
 */
function checkedPack(pack: Pack): Pack {
  if (pack.packBytes < 12 + 20 || pack.packBytes >= 2 ** 31) throw new NotPlain();
  const header = readAt(pack, 0, 12);
  if (header.toString('latin1', 0, 4) !== 'PACK') throw new NotPlain();
  const version = header.readUInt32BE(4);
  if ((version !== 2 && version !== 3) || header.readUInt32BE(8) !== pack.count) {
    throw new NotPlain();
  }
  const trailer = readAt(pack, pack.packBytes - 20, 20);
  const recorded = pack.index.subarray(pack.index.length - 40, pack.index.length - 20);
  if (!trailer.equals(recorded)) throw new NotPlain();
  return pack;
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
  // The stream must end within the window (git requires its end): a cut one throws.
  const data = inflateSync(readAt(pack, offset, window), {
    maxOutputLength: Math.max(size, 1),
    chunkSize: Math.max(size + 1, 64),
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
  // With `info`, node answers the engine too (its types do not say so): how much it consumed.
  const inflated = inflateSync(compressed, {
    maxOutputLength: MAX_OBJECT_BYTES + 64,
    info: true,
  }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
  // Bytes after the stream are "garbage at end of loose object" to git.
  if (inflated.engine.bytesWritten !== compressed.length) throw new NotPlain();
  const data = inflated.buffer;
  const nul = data.indexOf(0);
  const header =
    nul < 0
      ? null
      : /^(blob|tree|commit|tag) (0|[1-9][0-9]{0,9})$/.exec(data.toString('latin1', 0, nul));
  if (!header || Number(header[2]) !== data.length - nul - 1) throw new NotPlain();
  return { type: header[1]!, content: data.subarray(nul + 1) };
}

/** `length` bytes at `offset` (fewer at the end of the file), through the store's blocks. */
function readAt(pack: Pack, offset: number, length: number): Buffer {
  const bytes = Math.min(length, pack.packBytes - offset);
  if (bytes <= 0) throw new NotPlain();
  const first = Math.floor(offset / BLOCK_BYTES);
  const last = Math.floor((offset + bytes - 1) / BLOCK_BYTES);
  if (last - first > 1) return readFromFile(pack, offset, bytes);
  const start = offset - first * BLOCK_BYTES;
  const head = blockOf(pack, first);
  if (first === last) return head.subarray(start, start + bytes);
  const tail = blockOf(pack, last).subarray(0, start + bytes - BLOCK_BYTES);
  return Buffer.concat([head.subarray(start), tail]);
}

function blockOf(pack: Pack, block: number): Buffer {
  // A pack is under 2 GB (checkedPack), so under 2^15 blocks: the key is unique to the pack.
  const key = pack.key * 2 ** 15 + block;
  const known = pack.blocks.get(key);
  if (known !== undefined) {
    pack.blocks.delete(key); // the most recently used is kept longest
    pack.blocks.set(key, known);
    return known;
  }
  const start = block * BLOCK_BYTES;
  const data = readFromFile(pack, start, Math.min(BLOCK_BYTES, pack.packBytes - start));
  if (pack.blocks.size >= MAX_BLOCKS) pack.blocks.delete(pack.blocks.keys().next().value!);
  pack.blocks.set(key, data);
  return data;
}

function readFromFile(pack: Pack, offset: number, bytes: number): Buffer {
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
