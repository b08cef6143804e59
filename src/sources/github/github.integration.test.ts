import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evidence, ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeRepo,
} from '../../../test/helpers/github-server';
import type { GitHubReadRequest } from '../../../test/helpers/github-read';

const HOOK = join(__dirname, '../../../test/helpers/transpile-hook.js');
const SCRIPT = join(__dirname, '../../../test/helpers/github-read.ts');
const sha = (n: number) => n.toString(16).padStart(40, 'a');

const REPO: FakeRepo = {
  defaultBranch: 'master',
  commits: [
    { sha: sha(3), date: '2024-03-01T10:00:00Z' },
    { sha: sha(2), date: '2024-02-01T10:00:00Z' },
    { sha: sha(1), date: '2023-06-01T10:00:00Z' },
  ],
  branches: [
    { name: 'master', commit: sha(3) },
    { name: 'stable/2023.2', commit: sha(1) },
  ],
  tags: [
    { name: '1.0.0', commit: sha(1), date: '2023-06-02T00:00:00Z', object: sha(101) },
    { name: '2.0.0', commit: sha(2), date: '2024-02-02T00:00:00Z', object: sha(102) },
    { name: 'light', commit: sha(2), date: '2024-02-01T10:00:00Z' },
  ],
  files: {
    'tox.ini': '[tox]\nenvlist = py3,pep8\n[testenv]\ncommands = stestr run\n',
    'zuul.d/project.yaml': '- project:\n    check:\n      jobs:\n        - openstack-tox-py3\n',
    'README.rst': 'sushy\n',
  },
};

function releases(version: string, commit: string): Evidence<ReleasesFacts> {
  const ref = { source: 'releases' as const, file: 'deliverables/2024.1/sushy.yaml' };
  return {
    status: 'available',
    value: {
      series: [],
      deliverable: 'sushy',
      files: [
        {
          series: '2024.1',
          team: 'ironic',
          type: 'library',
          releaseModel: 'cycle-with-intermediary',
          releaseType: null,
          launchpad: 'sushy',
          storyboard: null,
          releases: [{ version, commit, ref }],
          branches: [],
          retired: false,
          ref,
        },
      ],
    },
  };
}

interface Result {
  facts?: RepositoryFacts;
  unavailable?: string;
  stderr: string;
}

function read(request: Omit<GitHubReadRequest, 'repository'>): Promise<Result> {
  const full = { repository: 'openstack/sushy', ...request };
  const child = spawn(process.execPath, ['-r', HOOK, SCRIPT, JSON.stringify(full)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`github-read exited ${code}: ${stderr}`));
      else resolve({ ...(JSON.parse(stdout) as object), stderr });
    });
  });
}

