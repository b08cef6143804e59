import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { accessSync, constants, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheDirectory } from './cache-home';
import { readPrivateFile } from './private-dir';

/**
 * V8's compiled code for this program's modules, kept between runs. A run compiles some 1.5 MB of
 * JavaScript (its own modules, yaml, commander) before it reads anything; with the code V8 made
 * for them in an earlier run, a check of a few repositories takes ~85 ms less (~10%).
 *
 * The cache is written at the end of the run that first loads a module, with `createCachedData`
 * (after the run, so it holds the functions the run compiled, not only the top level: the
 * `v8-compile-cache` package caches right after compiling, which measured no faster here). A
 * cache file is code this process runs unchecked, so it is kept only in a private directory
 * (private-dir.ts), and each file is used only if it is the user's own, no one else's to read or
 * write, and carries an HMAC, under a key of the directory's that only the user can read, of the
 * SHA-256 of exactly the source being compiled and of the code: a file this program did not
 * write for that source is never run. V8 refuses it for another V8 version or other flags.
 * Anything unusual, and the module is compiled as node compiles it.
 */

/** A cache file larger than this is not read. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
const MAC_BYTES = 32;
const KEY_BYTES = 32;
const KEY_FILE = 'key';
/** A module with a dynamic import() needs node's own loader to compile it (vm has none). */
const DYNAMIC_IMPORT = /\bimport\s*[(/]/;

export interface CodeCacheStats {
  /** Modules compiled with their cached code. */
  hits: number;
  /** Modules compiled afresh (no cache file, another source, or V8 refused it). */
  misses: number;
}

/**
 * The directory of the code cache, or null when caching is off (VMT_OVERSIGHT_NO_CACHE=1,
 * VMT_OVERSIGHT_CODE_CACHE=0) or no absolute cache directory can be named. Named from the
 * environment only, the same as the git cache without a flag or user setting; one per node
 * version and architecture.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | null {
  if (env.VMT_OVERSIGHT_NO_CACHE === '1' || env.VMT_OVERSIGHT_CODE_CACHE === '0') return null;
  const base = env.VMT_OVERSIGHT_CACHE || defaultCacheDirectory(env) || '';
  if (!isAbsolute(base)) return null; // a relative one would name the working directory
  return join(base, 'code-cache', `${process.version}-${process.arch}`);
}

/**
 * The directory's key, made on first use: written whole under a temporary name and linked into
 * place, so a run that dies while writing it leaves no empty key. Null if it cannot be had as a
 * private file.
 */
function directoryKey(dir: string): Buffer | null {
  const file = join(dir, KEY_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    linkSync(temporary, file); // fails if there is a key already: that one is read below
  } catch {
    // There is one already, or none can be made: what is there is read, and checked, below.
  }
  try {
    rmSync(temporary, { force: true });
  } catch {
    // Left for a later run, which removes it (or, with this pid, fails to make a key once).
  }
  const key = readPrivateFile(file, KEY_BYTES);
  return key?.length === KEY_BYTES ? key : null;
}

/** Binds the code to exactly the source it was made for, under the directory's key. */
function mac(key: Buffer, source: string, code: Buffer): Buffer {
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(code.length));
  return createHmac('sha256', key).update(length).update(code).update(source).digest();
}

/** The cached code of one module, if its file is sound and was made for exactly `source`. */
function readEntry(file: string, key: Buffer, source: string): Buffer | undefined {
  const bytes = readPrivateFile(file, MAX_ENTRY_BYTES);
  if (bytes === undefined || bytes.length <= MAC_BYTES) return undefined;
  const code = bytes.subarray(MAC_BYTES);
  return timingSafeEqual(bytes.subarray(0, MAC_BYTES), mac(key, source, code)) ? code : undefined;
}

/** Writes an entry whole under a temporary name, then renames it into place; never throws. */
function writeEntry(file: string, key: Buffer, source: string, code: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([mac(key, source, code), code]), {
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

function entryFile(dir: string, filename: string): string {
  return join(dir, createHash('sha256').update(filename).digest('hex'));
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// Differences from node's own _compile, none of which this program meets: a module compiled here
// is not marked as executing for an ES module importing it back (no ERR_REQUIRE_CYCLE_MODULE),
// require.resolve does not check that its argument is a string, and stack traces show one more
// frame (compile).
interface Compiled {
  file: string;
  source: string;
  script: Script;
}

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
}

type Compile = (
  this: CompilingModule,
  content: string,
  filename: string,
  format?: string,
) => unknown;

type ModuleInternals = typeof Module & {
  prototype: { _compile: Compile };
  wrap(source: string): string;
  wrapper?: unknown;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: unknown): string[] | null;
  _extensions: unknown;
  _cache: unknown;
};

/** The exit code a run ends with after a usage or internal error: its cache is not kept. */
const ERROR_EXIT = 2;

/**
 * Compiles the CommonJS `.js` modules under `root` with their cached code from `dir` (a
 * directory privateDirectory accepted) from now on, and writes the cache of those compiled
 * afresh when the process exits, unless it exits with an error (2): such a run compiled little.
 * Returns what it did so far (tests), or null where node's module loader is not the one this
 * was written for or the directory has no key.
 */
export function installCodeCache(dir: string, root: string): (() => CodeCacheStats) | null {
  const loader = Module as ModuleInternals;
  const original = loader.prototype._compile;
  if (typeof original !== 'function' || typeof loader.wrap !== 'function') return null;
  const key = directoryKey(dir);
  if (key === null) return null;
  const keep = writable(dir);
  const stats: CodeCacheStats = { hits: 0, misses: 0 };
  const fresh: Compiled[] = [];
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  const columnOffset = -wrapperPrefixLength(loader);
  loader.prototype._compile = function compile(content, filename, format) {
    if (
      (format !== undefined && format !== 'commonjs') || // an ES module, loaded by require()
      !filename.startsWith(prefix) ||
      !filename.endsWith('.js') ||
      DYNAMIC_IMPORT.test(content)
    ) {
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(original, this, arguments);
    }
    const file = entryFile(dir, filename);
    const source = loader.wrap(withoutShebang(content));
    const cachedData = readEntry(file, key, source);
    let script: Script;
    try {
      script = new Script(source, {
        filename,
        columnOffset,
        ...(cachedData ? { cachedData } : {}),
      });
    } catch {
      // Not CommonJS after all (ES module syntax node detects in a package without a "type"), or
      // a syntax error: node compiles it, with its own detection and its own message.
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(original, this, arguments);
    }
    if (cachedData && !script.cachedDataRejected) stats.hits += 1;
    else {
      stats.misses += 1;
      if (keep) fresh.push({ file, source, script });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
    const require = requireFor(this, loader);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', (code) => {
    if (code === ERROR_EXIT) return;
    for (const { file, source, script } of fresh) {
      try {
        writeEntry(file, key, source, script.createCachedData());
      } catch {
        // Never thrown into the exit: the process's exit code is its run's, not the cache's.
      }
    }
  });
  return () => ({ ...stats });
}

/** The length of node's module wrapper before the source, so that columns on line 1 are right. */
function wrapperPrefixLength(loader: ModuleInternals): number {
  const wrapper = loader.wrapper;
  const first: unknown = Array.isArray(wrapper) ? wrapper[0] : undefined;
  return typeof first === 'string' && loader.wrap('').startsWith(first) ? first.length : 0;
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
