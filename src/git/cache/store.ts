import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { confinedGitDir, UnsafeRepositoryError } from '../confine';
import { createGit, type Git } from '../run';
import { baseUrlKey, repositoryUrl, type GitBaseUrl } from './base-url';
import { CacheUnavailableError, type CacheFailureKind } from './errors';
import { DEFAULT_LOCK_OPTIONS, withLock, type LockOptions } from './lock';
import {
  DEFAULT_NETWORK_LIMITS,
  NetworkGitError,
  runNetworkGit,
  type NetworkLimits,
} from './network';
import { removeIncomplete } from './leftovers';
import { prefetchFiles, type PrefetchRequest } from './prefetch';
import { ownedCacheDir } from './root';

/** fetch: refresh once per run · no-fetch: what is cached (CI) · offline: what is cached, no network. */
export type CacheMode = 'fetch' | 'no-fetch' | 'offline';

/** What happens, for the progress bar and `--verbose`. */
export interface CacheEvents {
  onFetchStart?(name: string): void;
  onFetchDone?(name: string, outcome: string): void;
  log?(line: string): void;
}

export interface GitCacheOptions {
  dir: string;
  base: GitBaseUrl;
  mode: CacheMode;
  limits?: NetworkLimits;
  /** Further attempts after a failure that may pass (a reset, a 5xx); never after a 404. */
  retries?: number;
  retryDelayMs?: number;
  lock?: LockOptions;
  events?: CacheEvents;
}

/** A repository of the cache, ready to be read locally. */
export interface CachedRepository {
  name: string;
  /** The root candidates are located under: `<root>/<namespace>/<name>.git`. */
  root: string;
  gitDir: string;
  /** When it was last fetched (ISO 8601), or null if never recorded. */
  fetchedAt: string | null;
  /** What this run did: cloned it, fetched it, or used it as it was. */
  action: 'cloned' | 'fetched' | 'cached';
}

/** Where the cache records what it did to the repositories, for the report and `--offline`. */
export interface CacheUse {
  name: string;
  action: CachedRepository['action'] | 'unavailable';
  fetchedAt: string | null;
  reason?: string;
}

export interface GitCache {
  readonly mode: CacheMode;
  readonly base: GitBaseUrl;
  /** The repository, cloned or refreshed at most once per run, with the files asked for present. */
  open(name: string, files?: PrefetchRequest): Promise<CachedRepository>;
  /** Every repository asked for in this run, sorted by name. */
  uses(): CacheUse[];
}

const STAMP = 'vmt-oversight-fetched';

