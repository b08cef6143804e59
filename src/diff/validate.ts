import { UsageError } from '../errors';

/** The flag a user value came from, for error messages. */
export type RevisionFlag = '--base' | '--head';

/**
 * Branch and tag names, shas, `HEAD~2`, `HEAD^`, `@{upstream}`, `refs/changes/34/1234/5`.
 * Anything else (spaces, shell characters, `:` paths, leading `-`) never reaches git.
 */
const REVISION_PATTERN = /^[A-Za-z0-9_@][A-Za-z0-9_./@{}~^+-]*$/;
const MAX_REVISION_LENGTH = 200;

/** One path segment: no `.` or `..`, no pathspec magic (`:`, `*`, `?`, `[`), no spaces. */
const SEGMENT_PATTERN = /^[A-Za-z0-9_.][A-Za-z0-9_.+-]*$/;
const MAX_PATH_LENGTH = 400;

/** Checks a user-given revision before it is handed to git; returns it unchanged. */
export function validateRevision(revision: string, flag: RevisionFlag): string {
  const shown = JSON.stringify(revision);
  if (revision.startsWith('-')) {
    throw new UsageError(`invalid revision ${shown} in ${flag}: it must not start with '-'`);
  }
  if (
    revision.length > MAX_REVISION_LENGTH ||
    !REVISION_PATTERN.test(revision) ||
    revision.includes('..')
  ) {
    throw new UsageError(
      `invalid revision ${shown} in ${flag}: use a branch, tag, commit sha or an expression like HEAD~1`,
    );
  }
  return revision;
}

/**
 * Checks a user-given list path and returns it normalised (`./a//b` → `a/b`).
 * The path is relative to the repository root and must stay inside it.
 */
export function validateListPath(path: string): string {
  const shown = JSON.stringify(path);
  const fail = (why: string): never => {
    throw new UsageError(`invalid list path ${shown} in --list: ${why}`);
  };
  if (path.startsWith('-')) fail("it must not start with '-'");
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
    fail('it must be relative to the repository root');
  }
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) fail("it must stay inside the repository (no '..')");
  if (segments.length === 0) fail('it names no file');
  if (path.length > MAX_PATH_LENGTH || !segments.every((s) => SEGMENT_PATTERN.test(s))) {
    fail('use letters, digits and . _ + - only, with / between directories');
  }
  if (segments.some((s) => s.toLowerCase() === '.git')) fail('it must not point into .git');
  return segments.join('/');
}
