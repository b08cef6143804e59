import type { Command } from 'commander';
import { BaseUrlError, DEFAULT_GIT_BASE_URL, parseBaseUrl } from '../git/cache/base-url';
import { createGitCache, type CacheEvents, type GitCache } from '../git/cache/store';
import { UsageError } from '../errors';
import { defaultCacheDirectory } from '../util/cache-home';
import type { CliIO } from './io';
import { terminalProgress } from './progress';
import type { UserConfig } from './user-config';

/** The flags of the git cache, shared by check, audit, propose and vote. */
export interface CacheFlags {
  cacheDir?: string;
  /** `--no-cache`: false. */
  cache?: boolean;
  gitBaseUrl?: string;
  offline?: boolean;
  /** `--no-fetch`: false. */
  fetch?: boolean;
  verbose?: boolean;
}

export function addCacheOptions(command: Command): Command {
  return command
    .option(
      '--cache-dir <dir>',
      'the cache of git clones (default: $VMT_OVERSIGHT_CACHE, else ~/.cache/vmt-oversight)',
    )
    .option('--no-cache', 'use only the directories given; never clone or fetch')
    .option(
      '--git-base-url <url>',
      `where repositories are cloned from (default: ${DEFAULT_GIT_BASE_URL}; https, http or file)`,
    )
    .option(
      '--offline',
      'no network access at all: use only what is cached, and ask no remote service ' +
        '(Launchpad, Gerrit groups); what is missing is unavailable',
    )
    .option(
      '--no-fetch',
      'use what is cached without refreshing it (CI); missing repositories are unavailable',
    )
    .option(
      '--verbose',
      "log every clone, fetch and request on stderr, and add each finding's raw evidence " +
        'to the text report (an indented tree)',
    );
}

/** The cache directory: flag, environment, user config, then XDG_CACHE_HOME or ~/.cache. */
export function cacheDirectory(
  flags: CacheFlags,
  user: UserConfig,
  env: NodeJS.ProcessEnv,
): string | null {
  if (flags.cacheDir) return flags.cacheDir;
  if (env.VMT_OVERSIGHT_CACHE) return env.VMT_OVERSIGHT_CACHE;
  if (user['cache-dir']) return user['cache-dir'];
  return defaultCacheDirectory(env);
}

/**
 * The git cache of this run, or undefined when it is switched off (`--no-cache`,
 * VMT_OVERSIGHT_NO_CACHE=1) or no cache directory can be named (no HOME).
 */
export function gitCacheFor(flags: CacheFlags, user: UserConfig, io: CliIO): GitCache | undefined {
  if (flags.cache === false || io.env.VMT_OVERSIGHT_NO_CACHE === '1') return undefined;
  const dir = cacheDirectory(flags, user, io.env);
  if (!dir) return undefined;
  const text =
    flags.gitBaseUrl ??
    io.env.VMT_OVERSIGHT_GIT_BASE_URL ??
    user['git-base-url'] ??
    DEFAULT_GIT_BASE_URL;
  let base;
  try {
    base = parseBaseUrl(text);
  } catch (error) {
    if (error instanceof BaseUrlError) throw new UsageError(`--git-base-url: ${error.message}`);
    throw error;
  }
  const offline = flags.offline ?? (io.env.VMT_OVERSIGHT_OFFLINE === '1' || user.offline === true);
  const mode = offline ? 'offline' : flags.fetch === false ? 'no-fetch' : 'fetch';
  return createGitCache({ dir, base, mode, events: cacheEvents(io, flags.verbose === true) });
}

/** One bar for fetching, with counts, on a terminal; a line per fetch with --verbose. */
function cacheEvents(io: CliIO, verbose: boolean): CacheEvents {
  const progress = terminalProgress(io);
  return {
    onFetchStart: (name) => progress.begin('fetching', name),
    onFetchDone: (name) => progress.end('fetching', name),
    log(line) {
      if (verbose) progress.line(`vmt-oversight: ${line}`);
    },
  };
}
