import type { GitTag, ReleasesFacts } from '../../evidence/types';
import { GitHubClient } from './client';
import type { AnswerStore, StoredAnswer } from './etag-store';
import { chooseZuul, contentEntry, readMirrorFiles } from './files';
import { mirrorFacts } from './read';
import { listedRef, mapGraphqlRefs } from './refs';
import { judgeMirror, newestRecordedRelease } from './staleness';
import {
  GitHubRequestFailed,
  nextLink,
  rateOf,
  type GitHubGet,
  type GitHubReply,
  type GitHubTransport,
} from './transport';

const sha = (n: number) => n.toString(16).padStart(40, 'c');
const tag = (name: string, commit: string, date = '2024-01-01T00:00:00Z'): GitTag => ({
  name,
  commit,
  date,
  annotated: true,
  taggerDate: date,
});

function releasesWith(...versions: [string, string | null][]): ReleasesFacts {
  const ref = { source: 'releases' as const, file: 'deliverables/2024.1/x.yaml' };
  return {
    series: [],
    deliverable: 'x',
    files: [
      {
        series: '2024.1',
        team: 't',
        type: null,
        releaseModel: null,
        releaseType: null,
        launchpad: null,
        storyboard: null,
        releases: versions.map(([version, commit]) => ({ version, commit, ref })),
        branches: [],
        retired: false,
        ref,
      },
    ],
  };
}

describe('mirror staleness', () => {
  const branches = [{ name: 'master', commit: sha(5), date: '2024-03-01T00:00:00Z' }];
  const url = 'https://github.com/openstack/x';

  it.each([
    ['has the newest release at its hash', [tag('1.0', sha(1)), tag('2.0', sha(2))], true, ''],
    ['matches an abbreviated recorded hash', [tag('2.0', sha(2))], true, ''],
    [
      'lacks the newest release',
      [tag('1.0', sha(1))],
      false,
      'has no tag 2.0, which deliverables/2024.1/x.yaml records at cccccccccc',
    ],
    ['has it at another commit', [tag('2.0', sha(7))], false, 'has tag 2.0 at cccccccccc, but'],
  ])('%s', (_, tags, fresh, words) => {
    const recorded = _ === 'matches an abbreviated recorded hash' ? sha(2).slice(0, 12) : sha(2);
    const verdict = judgeMirror(
      { url, tags, branches },
      releasesWith(['1.0', sha(1)], ['2.0', recorded]),
    );
    expect(verdict.fresh).toBe(fresh);
    if (!verdict.fresh) {
      expect(verdict.reason).toContain(words);
      expect(verdict.reason).toContain('its newest commit is cccccccccc of 2024-03-01T00:00:00Z');
    }
  });

  it('has nothing to compare when the releases data records no hash', () => {
    expect(newestRecordedRelease(releasesWith(['1.0', null]))).toBeNull();
    expect(judgeMirror({ url, tags: [], branches }, releasesWith())).toEqual({
      fresh: true,
      checkedAgainst: null,
    });
  });

  it('takes the last release with a hash of the newest file', () => {
    expect(
      newestRecordedRelease(releasesWith(['1.0', sha(1)], ['2.0', sha(2)], ['3.0', null])),
    ).toMatchObject({
      version: '2.0',
      commit: sha(2),
    });
  });
});

