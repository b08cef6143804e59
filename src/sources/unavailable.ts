import { VmtError } from '../errors';
import { INTERNAL_FAILURE, type Evidence, type SourceId } from '../evidence/types';
import type { CacheFailureKind } from '../git/cache/errors';
import { GitError } from '../git/errors';
import { FileRefusedError } from '../util/regular-file';
import { YamlShapeError } from './yaml/document';

/** Thrown inside a source when its evidence cannot be gathered; becomes `unavailable`. */
export class Unavailable extends Error {
  constructor(
    readonly source: SourceId,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'Unavailable';
  }
}

/**
 * A candidate the git cache could not have from its base URL, and why (`kind`): a GitHub mirror
 * may stand in for it only when the base URL failed (see github/source.ts), never when it said
 * the candidate is not there.
 */
export class CandidateNotCached extends Unavailable {
  constructor(
    reason: string,
    readonly kind: CacheFailureKind,
  ) {
    super('repository', reason);
    this.name = 'CandidateNotCached';
  }
}

/** A bug met while reading evidence another source depends on, passed on as it is. */
export class InternalFailure extends Error {
  constructor(readonly evidence: Extract<Evidence<never>, { status: 'unavailable' }>) {
    super(evidence.reason);
    this.name = 'InternalFailure';
  }
}

export function available<T>(value: T): Evidence<T> {
  return { status: 'available', value };
}

export function unavailable<T>(source: SourceId, reason: string): Evidence<T> {
  return { status: 'unavailable', source, reason };
}

/**
 * Runs a source's work (`context`: "reading governance evidence for openstack/nova"), never
 * crashing. `Unavailable`, and a failure of the data or of reading it (git, a file refused, a
 * YAML shape, an I/O error), become `unavailable`. Anything else is a bug in vmt-oversight: it is
 * marked `internal`, so it is reported as a bug and never as data to provide.
 */
export async function gather<T>(
  source: SourceId,
  context: string,
  work: () => Promise<T>,
): Promise<Evidence<T>> {
  try {
    return available(await work());
  } catch (error) {
    if (error instanceof Unavailable) return unavailable(error.source, error.reason);
    if (error instanceof InternalFailure) return error.evidence;
    if (isDataFailure(error)) return unavailable(source, `${context} failed: ${error.message}`);
    return internalFailure(source, `${INTERNAL_FAILURE} (${oneLineError(error)}) while ${context}`);
  }
}

function internalFailure<T>(source: SourceId, reason: string): Evidence<T> {
  return { status: 'unavailable', source, reason, internal: true };
}

/** Failures of the data or of reading it, which the user can act on; not bugs. */
function isDataFailure(error: unknown): error is Error {
  return (
    error instanceof GitError ||
    error instanceof VmtError ||
    error instanceof FileRefusedError ||
    error instanceof YamlShapeError ||
    isSystemError(error)
  );
}

/** An error of the operating system (EACCES, EIO, ENOENT…), as Node reports a failed call. */
function isSystemError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    'syscall' in error &&
    typeof error.syscall === 'string'
  );
}

/** `TypeError: x is not a function`, on one line. */
function oneLineError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
