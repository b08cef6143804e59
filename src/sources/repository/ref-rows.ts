import { localObjects } from '../../git/local-objects';
import { readRefFilesSync, type RefFileLimits } from '../../git/ref-files';
import { refRowsFromLocalObjects, type RefRow } from './ref-objects';

/** The refs a candidate is judged on: its tags, its branches, and origin's copies of them. */
export const REF_PREFIXES = ['refs/tags/', 'refs/heads/', 'refs/remotes/origin/'] as const;

/** More refs than this (nova has about 700) is not a repository to judge but a flood. */
export const MAX_REFS = 20000;

export const REF_FILE_LIMITS: RefFileLimits = {
  maxRefs: MAX_REFS,
  /** A packed-refs of nova's size is some 60 KiB; one this big is left to git. */
  packedRefsBytes: 4 * 1024 * 1024,
};

/**
 * The rows of `listRefs` read wholly from the git directory's files, the refs (readRefFilesSync)
 * and the objects they name (local-objects.ts), with no git process; null when anything there
 * is for git to read. Synchronous: the parsing thread reads one git directory at a time.
 */
export function localRefRows(gitDir: string): RefRow[] | null {
  const files = readRefFilesSync(gitDir, REF_PREFIXES, REF_FILE_LIMITS);
  if (files === null) return null;
  const local = localObjects(gitDir);
  try {
    return refRowsFromLocalObjects(files, local);
  } finally {
    local.close();
  }
}

/**
 * Reads the rows of `localRefRows` on another thread: a promise of them (null: read them here,
 * the usual way), or null when there is no thread to ask. Never rejects.
 */
export interface RefRowReader {
  refRows(gitDir: string): Promise<RefRow[] | null> | null;
  /**
   * Asks for the refs of `name` under `root` before they are needed: the other thread locates
   * the repository there (as `locateRepository` does) and may read them meanwhile.
   */
  prefetch?(root: string, name: string): RefsAhead | null;
}

/**
 * A repository's refs asked of the other thread ahead of need, which locates it itself:
 * whichever thread starts on them first reads them (a shared claim), the other does not.
 */
export interface RefsAhead {
  /**
   * Once they are needed, in the git directory this thread located: the other thread's rows if
   * it started on them and read them whole there, else null: they are this thread's to read
   * (the other thread skips them if it has not started).
   */
  take(gitDir: string): Promise<RefRow[] | null> | null;
  /** The other thread's answer, settled either way: null if it skipped them (tests). */
  readonly answer: Promise<RefRow[] | null>;
}
