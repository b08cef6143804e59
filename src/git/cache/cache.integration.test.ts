import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempRepo } from '../../../test/helpers/temp-git';
import { startGitHttpServer, type GitHttpServer } from '../../../test/helpers/git-http-server';
import { readObjects } from '../cat-file';
import { createGit } from '../run';
import { parseBaseUrl } from './base-url';
import { CacheUnavailableError } from './errors';
import { createGitCache, type GitCacheOptions } from './store';

let serveRoot: string;
let cacheDir: string;
let servers: GitHttpServer[] = [];

function makeUpstream(name: string): void {
  const work = createTempRepo();
  work.write('tox.ini', '[testenv]\ncommands = stestr run\n');
  work.write('zuul.d/project.yaml', '- project:\n    check:\n      jobs: [tox-py3]\n');
  work.write('src/big.txt', 'not needed\n');
  work.commit('first', '2024-01-10T10:00:00Z');
  work.tag('1.0.0', '2024-01-11T10:00:00Z');
  work.write('tox.ini', '[testenv]\ncommands = stestr run --slowest\n');
  work.commit('second', '2024-06-01T10:00:00Z');
  work.git('clone', '--quiet', '--bare', work.dir, join(serveRoot, name));
  work.cleanup();
}

async function serve(
  repositories: string[],
  extra: Partial<Parameters<typeof startGitHttpServer>[0]> = {},
) {
  const server = await startGitHttpServer({ root: serveRoot, repositories, ...extra });
  servers.push(server);
  return server;
}

function cache(server: GitHttpServer, more: Partial<GitCacheOptions> = {}) {
  return createGitCache({
    dir: cacheDir,
    base: parseBaseUrl(server.url),
    mode: 'fetch',
    retries: 0,
    ...more,
  });
}

const CANDIDATE_FILES = { before: '2024-03-01T23:59:59Z', paths: ['tox.ini', 'zuul.d/'] };

beforeEach(() => {
  serveRoot = mkdtempSync(join(tmpdir(), 'vmt-serve-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'vmt-cache-'));
  makeUpstream('openstack/nova');
});

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  rmSync(serveRoot, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

test('a cold run clones a tree:0 partial clone with tags and fetches only the files asked for', async () => {
  const server = await serve(['openstack/nova']);
  const repo = await cache(server).open('openstack/nova', CANDIDATE_FILES);
  expect(repo.action).toBe('cloned');
  const git = createGit(repo.gitDir);
  expect((await git.run(['config', 'remote.origin.partialclonefilter'])).toString().trim()).toBe(
    'tree:0',
  );
  expect((await git.run(['tag', '--list'])).toString().trim()).toBe('1.0.0');
  const first = (await git.run(['rev-list', '-1', '--before=2024-03-01', 'HEAD']))
    .toString()
    .trim();
  const objects = await readObjects(git, [`${first}:tox.ini`, `${first}:zuul.d/project.yaml`]);
  expect(objects.get(`${first}:tox.ini`)?.content.toString()).toContain('stestr run\n');
  expect(objects.get(`${first}:zuul.d/project.yaml`)?.type).toBe('blob');
  // Not asked for, so not fetched (and not fetchable: reads never reach the network).
  await expect(readObjects(git, [`${first}:src/big.txt`])).rejects.toThrow(
    /transport 'http' not allowed/,
  );
  // three git processes: the clone (ls-refs, then fetch), the trees, both blobs in one batch
  expect(server.requests.filter((r) => r.service === 'info/refs')).toHaveLength(3);
  expect(server.uploads('openstack/nova')).toBe(4);
  server.verify();
});

test('a second run makes no clone and one fetch; files already present cost nothing', async () => {
  const server = await serve(['openstack/nova']);
  await cache(server).open('openstack/nova', CANDIDATE_FILES);
  const before = server.requests.length;
  const second = cache(server);
  const repo = await second.open('openstack/nova', CANDIDATE_FILES);
  await second.open('openstack/nova', CANDIDATE_FILES);
  expect(repo.action).toBe('fetched');
  const later = server.requests.slice(before);
  expect(later.filter((r) => r.service === 'git-upload-pack')).toHaveLength(1);
  expect(later.filter((r) => r.service === 'info/refs')).toHaveLength(1);
  server.verify();
});

test('--offline makes no request, and says what is not cached', async () => {
  const server = await serve(['openstack/nova']);
  await cache(server).open('openstack/nova', CANDIDATE_FILES);
  const before = server.requests.length;
  const offline = cache(server, { mode: 'offline' });
  const repo = await offline.open('openstack/nova', CANDIDATE_FILES);
  expect(repo.action).toBe('cached');
  expect(repo.fetchedAt).not.toBeNull();
  await expect(
    offline.open('openstack/nova', { before: '2024-12-31T23:59:59Z', paths: ['tox.ini'] }),
  ).rejects.toMatchObject({ kind: 'offline' });
  await expect(offline.open('openstack/glance')).rejects.toMatchObject({ kind: 'offline' });
  expect(server.requests.length).toBe(before);
  server.verify();
});

test('--no-fetch uses what is cached and calls a missing repository unavailable', async () => {
  const server = await serve(['openstack/nova']);
  await expect(cache(server, { mode: 'no-fetch' }).open('openstack/nova')).rejects.toMatchObject({
    kind: 'no-fetch',
  });
  expect(server.requests).toHaveLength(0);
});

test('a repository the server does not have is unavailable: not found', async () => {
  const server = await serve(['openstack/nova']);
  const error = await cache(server)
    .open('openstack/glance')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CacheUnavailableError);
  expect(error).toMatchObject({ kind: 'not-found' });
  expect(server.unexpected).toEqual(['GET /openstack/glance/info/refs?service=git-upload-pack']);
});

test('two runs sharing the cache at once are safe: one clones, the other waits and fetches', async () => {
  const server = await serve(['openstack/nova']);
  const [a, b] = await Promise.all([
    cache(server).open('openstack/nova', CANDIDATE_FILES),
    cache(server).open('openstack/nova', CANDIDATE_FILES),
  ]);
  expect([a.action, b.action].sort()).toEqual(['cloned', 'fetched']);
  const git = createGit(a.gitDir);
  await git.run(['fsck', '--connectivity-only', '--no-dangling']);
  server.verify();
});

test('a stale lock (its process is gone) is taken over', async () => {
  const server = await serve(['openstack/nova']);
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { hostname } = await import('node:os');
  const key = (await import('./base-url')).baseUrlKey(parseBaseUrl(server.url));
  const dir = join(cacheDir, 'git', key, 'openstack');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(dir, 'nova.git.lock'),
    JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), started: Date.now() }),
  );
  const repo = await cache(server, { lock: { waitMs: 2000, staleMs: 60000 } }).open(
    'openstack/nova',
  );
  expect(repo.action).toBe('cloned');
});