describe('mapping GitHub answers', () => {
  it('reads matching-refs items, leaving out other kinds and refusing bad ids', () => {
    expect(
      listedRef({ ref: 'refs/tags/1.0', object: { type: 'tag', sha: sha(1) } }, 'refs/tags/'),
    ).toEqual({
      name: '1.0',
      type: 'tag',
      sha: sha(1),
    });
    expect(
      listedRef({ ref: 'refs/tags/t', object: { type: 'tree', sha: sha(1) } }, 'refs/tags/'),
    ).toBeNull();
    expect(() =>
      listedRef(
        { ref: 'refs/tags/1.0', object: { type: 'tag', sha: '--upload-pack' } },
        'refs/tags/',
      ),
    ).toThrow(/not a commit or object id/);
  });

  it('maps GraphQL pages to tags, branches and the evaluated commit', () => {
    const refs = mapGraphqlRefs([
      {
        defaultBranchRef: {
          name: 'main',
          target: {
            oid: sha(3),
            committedDate: '2024-03-01T00:00:00Z',
            history: { nodes: [{ oid: sha(2), committedDate: '2024-02-01T00:00:00Z' }] },
          },
        },
        heads: {
          pageInfo: { hasNextPage: false },
          nodes: [{ name: 'main', target: { oid: sha(3), committedDate: '2024-03-01T00:00:00Z' } }],
        },
        tags: {
          pageInfo: { hasNextPage: false },
          nodes: [
            {
              name: 'b',
              target: { __typename: 'Commit', oid: sha(2), committedDate: '2024-02-01T00:00:00Z' },
            },
            {
              name: 'a',
              target: {
                __typename: 'Tag',
                oid: sha(9),
                tagger: { date: '2024-02-02T00:00:00Z' },
                target: { __typename: 'Commit', oid: sha(2) },
              },
            },
            {
              name: 'of-a-tree',
              target: {
                __typename: 'Tag',
                oid: sha(8),
                tagger: { date: '2024-02-02T00:00:00Z' },
                target: { __typename: 'Tree', oid: sha(7) },
              },
            },
          ],
        },
      },
    ]);
    expect(refs.defaultBranch).toBe('main');
    expect(refs.evaluated).toEqual({ commit: sha(2), date: '2024-02-01T00:00:00Z' });
    expect(refs.tags).toEqual([
      {
        name: 'a',
        commit: sha(2),
        date: '2024-02-02T00:00:00Z',
        annotated: true,
        taggerDate: '2024-02-02T00:00:00Z',
      },
      {
        name: 'b',
        commit: sha(2),
        date: '2024-02-01T00:00:00Z',
        annotated: false,
        taggerDate: null,
      },
    ]);
  });

  it('chooses the Zuul location as the local reader does, and refuses climbing names', () => {
    const entries = [
      { path: 'zuul.yaml', type: 'file' as const, size: 0 },
      { path: '.zuul.yaml', type: 'file' as const, size: 10 },
      { path: 'zuul.d/a.yaml', type: 'file' as const, size: 5 },
      { path: 'zuul.d/notes.txt', type: 'file' as const, size: 5 },
    ];
    expect(chooseZuul(entries)).toEqual({
      location: 'zuul.d',
      files: ['zuul.d/a.yaml'],
      refused: null,
    });
    expect(chooseZuul(entries.slice(0, 2))?.location).toBe('.zuul.yaml');
    expect(() => contentEntry({ name: '..', type: 'dir', size: 0 }, '')).toThrow();
    expect(contentEntry({ name: 'x.yaml', type: 'symlink', size: 3 }, 'zuul.d')).toEqual({
      path: 'zuul.d/x.yaml',
      type: 'other',
      size: 3,
    });
  });

  it('takes a file listed without a numeric size as present and unreadable, never as empty', async () => {
    const listed = [
      contentEntry({ name: 'zuul.yaml', type: 'file' }, ''),
      contentEntry({ name: '.zuul.yaml', type: 'file', size: 10 }, ''),
    ];
    expect(listed[0]?.unreadable).toBe('GitHub lists it without a size');
    expect(chooseZuul(listed)?.location).toBe('zuul.yaml');
    const root = '/repos/openstack/x/contents/?ref=' + sha(1);
    const transport = tableTransport({
      [root]: [
        { name: 'zuul.yaml', type: 'file', size: '12' },
        { name: '.zuul.yaml', type: 'file', size: 10 },
      ],
    });
    const client = new GitHubClient({
      api: 'https://api.example.test',
      store: memoryStore(),
      transport: () => Promise.resolve(transport),
    });
    const tree = await readMirrorFiles(client, 'openstack/x', sha(1));
    expect(tree.zuul?.location).toBe('zuul.yaml');
    expect(tree.unreadable.get('zuul.yaml')).toBe('GitHub lists it without a size');
    expect(tree.blobs.size).toBe(0);
  });

  it('maps a reading to RepositoryFacts: tags by then, later branches undated, GitHub cited', () => {
    const facts = mirrorFacts({
      repository: 'openstack/x',
      url: 'https://github.com/openstack/x',
      asOf: '2024-02-15',
      refs: {
        defaultBranch: 'master',
        tags: [
          tag('1.0', sha(1), '2024-01-01T00:00:00Z'),
          tag('2.0', sha(2), '2024-03-01T00:00:00Z'),
        ],
        branches: [
          { name: 'master', commit: sha(3), date: '2024-03-01T00:00:00Z' },
          { name: 'stable/a', commit: sha(4), date: '2024-01-05T00:00:00Z' },
          { name: 'stable/b', commit: sha(5), date: '2024-03-05T00:00:00Z' },
        ],
        evaluated: { commit: sha(1), date: '2024-01-01T00:00:00Z' },
      },
      tree: {
        zuul: { location: '.zuul.yaml', files: ['.zuul.yaml'], refused: null },
        blobs: new Map([['.zuul.yaml', Buffer.from('- project:\n    templates: [t]\n')]]),
        unreadable: new Map(),
      },
      checkedAgainst: null,
    });
    expect(facts.tags.map((t) => t.name)).toEqual(['1.0']);
    expect(facts.branches).toEqual([
      { name: 'master', commit: sha(1), date: '2024-01-01T00:00:00Z' },
      { name: 'stable/a', commit: sha(4), date: '2024-01-05T00:00:00Z' },
    ]);
    expect(facts.undatedBranches?.map((b) => b.name)).toEqual(['stable/b']);
    expect(facts.zuul?.projects[0]?.templates).toEqual(['t']);
    expect(facts.zuul?.projects[0]?.ref).toMatchObject({
      source: 'github',
      file: '.zuul.yaml',
      commit: sha(1),
    });
    expect(facts.mirror?.newestCommit).toEqual({ commit: sha(5), date: '2024-03-05T00:00:00Z' });
    // No release recorded for it: the mirror is unchecked, and its record says so.
    expect(facts.mirror?.unchecked).toBe(
      'the releases data records no release with a commit for openstack/x, so the mirror could ' +
        'not be checked against it',
    );
  });

  it('reads Link and rate limit headers', () => {
    expect(nextLink('<https://x/a?page=2>; rel="next", <https://x/a?page=5>; rel="last"')).toBe(
      'https://x/a?page=2',
    );
    expect(nextLink('<https://x/a?page=1>; rel="prev"')).toBeNull();
    expect(
      rateOf({
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1700000000',
      }),
    ).toEqual({
      limit: 60,
      remaining: 0,
      resetAt: '2023-11-14T22:13:20.000Z',
    });
  });
});