describe('the GitHub mirror through Octokit, against a local GitHub', () => {
  let server: FakeGitHub;
  let cacheDir: string;
  beforeEach(async () => {
    server = await startFakeGitHub({ 'openstack/sushy': REPO });
    cacheDir = mkdtempSync(join(tmpdir(), 'vmt-github-'));
  });
  afterEach(async () => {
    server.verify();
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });
  const fresh = releases('2.0.0', sha(2));

  it('reads refs with dates, the commit as of the date and its files, citing GitHub; a warm read is answered by 304s', async () => {
    const cold = await read({ api: server.api, asOf: '2024-02-15', cacheDir, releases: fresh });
    expect(cold.unavailable).toBeUndefined();
    const facts = cold.facts as RepositoryFacts;
    expect(facts.evaluated).toEqual({
      commit: sha(2),
      date: '2024-02-01T10:00:00Z',
      branch: 'master',
    });
    expect(facts.tags.map((t) => [t.name, t.commit, t.annotated, t.date])).toEqual([
      ['1.0.0', sha(1), true, '2023-06-02T00:00:00Z'],
      ['2.0.0', sha(2), true, '2024-02-02T00:00:00Z'],
      ['light', sha(2), false, '2024-02-01T10:00:00Z'],
    ]);
    expect(facts.branches.map((b) => b.name)).toEqual(['master', 'stable/2023.2']);
    expect(facts.zuul?.location).toBe('zuul.d');
    expect(facts.zuul?.projects[0]?.ref.source).toBe('github');
    expect(facts.zuul?.projects[0]?.pipelines.check?.[0]?.name).toBe('openstack-tox-py3');
    expect(facts.testEntryPoints[0]).toMatchObject({ kind: 'tox', targets: ['py3', 'pep8'] });
    expect(facts.mirror).toMatchObject({
      source: 'github',
      url: 'https://github.com/openstack/sushy',
    });
    // Link pagination: three tags at two a page
    expect(server.requests).toContain(
      'GET /repos/openstack/sushy/git/matching-refs/tags?per_page=100&page=2 200',
    );
    expect(cold.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/repos\/openstack\/sushy → 200/);
    const coldCount = server.requests.length;
    // repo, 2 tag pages, heads, 2 tag objects, 3 commits, commits?until, 2 listings, 2 files
    expect(coldCount).toBe(14);
    const spent = 60 - server.rate.remaining;
    expect(spent).toBe(coldCount);

    const warm = await read({ api: server.api, asOf: '2024-02-15', cacheDir, releases: fresh });
    expect(warm.facts).toEqual(facts);
    const again = server.requests.slice(coldCount);
    // only what can change is asked again (the repository and the ref pages), each a 304
    expect(again.length).toBe(4);
    expect(again.every((line) => line.endsWith(' 304'))).toBe(true);
    expect(60 - server.rate.remaining).toBe(spent);
  });

  it('with a token, reads every tag in one GraphQL query', async () => {
    const result = await read({
      api: server.api,
      asOf: '2024-02-15',
      cacheDir,
      releases: fresh,
      token: 'secret-token',
    });
    expect(result.facts?.tags.map((t) => t.name)).toEqual(['1.0.0', '2.0.0', 'light']);
    expect(result.facts?.evaluated.commit).toBe(sha(2));
    expect(server.requests.filter((r) => r.startsWith('POST /graphql'))).toHaveLength(1);
    expect(server.requests.some((r) => r.includes('matching-refs'))).toBe(false);
    expect(result.stderr).not.toContain('secret-token');
  });

  it('is unavailable with the reset time when the budget cannot pay for the tags', async () => {
    server.rate.remaining = 5;
    const result = await read({ api: server.api, asOf: '2024-02-15', cacheDir, releases: fresh });
    expect(result.facts).toBeUndefined();
    expect(result.unavailable).toMatch(
      /needs \d+ GitHub requests and \d of 60 remain; the rate limit resets at 2030-03-17T17:46:40.000Z/,
    );
  });

  it('is unavailable with the reset time on a 403 at zero remaining', async () => {
    server.rate.remaining = 0;
    const result = await read({ api: server.api, asOf: '2024-02-15', cacheDir, releases: fresh });
    expect(result.unavailable).toMatch(
      /rate limit is spent .*HTTP 403.*resets at 2030-03-17T17:46:40.000Z/,
    );
    expect(server.requests).toEqual(['GET /repos/openstack/sushy 403']);
  });

  it('refuses a mirror that lacks the newest release the releases data records, naming its date', async () => {
    const result = await read({
      api: server.api,
      asOf: '2024-03-15',
      cacheDir,
      releases: releases('3.0.0', sha(9)),
    });
    expect(result.facts).toBeUndefined();
    expect(result.unavailable).toContain('is stale: it has no tag 3.0.0');
    expect(result.unavailable).toContain('its newest commit is aaaaaaaaaa of 2024-03-01T10:00:00Z');
  });

  it('never follows a next page to another origin, so the token cannot leave', async () => {
    const elsewhere = await startFakeGitHub({});
    const leaky = await startFakeGitHub({ 'openstack/sushy': REPO }, { nextOrigin: elsewhere.api });
    try {
      const result = await read({ api: leaky.api, asOf: '2024-02-15', cacheDir, releases: fresh });
      expect(result.facts).toBeUndefined();
      expect(result.unavailable).toMatch(/points outside http:\/\/127\.0\.0\.1:\d+, refused/);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await leaky.close();
      await elsewhere.close();
    }
  });

  it('makes no request offline', async () => {
    const result = await read({
      api: server.api,
      asOf: '2024-02-15',
      cacheDir,
      releases: fresh,
      offline: true,
    });
    expect(result.unavailable).toMatch(/offline \(--offline\), no request was made/);
    expect(server.requests).toEqual([]);
  });
});
