/**
 * A local GitHub API for tests: REST (repos, git/matching-refs paged by `Link`, git/tags,
 * git/commits, commits?until, contents as listings or raw), ETag/304 (a 304 costs no quota),
 * x-ratelimit-* headers with a 403 at zero, and POST /graphql for the refs query. It answers only
 * what the repositories it was given hold; anything else is a 500 and makes `verify()` throw.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTag {
  name: string;
  /** The commit it peels to. */
  commit: string;
  date: string;
  /** The SHA of its tag object when annotated. */
  object?: string;
}

export interface FakeRepo {
  defaultBranch: string;
  /** Commits by SHA with their dates, newest first on the default branch. */
  commits: { sha: string; date: string }[];
  branches: { name: string; commit: string }[];
  tags: FakeTag[];
  /** Files at every commit, by path. */
  files: Record<string, string>;
}

export interface FakeGitHub {
  api: string;
  /** `METHOD path?query status` of every request. */
  requests: string[];
  rate: { limit: number; remaining: number; reset: number };
  verify(): void;
  close(): Promise<void>;
}

const PAGE = 2;

export interface FakeGitHubOptions {
  /** The origin the `Link: rel="next"` URLs point to (default: this server's own). */
  nextOrigin?: string;
}

export async function startFakeGitHub(
  repos: Record<string, FakeRepo>,
  options: FakeGitHubOptions = {},
): Promise<FakeGitHub> {
  const requests: string[] = [];
  const unexpected: string[] = [];
  const rate = { limit: 60, remaining: 60, reset: 1_900_000_000 };
  let api = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const answer = route(req, url, body);
      if (!answer) {
        unexpected.push(`${req.method} ${url.pathname}${url.search}`);
        requests.push(`${req.method} ${url.pathname}${url.search} 500`);
        res.writeHead(500).end('unexpected');
        return;
      }
      const status = send(req, res, answer);
      requests.push(`${req.method} ${url.pathname}${url.search} ${status}`);
    });
  });

  type Answer = { json?: unknown; raw?: string; status?: number; link?: string };

  function send(req: IncomingMessage, res: ServerResponse, answer: Answer): number {
    const limits = () => ({
      'x-ratelimit-limit': String(rate.limit),
      'x-ratelimit-remaining': String(rate.remaining),
      'x-ratelimit-reset': String(rate.reset),
    });
    const text = answer.raw ?? JSON.stringify(answer.json);
    const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    if (req.method === 'GET' && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, ...limits() }).end();
      return 304;
    }
    if (rate.remaining <= 0) {
      res.writeHead(403, { 'content-type': 'application/json', ...limits() });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
      return 403;
    }
    rate.remaining--;
    const status = answer.status ?? 200;
    res.writeHead(status, {
      'content-type': answer.raw !== undefined ? 'text/plain; charset=utf-8' : 'application/json',
      etag,
      ...(answer.link ? { link: answer.link } : {}),
      ...limits(),
    });
    res.end(text);
    return status;
  }

  function route(req: IncomingMessage, url: URL, body: string): Answer | null {
    if (req.method === 'POST' && url.pathname === '/graphql') return graphql(req, body);
    if (req.method !== 'GET') return null;
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const repo = match ? repos[`${match[1]}/${match[2]}`] : undefined;
    if (!match || !repo) return null;
    const rest = match[3] ?? '';
    const commit = (sha: string) => repo.commits.find((c) => c.sha === sha);
    if (rest === '') return { json: { default_branch: repo.defaultBranch, archived: false } };
    const refs = /^\/git\/matching-refs\/(tags|heads)$/.exec(rest);
    if (refs) {
      const all =
        refs[1] === 'tags'
          ? repo.tags.map((t) => ({
              ref: `refs/tags/${t.name}`,
              object: t.object ? { type: 'tag', sha: t.object } : { type: 'commit', sha: t.commit },
            }))
          : repo.branches.map((b) => ({
              ref: `refs/heads/${b.name}`,
              object: { type: 'commit', sha: b.commit },
            }));
      const page = Number(url.searchParams.get('page') ?? 1);
      const items = all.slice((page - 1) * PAGE, page * PAGE);
      const more = page * PAGE < all.length;
      const next = `${options.nextOrigin ?? api}${url.pathname}?per_page=100&page=${page + 1}`;
      return {
        json: items,
        ...(more ? { link: `<${next}>; rel="next", <${next}>; rel="last"` } : {}),
      };
    }
    const tag = /^\/git\/tags\/([0-9a-f]{40})$/.exec(rest);
    if (tag) {
      const found = repo.tags.find((t) => t.object === tag[1]);
      if (!found) return null;
      return {
        json: {
          tag: found.name,
          sha: found.object,
          tagger: { name: 'Release', email: 'r@example.org', date: found.date },
          object: { type: 'commit', sha: found.commit },
        },
      };
    }
    const gitCommit = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest);
    if (gitCommit) {
      const found = commit(gitCommit[1] as string);
      return found ? { json: { sha: found.sha, committer: { date: found.date } } } : null;
    }
    if (rest === '/commits') {
      const until = Date.parse(url.searchParams.get('until') ?? '');
      const list = repo.commits.filter((c) => Date.parse(c.date) <= until).slice(0, 1);
      return { json: list.map((c) => ({ sha: c.sha, commit: { committer: { date: c.date } } })) };
    }
    const contents = /^\/contents\/?(.*)$/.exec(rest);
    if (contents && url.searchParams.get('ref')) {
      const path = decodeURIComponent(contents[1] ?? '');
      if (repo.files[path] !== undefined) {
        if (!String(req.headers.accept).includes('raw')) return null;
        return { raw: repo.files[path] };
      }
      const prefix = path === '' ? '' : `${path}/`;
      const names = new Map<string, { type: string; size: number }>();
      for (const [file, text] of Object.entries(repo.files)) {
        if (!file.startsWith(prefix)) continue;
        const [first = '', ...deeper] = file.slice(prefix.length).split('/');
        names.set(
          first,
          deeper.length > 0 ? { type: 'dir', size: 0 } : { type: 'file', size: text.length },
        );
      }
      if (names.size === 0) return { status: 404, json: { message: 'Not Found' } };
      return { json: [...names].map(([name, e]) => ({ name, path: `${prefix}${name}`, ...e })) };
    }
    return null;
  }

  function graphql(req: IncomingMessage, body: string): Answer | null {
    if (!String(req.headers.authorization ?? '').startsWith('token ')) return null;
    const { variables } = JSON.parse(body) as {
      variables: { owner: string; name: string; until: string };
    };
    const repo = repos[`${variables.owner}/${variables.name}`];
    if (!repo) return null;
    const date = (sha: string) => repo.commits.find((c) => c.sha === sha)?.date;
    const tip = repo.branches.find((b) => b.name === repo.defaultBranch);
    const until = Date.parse(variables.until);
    const history = repo.commits.filter((c) => Date.parse(c.date) <= until).slice(0, 1);
    return {
      json: {
        data: {
          repository: {
            defaultBranchRef: {
              name: repo.defaultBranch,
              target: {
                oid: tip?.commit,
                committedDate: tip && date(tip.commit),
                history: { nodes: history.map((c) => ({ oid: c.sha, committedDate: c.date })) },
              },
            },
            heads: {
              pageInfo: { hasNextPage: false },
              nodes: repo.branches.map((b) => ({
                name: b.name,
                target: { oid: b.commit, committedDate: date(b.commit) },
              })),
            },
            tags: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: repo.tags.map((t) => ({
                name: t.name,
                target: t.object
                  ? {
                      __typename: 'Tag',
                      oid: t.object,
                      tagger: { date: t.date },
                      target: { __typename: 'Commit', oid: t.commit },
                    }
                  : { __typename: 'Commit', oid: t.commit, committedDate: date(t.commit) },
              })),
            },
          },
        },
      },
    };
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    requests,
    rate,
    verify() {
      if (unexpected.length > 0)
        throw new Error(`unexpected GitHub requests: ${unexpected.join(', ')}`);
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
