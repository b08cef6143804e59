import type { CatFileBatch } from './batch';
import type { GitObject } from './cat-file';
import type { LocalObjects } from './local-objects';

/**
 * A `cat-file --batch` session that reads each object here when it can (local-objects.ts) and
 * asks git, in one session started on first need, for the others: a repository whose objects
 * are plain is read without a git process. git's answers, errors and caps are unchanged: an
 * object not read here (missing, over the cap, in a store that is not plain) is git's to give.
 */
export function localFirstBatch(local: LocalObjects, git: () => CatFileBatch): CatFileBatch {
  let session: CatFileBatch | null = null;
  return {
    async read(specs, maxBytes, totalBytes = Number.MAX_SAFE_INTEGER) {
      const answers: (GitObject | null)[] = new Array<GitObject | null>(specs.length).fill(null);
      const asked: number[] = [];
      let left = totalBytes;
      specs.forEach((spec, index) => {
        const object = local.read(spec, Math.min(maxBytes, left));
        if (object === null) asked.push(index);
        else {
          answers[index] = object;
          left -= object.content.length;
        }
      });
      if (asked.length === 0) {
        // Read here, the answers are there at once: the event loop still turns between reads,
        // as it did while git answered, so the parsing thread's messages, timers and signals are
        // taken in (without it, a run of local reads would never let the thread come online).
        await new Promise((resolve) => setImmediate(resolve));
        return answers;
      }
      session ??= git();
      const fromGit = await session.read(
        asked.map((index) => specs[index]!),
        maxBytes,
        left,
      );
      asked.forEach((index, at) => (answers[index] = fromGit[at] ?? null));
      return answers;
    },
    close() {
      local.close();
      session?.close();
    },
  };
}
