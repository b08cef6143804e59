import { promises as fs } from 'node:fs';
import { CacheUnavailableError } from './errors';

/**
 * Creates the cache directory (mode 700) when missing and refuses one another user could have
 * planted or can write to: what is in it is read as git repositories, so it must be ours alone.
 */
export async function ownedCacheDir(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const real = await fs.realpath(dir);
  const stats = await fs.stat(real);
  if (!stats.isDirectory()) {
    throw new CacheUnavailableError('refused', `the cache ${dir} is not a directory`);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) {
    throw new CacheUnavailableError(
      'refused',
      `the cache ${dir} belongs to another user (uid ${stats.uid})`,
    );
  }
  if ((stats.mode & 0o022) !== 0) {
    throw new CacheUnavailableError(
      'refused',
      `the cache ${dir} is writable by others (mode ${(stats.mode & 0o777).toString(8)}); chmod go-w it`,
    );
  }
  return real;
}