/** An in-memory transport: answers from a table, 304 when the ETag matches. */
function tableTransport(table: Record<string, unknown>): GitHubTransport & { asked: GitHubGet[] } {
  const asked: GitHubGet[] = [];
  return {
    asked,
    counts: { requests: 0, notModified: 0 },
    get(request): Promise<GitHubReply> {
      asked.push(request);
      const rate = { limit: 60, remaining: 59, resetAt: '2030-01-01T00:00:00.000Z' };
      if (!(request.url in table)) return Promise.resolve({ status: 'not-found', rate });
      if (request.etag === `"${request.url}"`)
        return Promise.resolve({ status: 'not-modified', rate });
      return Promise.resolve({
        status: 'ok',
        body: table[request.url],
        etag: `"${request.url}"`,
        next: null,
        rate,
      });
    },
    graphql: () => Promise.reject(new Error('no GraphQL here')),
  };
}

function memoryStore(): AnswerStore {
  const map = new Map<string, StoredAnswer>();
  return {
    read: (key) => Promise.resolve(map.get(key) ?? null),
    write: (key, answer) => Promise.resolve(void map.set(key, answer)),
  };
}

describe('the GitHub client', () => {
  it('revalidates what may change, never asks again what is asked by SHA, and checks its budget', async () => {
    const transport = tableTransport({ '/a': [1], '/t': { x: 1 } });
    const client = new GitHubClient({
      api: 'api',
      store: memoryStore(),
      transport: () => Promise.resolve(transport),
    });
    expect(await client.all('/a')).toEqual([1]);
    expect(await client.all('/a')).toEqual([1]);
    expect(await client.json('/t', true)).toEqual({ x: 1 });
    expect(await client.json('/t', true)).toEqual({ x: 1 });
    expect(await client.json('/missing')).toBeNull();
    expect(transport.asked.map((a) => `${a.url} ${a.etag ?? '-'}`)).toEqual([
      '/a -',
      '/a "/a"',
      '/t -',
      '/missing -',
    ]);
    expect(() => client.requireBudget(59, 'x')).not.toThrow();
    expect(() => client.requireBudget(60, 'reading x')).toThrow(
      /reading x needs 60 GitHub requests and 59 of 60 remain; the rate limit resets at 2030/,
    );
  });

  it('offline, never makes its transport', async () => {
    let made = false;
    const client = new GitHubClient({
      api: 'api',
      offline: '--offline',
      store: memoryStore(),
      transport: () => {
        made = true;
        return Promise.resolve(tableTransport({}));
      },
    });
    await expect(client.json('/a')).rejects.toThrow(/offline \(--offline\), no request was made/);
    expect(made).toBe(false);
  });
});

