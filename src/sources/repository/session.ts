import type { CatFileBatch } from '../../git/batch';
import { localFirstBatch } from '../../git/local-batch';
import { localObjects } from '../../git/local-objects';
import type { Git } from '../../git/run';

/**
 * The one `cat-file --batch` process a repository's reads share (refs' objects, then its tree),
 * started on first use. It holds a slot of the run-wide process limit, so it is ended before any
 * other git call of the same repository; a later read starts a new one.
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
