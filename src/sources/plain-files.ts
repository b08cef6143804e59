import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceId } from '../evidence/types';
import { FileRefusedError, readRegularFileSync } from '../util/regular-file';
import { Unavailable } from './unavailable';

/** File contents by path (relative, `/`-separated); null when the file does not exist. */
export type PlainFileReader = (paths: readonly string[]) => Promise<Map<string, string | null>>;

/**
 * Reads files of a data directory that is plain files, not a git repository. Only regular
 * files (or symlinks to them) under the size cap are read: a FIFO, a socket or a device where a
 * data file should be makes the evidence unavailable instead of hanging or reading forever.
 *
 * The reads are synchronous (small local files, read by the thousand: a synchronous call costs a
 * fraction of a `fs.promises` round trip), and most files asked for do not exist (a deliverable's
 * file in every series, under two names): each directory is listed once, and a name it does not
 * hold is missing without a system call. The listing is a snapshot taken when a directory is
 * first read, as a git checkout is read at one commit: a file created in the data directory after
 * that reads as missing for the rest of the run. A listed file is always opened and checked, so
 * one removed or replaced since reads as it now is.
 */
export function plainFileReader(source: SourceId, root: string): PlainFileReader {
  const listings = new DirectoryListings(root);
  return (paths) => {
    try {
      return Promise.resolve(new Map(paths.map((path) => [path, read(path)])));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  function read(path: string): string | null {
    if (listings.surelyMissing(path)) return null;
    try {
      return readRegularFileSync(join(root, path))?.toString('utf8') ?? null;
    } catch (error) {
      // A directory where a file is expected reads as a missing file, as it always has.
      if (error instanceof FileRefusedError && error.kind === 'directory') return null;
      if (error instanceof FileRefusedError) {
        throw new Unavailable(source, `${source} data: ${error.message}`);
      }
      throw error;
    }
  }
}

/** A path component the listing may vouch for; anything else is left to the file system. */
const PLAIN_COMPONENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The names in one directory, and what a case- or normalisation-blind file system could match. */
interface Listing {
  names: Set<string>;
  /** The names in lower case, for a file system that ignores case (macOS, by default). */
  lowerCase: Set<string>;
  /** A name not all printable ASCII, which such a file system might match to an ASCII one. */
  hasNonAscii: boolean;
}

/** Directory listings of a data root, each read once: null for a directory that is not there. */
class DirectoryListings {
  private readonly listings = new Map<string, Listing | null | 'unknown'>();
  /** Windows matches names the listing does not show (short names, devices, trailing dots). */
  private readonly enabled = process.platform !== 'win32';

  constructor(private readonly root: string) {}

  /**
   * True only when the file certainly does not exist: its directory is not there, or its listing
   * holds neither the name nor anything a case-blind file system could take for it. False
   * (go and look) for any path with a component other than plain ASCII, and whenever the
   * directory could not be listed for another reason (permissions, a link loop): the read then
   * meets that error itself.
   */
  surelyMissing(path: string): boolean {
    if (!this.enabled) return false;
    const parts = path.split('/');
    if (!parts.every((part) => PLAIN_COMPONENT.test(part) && !part.endsWith('.'))) return false;
    const name = parts.pop()!;
    const listing = this.listing(parts.join('/'));
    if (listing === 'unknown') return false;
    if (listing === null) return true;
    if (listing.names.has(name) || listing.hasNonAscii) return false;
    return !listing.lowerCase.has(name.toLowerCase());
  }

  private listing(dir: string): Listing | null | 'unknown' {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      listing = readListing(join(this.root, dir));
      this.listings.set(dir, listing);
    }
    return listing;
  }
}

function readListing(dir: string): Listing | null | 'unknown' {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    // The codes lstat gives for a file in such a directory, which read as missing.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : 'unknown';
  }
  return {
    names: new Set(names),
    lowerCase: new Set(names.map((name) => name.toLowerCase())),
    hasNonAscii: names.some((name) => /[^\x20-\x7e]/.test(name)),
  };
}
