import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir } from './code-cache';
import { privateDirectory } from './private-dir';

const HOOK = join(__dirname, '..', '..', 'test', 'helpers', 'transpile-hook.js');
const HARNESS = join(__dirname, '..', '..', 'test', 'helpers', 'code-cache-harness.ts');

interface HarnessRun {
  hits: number;
  misses: number;
  exported: unknown[];
}

let work: string;
let root: string;
let dir: string;

beforeEach(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'vmt-oversight-code-cache-')));
  root = join(work, 'package');
  mkdirSync(join(root, 'lib'), { recursive: true });
  writeModules({
    'lib/a.js': "module.exports = 'a' + require('./b');",
    'lib/b.js': "module.exports = 'b';",
  });
  dir = madePrivate(join(work, 'cache', 'code-cache', 'v-test'));
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

function madePrivate(path: string): string {
  const made = privateDirectory(path);
  if (made === null) throw new Error(`${path} was not accepted as private`);
  return made;
}

function writeModules(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

interface LoadOptions {
  cache?: string;
  exitCode?: number;
}

function runHarness(modules: string[], options: LoadOptions = {}): unknown {
  const args = ['-r', HOOK, HARNESS, options.cache ?? dir, root, ...modules];
  const env = { ...process.env, HARNESS_EXIT_CODE: String(options.exitCode ?? '') };
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(options.exitCode ?? 0);
  return JSON.parse(result.stdout) as unknown;
}

function load(modules: string[], options: LoadOptions = {}): HarnessRun {
  return runHarness(modules, options) as HarnessRun;
}

/** The cache's entries (not its key), by the module each was written for. */
function entries(cache = dir): string[] {
  return readdirSync(cache)
    .filter((name) => name !== 'key')
    .map((name) => join(cache, name));
}

describe('the code cache', () => {
  it('compiles afresh and writes the cache once, then compiles with it', () => {
    expect(load(['lib/a.js'])).toEqual({ hits: 0, misses: 2, exported: ['ab'] });
    expect(entries()).toHaveLength(2);
    for (const file of [...entries(), join(dir, 'key')]) {
      expect(lstatSync(file).mode & 0o777).toBe(0o600);
    }
    expect(load(['lib/a.js'])).toEqual({ hits: 2, misses: 0, exported: ['ab'] });
  });

  it('does not use the code of another source, even one of the same length', () => {
    load(['lib/a.js']);
    writeModules({ 'lib/b.js': "module.exports = 'c';" });
    expect(load(['lib/a.js'])).toEqual({ hits: 1, misses: 1, exported: ['ac'] });
    expect(load(['lib/a.js'])).toEqual({ hits: 2, misses: 0, exported: ['ac'] });
  });

  it('does not use an entry written under another key, though made for the same source', () => {
    const other = madePrivate(join(work, 'other', 'code-cache', 'v-test'));
    load(['lib/b.js']);
    load(['lib/b.js'], { cache: other });
    const [mine] = entries();
    const [theirs] = entries(other);
    if (mine === undefined || theirs === undefined) throw new Error('no entries');
    copyFileSync(theirs, mine);
    expect(load(['lib/b.js']).hits).toBe(0);
  });

  it('refuses an entry others may read or write', () => {
    load(['lib/b.js']);
    const [entry] = entries();
    if (entry === undefined) throw new Error('no entry');
    chmodSync(entry, 0o644);
    expect(load(['lib/b.js']).hits).toBe(0);
  });

  it('refuses a link in place of an entry, even to a private copy of its own bytes', () => {
    load(['lib/b.js']);
    const [entry] = entries();
    if (entry === undefined) throw new Error('no entry');
    const copy = join(work, 'copy');
    copyFileSync(entry, copy);
    chmodSync(copy, 0o600);
    rmSync(entry);
    symlinkSync(copy, entry);
    expect(load(['lib/b.js']).hits).toBe(0);
  });

  it.each([
    ['others may read it', (key: string) => chmodSync(key, 0o644)],
    [
      'it is a link to a private copy',
      (key: string) => {
        copyFileSync(key, join(work, 'key-copy'));
        chmodSync(join(work, 'key-copy'), 0o600);
        rmSync(key);
        symlinkSync(join(work, 'key-copy'), key);
      },
    ],
    ['it is not 32 bytes', (key: string) => writeFileSync(key, 'short')],
  ])('keeps no cache where the key is unsound: %s', (_why, spoil) => {
    load(['lib/b.js']);
    spoil(join(dir, 'key'));
    expect(runHarness(['lib/b.js'])).toEqual({ installed: false });
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot("refuses an entry that is another user's", () => {
    load(['lib/b.js']);
    const [entry] = entries();
    if (entry === undefined) throw new Error('no entry');
    chownSync(entry, 65534, 65534);
    expect(load(['lib/b.js']).hits).toBe(0);
  });

  it('keeps nothing from a run that ends with an error (exit 2)', () => {
    load(['lib/a.js'], { exitCode: 2 });
    expect(entries()).toEqual([]);
  });

  it('runs a module as node would: its #! line, require.resolve, columns on line 1', () => {
    writeModules({
      'lib/c.js': [
        '#!/usr/bin/env node',
        "module.exports = [require.resolve('./b'), typeof require.resolve.paths,",
        "  this === module.exports, __dirname, require.cache === require('module')._cache,",
        '  require.main === process.mainModule, require.main !== undefined];',
      ].join('\n'),
      'lib/e.js': "module.exports = new Error('x').stack.split('\\n')[1].trim();",
    });
    const expected = [
      [join(root, 'lib', 'b.js'), 'function', true, join(root, 'lib'), true, true, true],
      `at Object.<anonymous> (${join(root, 'lib', 'e.js')}:1:18)`,
    ];
    expect(load(['lib/c.js', 'lib/e.js'])).toEqual({ hits: 0, misses: 2, exported: expected });
    expect(load(['lib/c.js', 'lib/e.js'])).toEqual({ hits: 2, misses: 0, exported: expected });
  });

  it('leaves ES modules, modules with import() and modules outside the root to node', () => {
    writeModules({
      'node_modules/esm/package.json': '{ "type": "module", "main": "index.js" }',
      'node_modules/esm/index.js': "export const name = 'esm';",
      'node_modules/typeless/package.json': '{ "main": "index.js" }',
      'node_modules/typeless/index.js': "export const name = 'typeless';",
      'lib/esm.js': "module.exports = require('esm').name + ' ' + require('typeless').name;",
      'lib/dynamic.js': "module.exports = typeof (() => import ('./b.js'));",
    });
    writeFileSync(join(work, 'outside.js'), "module.exports = 'outside';");
    const modules = ['lib/esm.js', 'lib/dynamic.js', join('..', 'outside.js')];
    const expected = ['esm typeless', 'function', 'outside'];
    expect(load(modules)).toEqual({ hits: 0, misses: 1, exported: expected });
    expect(load(modules)).toEqual({ hits: 1, misses: 0, exported: expected });
  });
});

describe('privateDirectory', () => {
  it('makes the directory for the user alone', () => {
    const made = join(work, 'new', 'code-cache', 'v');
    expect(privateDirectory(made)).toBe(made);
    expect(lstatSync(made).mode & 0o777).toBe(0o700);
  });

  it('refuses a directory others may read or write, or whose parent they may', () => {
    chmodSync(dir, 0o755);
    expect(privateDirectory(dir)).toBeNull();
    chmodSync(dir, 0o700);
    chmodSync(join(dir, '..'), 0o755);
    expect(privateDirectory(dir)).toBeNull();
  });

  it('refuses one below a directory others may write to, unless it is sticky', () => {
    const shared = join(work, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(privateDirectory(join(shared, 'cache', 'code-cache', 'v'))).toBeNull();
    expect(existsSync(join(shared, 'cache'))).toBe(false); // nothing made where it is refused
    chmodSync(shared, 0o1777);
    expect(privateDirectory(join(shared, 'cache', 'code-cache', 'v'))).not.toBeNull();
  });

  it('refuses a link to a directory, and a relative path', () => {
    const link = join(work, 'cache', 'code-cache', 'link');
    symlinkSync(dir, link);
    expect(privateDirectory(link)).toBeNull();
    expect(privateDirectory(join('cache', 'code-cache', 'v'))).toBeNull();
  });
});

describe('codeCacheDir', () => {
  const version = `${process.version}-${process.arch}`;
  it.each([
    [{ HOME: '/home/u' }, `/home/u/.cache/vmt-oversight/code-cache/${version}`],
    [{ HOME: '/home/u', XDG_CACHE_HOME: '/x' }, `/x/vmt-oversight/code-cache/${version}`],
    [{ HOME: '/home/u', VMT_OVERSIGHT_CACHE: '/c' }, `/c/code-cache/${version}`],
    [{ HOME: '/home/u', VMT_OVERSIGHT_CACHE: 'relative' }, null],
    [{ HOME: 'relative' }, null],
    [{ HOME: '/home/u', VMT_OVERSIGHT_NO_CACHE: '1' }, null],
    [{ HOME: '/home/u', VMT_OVERSIGHT_CODE_CACHE: '0' }, null],
    [{}, null],
  ])('%j: %s', (env, expected) => {
    expect(codeCacheDir(env)).toBe(expected);
  });
});
