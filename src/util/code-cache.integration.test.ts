import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir, privateDirectory } from './code-cache';

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
  work = mkdtempSync(join(tmpdir(), 'vmt-oversight-code-cache-'));
  root = join(work, 'package');
  dir = join(work, 'cache', 'code-cache', 'v-test');
  mkdirSync(join(root, 'lib'), { recursive: true });
  writeModules({
    'lib/a.js': "module.exports = 'a' + require('./b');",
    'lib/b.js': "module.exports = 'b';",
  });
  expect(privateDirectory(dir)).toBe(true);
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

function writeModules(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
}

function load(...modules: string[]): HarnessRun {
  const result = spawnSync(process.execPath, ['-r', HOOK, HARNESS, dir, root, ...modules], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as HarnessRun;
}

function cacheFiles(): string[] {
  return readdirSync(dir).map((name) => join(dir, name));
}

describe('the code cache', () => {
  it('compiles afresh and writes the cache once, then compiles with it', () => {
    expect(load('lib/a.js')).toEqual({ hits: 0, misses: 2, exported: ['ab'] });
    const files = cacheFiles();
    expect(files).toHaveLength(2);
    for (const file of files) expect(lstatSync(file).mode & 0o777).toBe(0o600);
    expect(load('lib/a.js')).toEqual({ hits: 2, misses: 0, exported: ['ab'] });
  });

  it('does not use the code of another source, even one of the same length', () => {
    load('lib/a.js');
    writeModules({ 'lib/b.js': "module.exports = 'c';" });
    expect(load('lib/a.js')).toEqual({ hits: 1, misses: 1, exported: ['ac'] });
    expect(load('lib/a.js')).toEqual({ hits: 2, misses: 0, exported: ['ac'] });
  });

  it('refuses a cache file others may write, or a link in its place', () => {
    load('lib/a.js');
    const [first, second] = cacheFiles();
    if (first === undefined || second === undefined) throw new Error('no cache files');
    chmodSync(first, 0o666);
    rmSync(second);
    symlinkSync(first, second);
    expect(load('lib/a.js').hits).toBe(0);
  });

  it('leaves a module outside the root to node', () => {
    const outside = join(work, 'outside.js');
    writeFileSync(outside, "module.exports = 'outside';");
    expect(load(join('..', 'outside.js'))).toEqual({ hits: 0, misses: 0, exported: ['outside'] });
  });
});

describe('privateDirectory', () => {
  it('makes the directory for the user alone', () => {
    const made = join(work, 'new', 'code-cache', 'v');
    expect(privateDirectory(made)).toBe(true);
    expect(lstatSync(made).mode & 0o777).toBe(0o700);
  });

  it('refuses a directory others may write to, or whose parent they may', () => {
    chmodSync(dir, 0o777);
    expect(privateDirectory(dir)).toBe(false);
    chmodSync(dir, 0o700);
    chmodSync(join(dir, '..'), 0o777);
    expect(privateDirectory(dir)).toBe(false);
  });

  it('refuses a link to a directory', () => {
    const link = join(work, 'cache', 'code-cache', 'link');
    symlinkSync(dir, link);
    expect(privateDirectory(link)).toBe(false);
  });
});

describe('codeCacheDir', () => {
  const version = `${process.version}-${process.arch}`;
  it.each([
    [{ HOME: '/home/u' }, `/home/u/.cache/vmt-oversight/code-cache/${version}`],
    [{ HOME: '/home/u', XDG_CACHE_HOME: '/x' }, `/x/vmt-oversight/code-cache/${version}`],
    [{ HOME: '/home/u', VMT_OVERSIGHT_CACHE: '/c' }, `/c/code-cache/${version}`],
    [{ HOME: '/home/u', VMT_OVERSIGHT_NO_CACHE: '1' }, null],
    [{ HOME: '/home/u', VMT_OVERSIGHT_CODE_CACHE: '0' }, null],
    [{}, null],
  ])('%j: %s', (env, expected) => {
    expect(codeCacheDir(env)).toBe(expected);
  });
});