export function createGitCache(options: GitCacheOptions): GitCache {
  const limits = options.limits ?? DEFAULT_NETWORK_LIMITS;
  const events = options.events ?? {};
  const ready = new Map<string, Promise<CachedRepository>>();
  const prefetched = new Map<string, Promise<void>>();
  const used = new Map<string, CacheUse>();
  let root: Promise<string> | undefined;

  const cacheRoot = () =>
    (root ??= ownedCacheDir(options.dir).then(async (dir) => {
      const sub = join(dir, 'git', baseUrlKey(options.base));
      await fs.mkdir(sub, { recursive: true, mode: 0o700 });
      return sub;
    }));

  async function ensure(name: string): Promise<CachedRepository> {
    try {
      const repo = await refresh(name);
      used.set(name, { name, action: repo.action, fetchedAt: repo.fetchedAt });
      return repo;
    } catch (error) {
      const failure = asCacheError(error, name, options.base);
      used.set(name, { name, action: 'unavailable', fetchedAt: null, reason: failure.message });
      throw failure;
    }
  }

  async function refresh(name: string): Promise<CachedRepository> {
    const base = await cacheRoot();
    const gitDir = join(base, `${name}.git`);
    await fs.mkdir(dirname(gitDir), { recursive: true, mode: 0o700 });
    const lock = { ...(options.lock ?? DEFAULT_LOCK_OPTIONS) };
    lock.onWait = (holder) => events.log?.(`waiting for ${name}: the cache is locked by ${holder}`);
    return withLock(
      `${gitDir}.lock`,
      async () => {
        const present = await exists(join(gitDir, 'HEAD'));
        if (!present && options.mode !== 'fetch') {
          const why = options.mode === 'offline' ? 'offline' : 'no-fetch';
          throw new CacheUnavailableError(why, `${name} is not in the cache (${flagOf(why)})`);
        }
        let action: CachedRepository['action'] = 'cached';
        if (options.mode === 'fetch') {
          events.onFetchStart?.(name);
          action = present ? 'fetched' : 'cloned';
          const started = Date.now();
          try {
            await attempt(() => (present ? fetch(name, gitDir) : clone(name, gitDir)));
          } catch (error) {
            events.onFetchDone?.(name, 'failed');
            throw error;
          }
          await fs.writeFile(join(gitDir, STAMP), new Date().toISOString(), { mode: 0o600 });
          events.log?.(
            `${action} ${name} from ${repositoryUrl(options.base, name)} in ${Date.now() - started} ms`,
          );
          events.onFetchDone?.(name, action);
        }
        await confine(gitDir, base, name);
        return { name, root: base, gitDir, fetchedAt: await stamp(gitDir), action };
      },
      lock,
    );
  }

  async function attempt(work: () => Promise<void>): Promise<void> {
    const retries = options.retries ?? 2;
    for (let i = 0; ; i += 1) {
      try {
        return await work();
      } catch (error) {
        const retryable = error instanceof NetworkGitError && error.kind === 'failed';
        if (!retryable || i >= retries) throw error;
        events.log?.(`retrying after: ${error.message}`);
        await new Promise((r) => setTimeout(r, (options.retryDelayMs ?? 1000) * 2 ** i));
      }
    }
  }

  async function clone(name: string, gitDir: string): Promise<void> {
    const temp = `${gitDir}.tmp-${process.pid}-${Date.now()}`;
    try {
      await runNetworkGit({
        args: [
          'clone',
          '--bare',
          '--filter=tree:0',
          '--quiet',
          '--',
          repositoryUrl(options.base, name),
          temp,
        ],
        protocol: options.base.protocol,
        watch: temp,
        limits,
      });
      const git = createGit(temp);
      await hasDefaultBranch(git, name);
      for (const refspec of ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*']) {
        await git.run(['config', '--add', 'remote.origin.fetch', refspec]);
      }
      await fs.rename(temp, gitDir);
    } finally {
      await fs.rm(temp, { recursive: true, force: true });
    }
  }

  async function fetch(name: string, gitDir: string): Promise<void> {
    try {
      await runNetworkGit({
        gitDir,
        args: ['fetch', '--prune', '--quiet', '--no-write-fetch-head', '--filter=tree:0', 'origin'],
        protocol: options.base.protocol,
        watch: join(gitDir, 'objects'),
        limits,
      });
    } catch (error) {
      await discardFailedFetch(error, name, gitDir);
      throw error;
    }
  }

  /**
   * A fetch over the size cap may have ended, and moved refs to what it brought, before it was
   * measured: the repository is removed from the cache (the next run clones it, under the same
   * cap). Any other failure leaves only git's temporary files, which are removed.
   */
  async function discardFailedFetch(error: unknown, name: string, gitDir: string) {
    if (error instanceof NetworkGitError && error.kind === 'too-large') {
      await fs.rm(gitDir, { recursive: true, force: true });
      events.log?.(`removed ${name} from the cache: its fetch outgrew the size cap`);
    } else {
      await removeIncomplete(gitDir);
    }
  }

  return {
    mode: options.mode,
    base: options.base,
    async open(name, files) {
      let repo = ready.get(name);
      if (!repo) {
        repo = ensure(name);
        ready.set(name, repo);
      }
      const found = await repo;
      if (!files) return found;
      const key = `${name}\0${files.before}\0${files.paths.join('\0')}`;
      let done = prefetched.get(key);
      if (!done) {
        done = withLock(`${found.gitDir}.lock`, () =>
          prefetchFiles(found.gitDir, files, {
            protocol: options.base.protocol,
            limits,
            offline: options.mode !== 'fetch',
            name,
            ...(events.log ? { log: events.log } : {}),
          }),
        ).catch((error: unknown) => {
          throw asCacheError(error, name, options.base);
        });
        prefetched.set(key, done);
      }
      await done;
      return found;
    },
    uses: () => [...used.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** A clone with no commit at HEAD (a server that sent no refs, or junk for refs) is no evidence. */
async function hasDefaultBranch(git: Git, name: string): Promise<void> {
  try {
    await git.run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    throw new CacheUnavailableError('failed', `${name}: the server sent no default branch`);
  }
}

function flagOf(mode: 'offline' | 'no-fetch'): string {
  return mode === 'offline'
    ? 'offline: --offline makes no request'
    : '--no-fetch: nothing is fetched';
}

async function confine(gitDir: string, root: string, name: string): Promise<void> {
  try {
    const found = await confinedGitDir(gitDir, root);
    if (found === null)
      throw new CacheUnavailableError('refused', `${name} in the cache is not a git repository`);
  } catch (error) {
    if (error instanceof UnsafeRepositoryError) {
      throw new CacheUnavailableError(
        'refused',
        `${name} in the cache is refused: ${error.message}`,
      );
    }
    throw error;
  }
}

function asCacheError(error: unknown, name: string, base: GitBaseUrl): CacheUnavailableError {
  if (error instanceof CacheUnavailableError) return error;
  const url = repositoryUrl(base, name);
  if (error instanceof NetworkGitError) {
    const kind: CacheFailureKind = error.kind;
    const what: Record<NetworkGitError['kind'], string> = {
      'not-found': `${url} was not found`,
      timeout: `${url} did not answer in time`,
      'too-large': `${url} sent too much`,
      failed: `fetching ${url} failed`,
    };
    return new CacheUnavailableError(kind, `${what[error.kind]}: ${error.stderr}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CacheUnavailableError('failed', `${name} from the cache: ${message}`);
}

async function stamp(gitDir: string): Promise<string | null> {
  try {
    const text = (await fs.readFile(join(gitDir, STAMP), 'utf8')).trim();
    return Number.isNaN(Date.parse(text)) ? null : text;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}
