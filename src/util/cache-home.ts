import { join } from 'node:path';

/**
 * The program's cache directory when nothing names one: `$XDG_CACHE_HOME/vmt-oversight`, else
 * `~/.cache/vmt-oversight`; null without either.
 */
export function defaultCacheDirectory(env: NodeJS.ProcessEnv): string | null {
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : '');
  return base ? join(base, 'vmt-oversight') : null;
}
