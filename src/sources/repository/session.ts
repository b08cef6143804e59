import type { CatFileBatch } from '../../git/batch';
import { localFirstBatch } from '../../git/local-batch';
import { localObjects } from '../../git/local-objects';
import type { Git } from '../../git/run';

/**
 * The reads of a repository's objects (refs' objects, then its tree): from its own files where
 * they are plain (git/local-objects.ts), else from one `cat-file --batch` process started on
 * first need. That process holds a slot of the run-wide process limit, so the session is ended
 * before any other git call of the same repository; a later read starts a new one.
 */
export class BatchSession {
  private current: CatFileBatch | null = null;

  constructor(private readonly git: Git) {}

  batch(): CatFileBatch {
    this.current ??= localFirstBatch(localObjects(this.git.gitDir), () => this.git.batch());
    return this.current;
  }

  end(): void {
    this.current?.close();
    this.current = null;
  }
}
