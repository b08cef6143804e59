/** Why a repository could not be had from the cache: `kind` for tests, `message` for people. */
export type CacheFailureKind =
  'offline' | 'no-fetch' | 'not-found' | 'timeout' | 'too-large' | 'refused' | 'failed';

export class CacheUnavailableError extends Error {
  constructor(
    readonly kind: CacheFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'CacheUnavailableError';
  }
}
