import { compareText } from '../../util/compare';
import {
  ENTRY_POINT_FILES,
  ZUUL_LOCATIONS,
  type TreeFiles,
  type ZuulFiles,
  type ZuulLocation,
} from '../repository/tree';
import type { GitHubClient } from './client';
import { repoPath } from './refs';
import { name, object } from './shapes';
import { GitHubRequestFailed } from './transport';

/** The same bounds as the local tree reader (src/sources/repository/tree.ts). */
const LIMITS = {
  zuulFileBytes: 256 * 1024,
  zuulTotalBytes: 512 * 1024,
  zuulFiles: 100,
  entryPointBytes: 256 * 1024,
  /** Directory listings below a zuul.d/ location. */
  directories: 10,
} as const;

/** One entry of a contents listing. */
export interface ContentEntry {
  path: string;
  type: 'file' | 'dir' | 'other';
  size: number;
  /** Why a file cannot be read (it is listed without a size): present, but unreadable. */
  unreadable?: string;
}

const NOT_REGULAR = 'it is a symbolic link or submodule, not a regular file';

/** An item of `GET /contents/<dir>`: its name checked, its path built by us. */
export function contentEntry(item: unknown, dir: string): ContentEntry {
  const entry = object(item, 'a contents entry');
  const base = name(entry.name, 'a file name');
  if (base.includes('/') || base === '.' || base === '..') {
    throw new GitHubRequestFailed(`a contents entry named '${base}'`);
  }
  const sized =
    typeof entry.size === 'number' && Number.isSafeInteger(entry.size) && entry.size >= 0;
  const size = sized ? (entry.size as number) : 0;
  const type = entry.type === 'file' ? 'file' : entry.type === 'dir' ? 'dir' : 'other';
  const path = dir === '' ? base : `${dir}/${base}`;
  // Without a size a file is not taken as empty: Zuul's choice of location depends on it.
  if (type === 'file' && !sized)
    return { path, type, size, unreadable: 'GitHub lists it without a size' };
  return { path, type, size };
}

/**
 * Zuul's choice of location, as the local reader makes it: the first location holding a
 * non-empty file (a symlink or submodule there, or a file listed without a size, counts as
 * present, and is unreadable).
 */
export function chooseZuul(entries: readonly ContentEntry[]): ZuulFiles | null {
  for (const location of ZUUL_LOCATIONS) {
    const found = entries
      .filter((e) => e.size !== 0 || e.type === 'other' || e.unreadable !== undefined)
      .filter((e) => inLocation(location, e));
    if (found.length === 0) continue;
    const files = found.map((e) => e.path).sort(compareText);
    return { location, files, refused: refuseLocation(location, found) };
  }
  return null;
}

function inLocation(location: ZuulLocation, entry: ContentEntry): boolean {
  if (!location.endsWith('.d')) return entry.path === location && entry.type !== 'dir';
  return (
    entry.path.startsWith(`${location}/`) &&
    (entry.path.endsWith('.yaml') || entry.type === 'other')
  );
}

function refuseLocation(location: ZuulLocation, found: readonly ContentEntry[]): string | null {
  if (found.length > LIMITS.zuulFiles) {
    return `${location} holds ${found.length} files, over the cap of ${LIMITS.zuulFiles} (none read)`;
  }
  const total = found.reduce((sum, e) => sum + e.size, 0);
  if (total > LIMITS.zuulTotalBytes) {
    return `${location} holds ${total} bytes, over the cap of ${LIMITS.zuulTotalBytes} (none read)`;
  }
  return null;
}

const isEntryPoint = (path: string) => (ENTRY_POINT_FILES as readonly string[]).includes(path);

/** Requests `readMirrorFiles` makes at most besides the files: the root and the listings. */
export const LISTING_REQUESTS = 1 + LIMITS.directories;

/**
 * The Zuul files and test entry points at a commit, through the contents API: the root listing,
 * the listings of a zuul.d/ location, and each file raw. Everything is asked by commit SHA, so
 * it is stored once and never asked again.
 */
export async function readMirrorFiles(
  client: GitHubClient,
  repository: string,
  commit: string,
): Promise<TreeFiles> {
  const at = (path: string) =>
    `${repoPath(repository)}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${commit}`;
  const list = async (dir: string) => {
    const body = await client.json(at(dir), true);
    if (body === null) return [];
    if (!Array.isArray(body))
      throw new GitHubRequestFailed(`${dir || 'the root'} is not a directory listing`);
    return body.map((item) => contentEntry(item, dir));
  };
  const entries = await list('');
  const zuulDirs = entries.filter(
    (e) => e.type === 'dir' && ZUUL_LOCATIONS.includes(e.path as ZuulLocation),
  );
  let listed = 0;
  const pending = [...zuulDirs.map((e) => e.path)];
  while (pending.length > 0) {
    const dir = pending.shift() as string;
    if (++listed > LIMITS.directories) {
      throw new GitHubRequestFailed(`more than ${LIMITS.directories} Zuul directories, refused`);
    }
    const inside = await list(dir);
    entries.push(...inside);
    pending.push(...inside.filter((e) => e.type === 'dir').map((e) => e.path));
  }
  return readChosen(client, entries, at);
}

async function readChosen(
  client: GitHubClient,
  entries: readonly ContentEntry[],
  at: (path: string) => string,
): Promise<TreeFiles> {
  const zuul = chooseZuul(entries);
  const wanted = entries.filter(
    (e) =>
      (isEntryPoint(e.path) && e.type !== 'dir') ||
      (zuul && !zuul.refused && zuul.files.includes(e.path)),
  );
  const blobs = new Map<string, Buffer>();
  const unreadable = new Map<string, string>();
  for (const entry of wanted) {
    const cap = isEntryPoint(entry.path) ? LIMITS.entryPointBytes : LIMITS.zuulFileBytes;
    if (entry.type !== 'file') unreadable.set(entry.path, NOT_REGULAR);
    else if (entry.unreadable !== undefined) unreadable.set(entry.path, entry.unreadable);
    else if (entry.size > cap)
      unreadable.set(entry.path, `it is ${entry.size} bytes, over the ${cap}-byte cap (not read)`);
    else {
      const body = await client.raw(at(entry.path));
      if (body === null) unreadable.set(entry.path, 'GitHub lists it but does not serve it');
      else if (Buffer.byteLength(body) > cap)
        unreadable.set(entry.path, `over the ${cap}-byte cap (not read)`);
      else blobs.set(entry.path, Buffer.from(body, 'utf8'));
    }
  }
  return { zuul, blobs, unreadable };
}