test('a hostile server is bounded: silence times out, garbage refs fail, a huge answer is cut', async () => {
  const big = createTempRepo();
  big.write('blob.bin', randomBytes(6 * 1024 * 1024));
  big.commit('big', '2024-01-01T00:00:00Z');
  big.git('clone', '--quiet', '--bare', big.dir, join(serveRoot, 'openstack/big'));
  big.cleanup();
  const server = await serve(['openstack/silent', 'openstack/garbage', 'openstack/big'], {
    hostile: { 'openstack/silent': 'silent', 'openstack/garbage': 'bad-refs' },
  });
  const limits = { totalMs: 20000, idleMs: 1500, maxBytes: 1024 * 1024 };
  const bounded = cache(server, { limits });
  const started = Date.now();
  await expect(bounded.open('openstack/silent')).rejects.toMatchObject({ kind: 'timeout' });
  expect(Date.now() - started).toBeLessThan(10000);
  const garbage = await bounded.open('openstack/garbage').catch((e: unknown) => e);
  expect(garbage).toBeInstanceOf(CacheUnavailableError);
  await expect(
    bounded.open('openstack/big', { before: '2024-12-31T23:59:59Z', paths: [] }),
  ).rejects.toMatchObject({ kind: 'too-large', message: expect.stringContaining('cap') });
  server.verify();
});

test('a fetch over the cap into a cached repository leaves nothing of it: the repository is removed', async () => {
  const work = createTempRepo();
  work.write('tox.ini', '[testenv]\n');
  work.commit('small', '2024-01-01T00:00:00Z');
  const served = join(serveRoot, 'openstack/grows');
  work.git('clone', '--quiet', '--bare', work.dir, served);
  const server = await serve(['openstack/grows']);
  const limits = { totalMs: 20000, idleMs: 5000, maxBytes: 1024 * 1024 };
  const first = await cache(server, { limits }).open('openstack/grows');
  expect(first.action).toBe('cloned');
  // Commits travel even with --filter=tree:0: one whose message is 2 MiB of noise is over the cap.
  const message = join(cacheDir, 'message.txt');
  writeFileSync(message, randomBytes(2 * 1024 * 1024).toString('base64'));
  work.git('commit', '--quiet', '--allow-empty', '-F', message);
  work.git('push', '--quiet', served, 'master');
  work.cleanup();
  const log: string[] = [];
  await expect(
    cache(server, { limits, events: { log: (line) => log.push(line) } }).open('openstack/grows'),
  ).rejects.toMatchObject({ kind: 'too-large' });
  expect(existsSync(first.gitDir)).toBe(false);
  expect(log).toContain('removed openstack/grows from the cache: its fetch outgrew the size cap');
  // Nothing of it is used afterwards: offline, it is simply not in the cache.
  await expect(
    cache(server, { limits, mode: 'offline' }).open('openstack/grows'),
  ).rejects.toMatchObject({ kind: 'offline' });
  server.verify();
});

test('a refused fetch of files (over the cap) keeps none of the packs it brought', async () => {
  const big = createTempRepo();
  big.write('tox.ini', randomBytes(3 * 1024 * 1024).toString('base64'));
  big.commit('big', '2024-01-01T00:00:00Z');
  big.git('clone', '--quiet', '--bare', big.dir, join(serveRoot, 'openstack/bigfile'));
  big.cleanup();
  const server = await serve(['openstack/bigfile']);
  const limits = { totalMs: 20000, idleMs: 5000, maxBytes: 1024 * 1024 };
  const repo = await cache(server, { limits }).open('openstack/bigfile');
  const packDir = join(repo.gitDir, 'objects', 'pack');
  const bytes = () =>
    readdirSync(packDir).reduce((sum, name) => sum + statSync(join(packDir, name)).size, 0);
  expect(bytes()).toBeLessThan(64 * 1024);
  await expect(
    cache(server, { limits }).open('openstack/bigfile', {
      before: '2024-12-31T23:59:59Z',
      paths: ['tox.ini'],
    }),
  ).rejects.toMatchObject({ kind: 'too-large' });
  // The trees (fetched first, small) may stay; the 4 MiB blob and git's temporary files do not.
  expect(bytes()).toBeLessThan(64 * 1024);
  expect(readdirSync(packDir).filter((name) => name.startsWith('tmp_'))).toEqual([]);
  server.verify();
});