/** A transport of pages: each URL answers its items and its `next`, or 404 when absent. */
function pagedTransport(
  pages: Record<string, { items: unknown[]; next: string | null }>,
): GitHubTransport & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    counts: { requests: 0, notModified: 0 },
    get(request): Promise<GitHubReply> {
      asked.push(request.url);
      const page = pages[request.url];
      if (!page) return Promise.resolve({ status: 'not-found', rate: null });
      return Promise.resolve({
        status: 'ok',
        body: page.items,
        etag: null,
        next: page.next,
        rate: null,
      });
    },
    graphql: () => Promise.reject(new Error('no GraphQL here')),
  };
}

describe('paged GitHub listings', () => {
  const api = 'https://api.example.test';
  const client = (transport: GitHubTransport) =>
    new GitHubClient({ api, store: memoryStore(), transport: () => Promise.resolve(transport) });

  it('follows next pages of the same origin', async () => {
    const transport = pagedTransport({
      '/refs': { items: [1], next: `${api}/refs?page=2` },
      [`${api}/refs?page=2`]: { items: [2], next: null },
    });
    expect(await client(transport).all('/refs')).toEqual([1, 2]);
  });

  it('is null when the first page is not found', async () => {
    expect(await client(pagedTransport({})).all('/refs')).toBeNull();
  });

  it.each([
    ['another host', 'https://elsewhere.example/refs?page=2'],
    ['another scheme', 'http://api.example.test/refs?page=2'],
    ['another port', 'https://api.example.test:8443/refs?page=2'],
    ['a scheme-relative link', '//elsewhere.example/refs?page=2'],
  ])('refuses a next page on %s, never asking it', async (_, next) => {
    const transport = pagedTransport({ '/refs': { items: [1], next } });
    await expect(client(transport).all('/refs')).rejects.toThrow(
      /points outside https:\/\/api\.example\.test, refused/,
    );
    expect(transport.asked).toEqual(['/refs']);
  });

  it('fails, rather than returning a partial list, when a later page is not found', async () => {
    const transport = pagedTransport({
      '/refs': { items: [1], next: `${api}/refs?page=2` },
    });
    await expect(client(transport).all('/refs')).rejects.toThrow(GitHubRequestFailed);
    await expect(client(transport).all('/refs')).rejects.toThrow(
      /page 2 of \/refs was not found: the listing is incomplete/,
    );
  });
});
