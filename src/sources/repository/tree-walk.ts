import type { CatFileBatch } from '../../git/batch';
import { GitError, GitTimeoutError } from '../../git/run';
import type { BatchSession } from './session';
import { compareText } from '../../util/compare';
import type { TreeFiles, ZuulLocation } from './tree';

/**
 * The common case of `readTreeFiles` in one `cat-file --batch` process: the commit's root tree,
 * the Zuul directories under it and the few blobs the rules need, asked for in turn. It answers
 * only when everything on the way is ordinary (regular files and directories, every object
 * present and within its cap); anything else (a symlink, a submodule, a missing or oversized
 * object, a malformed tree) answers null, and the caller reads the tree the careful way
 * (`ls-tree -l`, then the files), which says exactly what is wrong with it.
 */
export interface WalkLimits {
  zuulFileBytes: number;
  zuulTotalBytes: number;
  zuulFiles: number;
  entryPointBytes: number;
}

interface WalkInput {
  commit: string;
  zuulLocations: readonly ZuulLocation[];
  entryPoints: readonly string[];
  limits: WalkLimits;
}

interface Entry {
  mode: string;
  name: string;
  sha: string;
}

interface Blob {
  path: string;
  sha: string;
}

/** Trees bigger than this (a root tree of some 20,000 entries) are left to `ls-tree`. */
const MAX_TREE_BYTES = 1024 * 1024;
/** Directories under a Zuul `.d` location walked at most. */
const MAX_SUBTREES = 32;
const TREE_MODE = '40000';
const REGULAR_MODE = /^10[0-7]{4}$/;

/** Null when the careful way must answer (see above). */
export async function walkTreeFiles(
  session: BatchSession,
  input: WalkInput,
): Promise<TreeFiles | null> {
  try {
    return await walk(session.batch(), input);
  } catch (error) {
    // An oversized object (ObjectTooLargeError) or an answer git could not give: the careful
    // way says which. A hang is not retried.
    if (error instanceof GitError && !(error instanceof GitTimeoutError)) return null;
    throw error;
  }
}

async function walk(batch: CatFileBatch, input: WalkInput): Promise<TreeFiles | null> {
  const hashBytes = input.commit.length / 2;
  const root = await readTree(batch, `${input.commit}^{tree}`, hashBytes);
  if (root === null) return null;
  const byName = new Map(root.map((entry) => [entry.name, entry]));
  const locations: [ZuulLocation, Blob[]][] = [];
  for (const location of input.zuulLocations) {
    const entry = byName.get(location);
    if (!entry) continue;
    const directory = location.endsWith('.d');
    if (directory !== (entry.mode === TREE_MODE)) return null;
    if (!directory && !REGULAR_MODE.test(entry.mode)) return null;
    const files = directory
      ? await yamlFilesUnder(batch, location, entry.sha, hashBytes, input.limits.zuulFiles)
      : [{ path: location, sha: entry.sha }];
    if (files === null) return null;
    locations.push([location, files]);
  }
  const entryPoints: Blob[] = [];
  for (const name of input.entryPoints) {
    const entry = byName.get(name);
    if (!entry) continue;
    if (!REGULAR_MODE.test(entry.mode)) return null;
    entryPoints.push({ path: name, sha: entry.sha });
  }
  const blobs = new Map<string, Buffer>();
  let zuul: TreeFiles['zuul'] = null;
  for (const [location, files] of locations) {
    const { zuulFileBytes, zuulTotalBytes } = input.limits;
    const read = await readBlobs(batch, files, zuulFileBytes, zuulTotalBytes);
    if (read === null) return null;
    const found = files.filter((file) => (read.get(file.path)?.length ?? 0) > 0);
    if (found.length === 0) continue;
    for (const file of found) blobs.set(file.path, read.get(file.path)!);
    zuul = { location, files: found.map((f) => f.path).sort(compareText), refused: null };
    break;
  }
  const cap = input.limits.entryPointBytes;
  const points = await readBlobs(batch, entryPoints, cap, cap * entryPoints.length);
  if (points === null) return null;
  for (const [path, content] of points) blobs.set(path, content);
  return { zuul, blobs, unreadable: new Map() };
}

/** Every `.yaml` file under a directory, recursively, as `ls-tree -r` would list them. */
async function yamlFilesUnder(
  batch: CatFileBatch,
  location: string,
  sha: string,
  hashBytes: number,
  maxFiles: number,
): Promise<Blob[] | null> {
  const files: Blob[] = [];
  const directories = [{ path: location, sha }];
  for (let walked = 0; directories.length > 0; walked += 1) {
    if (walked >= MAX_SUBTREES) return null;
    const directory = directories.shift()!;
    const entries = await readTree(batch, directory.sha, hashBytes);
    if (entries === null) return null;
    for (const entry of entries) {
      const path = `${directory.path}/${entry.name}`;
      if (entry.mode === TREE_MODE) directories.push({ path, sha: entry.sha });
      else if (!REGULAR_MODE.test(entry.mode)) return null;
      else if (path.endsWith('.yaml')) files.push({ path, sha: entry.sha });
    }
    if (files.length > maxFiles) return null;
  }
  return files;
}

async function readBlobs(
  batch: CatFileBatch,
  files: readonly Blob[],
  maxBytes: number,
  totalBytes: number,
): Promise<Map<string, Buffer> | null> {
  if (files.length === 0) return new Map();
  const objects = await batch.read(
    files.map((file) => file.sha),
    maxBytes,
    totalBytes,
  );
  const read = new Map<string, Buffer>();
  for (const [index, file] of files.entries()) {
    const object = objects[index];
    if (object?.type !== 'blob') return null;
    read.set(file.path, object.content);
  }
  return read;
}

async function readTree(
  batch: CatFileBatch,
  spec: string,
  hashBytes: number,
): Promise<Entry[] | null> {
  const [object] = await batch.read([spec], MAX_TREE_BYTES);
  return object?.type === 'tree' ? parseTree(object.content, hashBytes) : null;
}

/** `<mode> SP <name> NUL <id>` records; null for anything malformed or a name git would not write. */
export function parseTree(content: Buffer, hashBytes: number): Entry[] | null {
  const entries: Entry[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0x00, offset);
    if (space < 0 || nul < space || nul + 1 + hashBytes > content.length) return null;
    const mode = content.subarray(offset, space).toString('latin1');
    const raw = content.subarray(space + 1, nul);
    const name = raw.toString('utf8');
    if (!/^[0-7]{5,6}$/.test(mode) || !ordinaryName(name, raw)) return null;
    const sha = content.subarray(nul + 1, nul + 1 + hashBytes).toString('hex');
    entries.push({ mode, name, sha });
    offset = nul + 1 + hashBytes;
  }
  return entries;
}

function ordinaryName(name: string, raw: Buffer): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !/[/\n\r]/.test(name) &&
    Buffer.from(name, 'utf8').equals(raw)
  );
}
