import type { ZuulInRepoConfig } from '../../evidence/types';
import { readObjects } from '../../git/cat-file';
import type { Git } from '../../git/run';
import { compareText } from '../../util/compare';
import { walkTreeFiles } from './tree-walk';
import { BatchSession } from './session';

export type ZuulLocation = ZuulInRepoConfig['location'];

/** Zuul's precedence: the first of these holding a non-empty file is the only one read. */
export const ZUUL_LOCATIONS: readonly ZuulLocation[] = [
  'zuul.yaml',
  'zuul.d',
  '.zuul.yaml',
  '.zuul.d',
];
export const ENTRY_POINT_FILES = ['tox.ini', 'package.json', 'go.mod', 'Makefile'] as const;

/**
 * Bounds on what a candidate repository can make us read. Sizes come from `ls-tree -l`, so a
 * blob over its cap is never read at all. Real in-repo Zuul files are a few tens of KiB (nova's
 * `.zuul.yaml` ~40 KiB); real zuul.d/ directories hold a few dozen files.
 */
const TREE_LIMITS = {
  zuulFileBytes: 256 * 1024,
  // The `yaml` parser reads about 300 KiB a second of dense YAML here: this keeps the worst
  // case of a whole location to a couple of seconds.
  zuulTotalBytes: 512 * 1024,
  zuulFiles: 100,
  entryPointBytes: 256 * 1024,
} as const;

export interface ZuulFiles {
  location: ZuulLocation;
  files: string[];
  /**
   * Why the location as a whole cannot be read (too many files, too many bytes), or null.
   * Per-file reasons are in `TreeFiles.unreadable`.
   */
  refused: string | null;
}

export interface TreeFiles {
  zuul: ZuulFiles | null;
  /** Raw contents of the files read, by path. */
  blobs: Map<string, Buffer>;
  /** Files that exist but were not read or could not be read, with why. */
  unreadable: Map<string, string>;
}

interface TreeEntry {
  path: string;
  /** null for an entry that cannot be read as a regular file; `unreadable` says why. */
  size: number | null;
  unreadable?: string;
}

const NOT_REGULAR = 'it is a symbolic link or submodule, not a regular file';
const MISSING = 'its blob is missing from the repository';

/**
 * The few files the rules need at `commit`: walked in one `cat-file --batch` (the session's, when
 * given: the caller ends it) when the tree is ordinary, else listed with their sizes (one ls-tree) and read (one cat-file --batch).
 */
export async function readTreeFiles(
  git: Git,
  commit: string,
  session?: BatchSession,
): Promise<TreeFiles> {
  const own = session ?? new BatchSession(git);
  try {
    const walked = await walkTreeFiles(own, {
      commit,
      zuulLocations: ZUUL_LOCATIONS,
      entryPoints: ENTRY_POINT_FILES,
      limits: TREE_LIMITS,
    });
    if (walked) return walked;
  } finally {
    // The careful way runs git processes of its own, each needing a slot.
    if (!session) own.end();
  }
  own.end();
  return listAndReadTreeFiles(git, commit);
}

async function listAndReadTreeFiles(git: Git, commit: string): Promise<TreeFiles> {
  const entries = await listEntries(git, commit);
  const unreadable = new Map<string, string>();
  const zuul = chooseZuul(entries);
  const candidates: TreeEntry[] = zuul && !zuul.refused ? zuulEntries(entries, zuul) : [];
  candidates.push(...entries.filter((e) => isEntryPoint(e.path) && e.size !== null));
  const wanted: string[] = [];
  for (const entry of candidates) {
    const why = refusal(entry);
    if (why) unreadable.set(entry.path, why);
    else wanted.push(entry.path);
  }
  const objects = await readObjects(
    git,
    wanted.map((path) => `${commit}:${path}`),
  );
  const blobs = new Map<string, Buffer>();
  for (const path of wanted) {
    const object = objects.get(`${commit}:${path}`);
    if (object?.type === 'blob') blobs.set(path, object.content);
    else
      unreadable.set(path, `its blob is missing from the repository (${object?.type ?? 'absent'})`);
  }
  return { zuul, blobs, unreadable };
}

const isEntryPoint = (path: string): boolean =>
  (ENTRY_POINT_FILES as readonly string[]).includes(path);

function refusal(entry: TreeEntry): string | null {
  if (entry.size === null) return entry.unreadable ?? NOT_REGULAR;
  const cap = isEntryPoint(entry.path) ? TREE_LIMITS.entryPointBytes : TREE_LIMITS.zuulFileBytes;
  return entry.size > cap ? `it is ${entry.size} bytes, over the ${cap}-byte cap (not read)` : null;
}

async function listEntries(git: Git, commit: string): Promise<TreeEntry[]> {
  const out = await git.run([
    'ls-tree',
    '-r',
    '-l',
    '-z',
    commit,
    '--',
    ...ZUUL_LOCATIONS,
    ...ENTRY_POINT_FILES,
  ]);
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>; size is `-` for a submodule and
    // `BAD` for a blob missing from the object store
    const match = /^(\d{6}) (\w+) [0-9a-f]+\s+(\d+|-|BAD)\t(.+)$/s.exec(record);
    const [, mode, type, size, path] = match ?? [];
    if (!mode || !size || !path || path.includes('\n')) continue;
    const regular = type === 'blob' && /^10\d{4}$/.test(mode);
    if (size === 'BAD') entries.push({ path, size: null, unreadable: MISSING });
    else entries.push({ path, size: regular ? Number(size) : null });
  }
  return entries;
}

function inLocation(location: ZuulLocation, path: string): boolean {
  return location.endsWith('.d')
    ? path.startsWith(`${location}/`) && path.endsWith('.yaml')
    : path === location;
}

function zuulEntries(entries: readonly TreeEntry[], zuul: ZuulFiles): TreeEntry[] {
  return entries.filter((entry) => zuul.files.includes(entry.path));
}

/**
 * The first location holding a non-empty file wins. A symlink or submodule there counts as
 * present (Zuul would try it and fail), so it cannot steer the choice to a later location.
 */
function chooseZuul(entries: readonly TreeEntry[]): ZuulFiles | null {
  for (const location of ZUUL_LOCATIONS) {
    const found = entries.filter(
      (e) =>
        e.size !== 0 && (inLocation(location, e.path) || (e.path === location && e.size === null)),
    );
    if (found.length === 0) continue;
    const files = found.map((e) => e.path).sort(compareText);
    return { location, files, refused: refuseLocation(location, found) };
  }
  return null;
}

function refuseLocation(location: ZuulLocation, found: readonly TreeEntry[]): string | null {
  if (found.length > TREE_LIMITS.zuulFiles) {
    return `${location} holds ${found.length} files, over the cap of ${TREE_LIMITS.zuulFiles} (none read)`;
  }
  const total = found.reduce((sum, e) => sum + (e.size ?? 0), 0);
  if (total > TREE_LIMITS.zuulTotalBytes) {
    return `${location} holds ${total} bytes, over the cap of ${TREE_LIMITS.zuulTotalBytes} (none read)`;
  }
  return null;
}
