import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ownedCacheDir } from '../../git/cache/root';

/** One stored answer: its ETag, its body and its next page. */
export interface StoredAnswer {
  url: string;
  etag: string | null;
  /** Asked by SHA (a tag object, a commit, a file at a commit): never revalidated. */
  immutable: boolean;
  body: unknown;
  next: string | null;
}

/** Where answers are kept between runs, so a warm run is answered by 304s. */
export interface AnswerStore {
  read(key: string): Promise<StoredAnswer | null>;
  write(key: string, answer: StoredAnswer): Promise<void>;
}

/** A stored answer larger than this is not read back (it is asked again). */
const MAX_STORED_BYTES = 8 * 1024 * 1024;

export function answerKey(api: string, url: string, raw: boolean): string {
  return createHash('sha256')
    .update(`${api}\0${url}\0${raw ? 'raw' : 'json'}`)
    .digest('hex');
}

/**
 * Answers as files under `<cache>/github/`, in a directory that must be ours alone (the same check
 * as the git cache). A file that cannot be read or parsed is no answer: it is asked again.
 */
export function fileAnswerStore(cacheDir: string): AnswerStore {
  let dir: Promise<string> | undefined;
  const root = () =>
    (dir ??= ownedCacheDir(cacheDir).then((d) => ownedCacheDir(join(d, 'github'))));
  return {
    async read(key) {
      const file = join(await root(), `${key}.json`);
      try {
        const stats = await fs.stat(file);
        if (!stats.isFile() || stats.size > MAX_STORED_BYTES) return null;
        const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<StoredAnswer>;
        return isStored(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    async write(key, answer) {
      const file = join(await root(), `${key}.json`);
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, JSON.stringify(answer), { mode: 0o600 });
      await fs.rename(temp, file);
    },
  };
}

/** For a run without a cache directory: nothing is kept. */
export const noAnswerStore: AnswerStore = {
  read: () => Promise.resolve(null),
  write: () => Promise.resolve(),
};

function isStored(value: Partial<StoredAnswer>): value is StoredAnswer {
  return (
    typeof value.url === 'string' &&
    (value.etag === null || typeof value.etag === 'string') &&
    typeof value.immutable === 'boolean' &&
    'body' in value &&
    (value.next === null || typeof value.next === 'string')
  );
}
