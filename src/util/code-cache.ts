import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

/**
 * V8's compiled code for this program's modules, kept between runs. A run compiles some 1.5 MB of
 * JavaScript (its own modules, yaml, commander) before it reads anything; with the code V8 made
 * for them in an earlier run, a check of a few repositories takes ~85 ms less (~10%).
 *
 * The cache is written at the end of the run that first loads a module, with `createCachedData`
 * (after the run, so it holds the functions the run compiled, not only the top level: the
 * `v8-compile-cache` package caches right after compiling, which measured no faster here). A
 * cache file is code this process runs unchecked, so it lives only where no one else can write:
 * a directory of the user's own (mode 0700) under the program's cache directory, each file the
 * user's, written whole and renamed into place. Each file holds the SHA-256 of the source it was
 * made from and is used only for exactly that source; V8 refuses it for another V8 version or
 * other flags. Anything unusual, and the module is compiled as usual.
 */

/** A cache file larger than this is not read. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
const HASH_BYTES = 32;

export interface CodeCacheStats {
  /** Modules compiled with their cached code. */
  hits: number;
  /** Modules compiled afresh (no cache file, another source, or V8 refused it). */
  misses: number;
}

/**
 * The directory of the code cache, or null when caching is off (VMT_OVERSIGHT_NO_CACHE=1,
 * VMT_OVERSIGHT_CODE_CACHE=0) or no cache directory can be named. Named from the environment
 * only, the same as the git cache without a flag or user setting; one per node version.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | null {
  if (env.VMT_OVERSIGHT_NO_CACHE === '1' || env.VMT_OVERSIGHT_CODE_CACHE === '0') return null;
  const home = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : '');
  const base = env.VMT_OVERSIGHT_CACHE || (home ? join(home, 'vmt-oversight') : '');
  return base ? join(base, 'code-cache', `${process.version}-${process.arch}`) : null;
}

/** Whether a directory or file is this user's and no one else may write to it. */
function ownedPrivately(stats: Stats): boolean {
  const uid = process.getuid?.();
  return uid !== undefined && stats.uid === uid && (stats.mode & 0o022) === 0;
}

/**
 * Makes the cache directory (mode 0700) and returns whether it may be used: a real directory,
 * not a link, the user's own and writable by no one else, in a parent no one else may write to.
 */
export function privateDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = lstatSync(dir);
    const parent = lstatSync(dirname(dir));
    return (
      stats.isDirectory() && ownedPrivately(stats) && parent.isDirectory() && ownedPrivately(parent)
    );
  } catch {
    return false;
  }
}

/** The cached code of one module, if its file is sound and made from exactly `source`. */
function readEntry(file: string, source: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || !ownedPrivately(stats) || stats.size > MAX_ENTRY_BYTES) return undefined;
    if (stats.size <= HASH_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    if (readSync(fd, bytes, 0, stats.size, 0) !== stats.size) return undefined;
    return bytes.subarray(0, HASH_BYTES).equals(sourceHash(source))
      ? bytes.subarray(HASH_BYTES)
      : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function writeEntry(file: string, source: string, code: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([sourceHash(source), code]), {
      mode: 0o600,
      flag: 'wx',
    });
    renameSync(temporary, file);
  } catch {
    // Not cached this time (a full disk, say): the next run compiles it afresh and tries again.
    // A part written is removed; so is a stale file of a process that had this pid and died.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: this runs as the process exits, where a throw would change its code.
    }
  }
}

function sourceHash(source: string): Buffer {
  return createHash('sha256').update(source).digest();
}

function entryFile(dir: string, filename: string): string {
  return join(dir, createHash('sha256').update(filename).digest('hex'));
}

interface Compiled {
  file: string;
  source: string;
  script: Script;
}

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
}

type ModuleInternals = typeof Module & {
  prototype: { _compile(content: string, filename: string): unknown };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: unknown): string[] | null;
  _extensions: unknown;
  _cache: unknown;
};

/**
 * Compiles the `.js` modules under `root` with their cached code from `dir` from now on, and
 * writes the cache of those compiled afresh when the process exits. Returns what it did so far
 * (tests), or null where node's module loader is not the one this was written for.
 */
export function installCodeCache(dir: string, root: string): (() => CodeCacheStats) | null {
  const loader = Module as ModuleInternals;
  const original = loader.prototype._compile;
  if (typeof original !== 'function' || typeof loader.wrap !== 'function') return null;
  const stats: CodeCacheStats = { hits: 0, misses: 0 };
  const fresh: Compiled[] = [];
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  loader.prototype._compile = function compile(
    this: CompilingModule,
    content: string,
    filename: string,
  ): unknown {
    // A dynamic import() needs the loader's own compile; none of this program's modules has one.
    if (!filename.startsWith(prefix) || !filename.endsWith('.js') || content.includes('import(')) {
      return original.call(this, content, filename);
    }
    const file = entryFile(dir, filename);
    const source = loader.wrap(withoutShebang(content));
    const cachedData = readEntry(file, source);
    const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
    if (cachedData && !script.cachedDataRejected) stats.hits += 1;
    else {
      stats.misses += 1;
      fresh.push({ file, source, script });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(this, loader),
      this,
      filename,
      dirname(filename),
    );
  };
  process.once('exit', () => {
    for (const { file, source, script } of fresh) {
      try {
        writeEntry(file, source, script.createCachedData());
      } catch {
        // Never thrown into the exit: the process's exit code is its run's, not the cache's.
      }
    }
  });
  return () => ({ ...stats });
}

/** The process's main module, which every module's `require.main` names. */
const MAIN_MODULE = require.main;

type ModuleWrapper = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: CompilingModule,
  filename: string,
  dirname: string,
) => unknown;

/** The `require` a module gets, as node makes it (lib/internal/modules/helpers.js). */
function requireFor(module: CompilingModule, loader: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = MAIN_MODULE;
  require.extensions = loader._extensions as NodeJS.RequireExtensions;
  require.cache = loader._cache as NodeJS.Require['cache'];
  return require;
}

/** Node compiles a module without its `#!` line; so must this (the line is kept as a comment). */
function withoutShebang(content: string): string {
  return content.startsWith('#!') ? `//${content}` : content;
}
