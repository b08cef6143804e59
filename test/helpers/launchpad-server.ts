/**
 * A local Launchpad web service (`/devel`) for tests, answering as lazr.restful does: entries
 * with `self_link` and `http_etag`, collections with `total_size`, `start`, `entries` and
 * `next_collection_link` (by `ws.start`/`ws.size`), 404 for missing and for private teams. It
 * answers only the paths a test declared; anything else is a 500 and makes `verify()` throw.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLaunchpadOptions {
  projects: Record<string, Record<string, unknown>>;
  /** Public teams, with their member names; private teams answer 404 like missing ones. */
  teams: Record<string, { entry: Record<string, unknown>; members: string[] }>;
}

export interface FakeLaunchpad {
  api: string;
  requests: string[];
  verify(): void;
  close(): Promise<void>;
}

export async function startFakeLaunchpad(options: FakeLaunchpadOptions): Promise<FakeLaunchpad> {
  const requests: string[] = [];
  const unexpected: string[] = [];
  let api = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${url.pathname}${url.search}`);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = url.pathname.replace(/^\/devel\//, '');
    const members = /^~([^/]+)\/members$/.exec(path);
    if (members) {
      const team = options.teams[members[1] as string];
      if (!team) return reply(404, 'Object: None, name: members');
      const start = Number(url.searchParams.get('ws.start') ?? 0);
      const size = Number(url.searchParams.get('ws.size') ?? 75);
      const page = team.members.slice(start, start + size);
      const next = start + size < team.members.length;
      return reply(200, {
        total_size: team.members.length,
        start,
        entries: page.map((name) => ({ name, display_name: name.toUpperCase() })),
        ...(next
          ? {
              next_collection_link: `${api}/~${members[1]}/members?ws.size=${size}&ws.start=${start + size}`,
            }
          : {}),
      });
    }
    if (path.startsWith('~')) {
      const team = options.teams[path.slice(1)];
      if (!team) return reply(404, `Object: None, name: '${path.slice(1)}'`);
      return reply(200, { self_link: `${api}/${path}`, http_etag: '"1"', ...team.entry });
    }
    const project = options.projects[path];
    if (project) return reply(200, { self_link: `${api}/${path}`, http_etag: '"1"', ...project });
    if (/^[a-z0-9][a-z0-9+.-]*$/.test(path)) return reply(404, `Object: None, name: '${path}'`);
    unexpected.push(`${req.method} ${url.pathname}`);
    return reply(500, 'unexpected');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  api = `http://127.0.0.1:${port}/devel`;
  return {
    api,
    requests,
    verify() {
      if (unexpected.length > 0) throw new Error(`fake Launchpad: ${unexpected.join(', ')}`);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
