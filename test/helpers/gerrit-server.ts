/**
 * A local Gerrit for tests, speaking its REST dialect for every endpoint vmt-oversight uses:
 * `)]}'` before JSON, HTTP Basic required under `/a/` (401 otherwise), Gerrit's status codes and
 * plain-text errors (see gerrit-model.ts). It records every request and answers only the ones a
 * test declared with `expect`, in order; anything else is answered 500 and makes `verify()` throw.
 * A declared request may carry a scripted reply (429/503 with Retry-After, a 502 after applying
 * the review) instead of the model's answer, or a hostile one (a raw body without `)]}'`, a
 * trickle, a flood, silence: see `HostileReply`).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GerritModel,
  type FakeChange,
  type HostileReply,
  type ModelOptions,
  type Reply,
} from './gerrit-model';

export type {
  AppliedReview,
  FakeAccount,
  FakeChange,
  FakeGroup,
  FakeRevision,
  HostileReply,
} from './gerrit-model';

export interface HttpUser {
  username: string;
  password: string;
}

export interface Expectation {
  method: 'GET' | 'POST';
  /** The exact path and query as sent, e.g. `/a/changes/912345?o=CURRENT_REVISION`. */
  path: string;
  /** Answer this instead of the model. With `apply`, the model handles the request first. */
  reply?: Reply & { apply?: boolean };
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The decoded Basic credentials, when an Authorization header was sent. */
  user: HttpUser | null;
}

export interface FakeGerrit {
  url: string;
  model: GerritModel;
  requests: RecordedRequest[];
  expect(...expectations: Expectation[]): void;
  /** Throws on any unexpected request, or a declared one that never came. */
  verify(): void;
  close(): Promise<void>;
}

export interface FakeGerritOptions extends ModelOptions {
  changes: FakeChange[];
  users?: HttpUser[];
}

export async function startFakeGerrit(options: FakeGerritOptions): Promise<FakeGerrit> {
  const model = new GerritModel(options.changes, options);
  const users = options.users ?? [];
  const pending: Expectation[] = [];
  const requests: RecordedRequest[] = [];
  const unexpected: string[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const path = req.url ?? '';
    const recorded = {
      method: req.method ?? '',
      path,
      headers: req.headers,
      body,
      user: basicUser(req.headers),
    };
    requests.push(recorded);
    const next = pending[0];
    if (!next || next.method !== recorded.method || next.path !== path) {
      unexpected.push(
        `${recorded.method} ${path}${next ? ` (expected ${next.method} ${next.path})` : ''}`,
      );
      return send(res, {
        status: 500,
        text: `fake Gerrit: unexpected request ${recorded.method} ${path}`,
      });
    }
    pending.shift();
    const scripted = next.reply;
    if (scripted && !scripted.apply) return send(res, scripted);
    const answer = route(model, recorded, users);
    return send(res, scripted ?? answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, { status: 500, text: String(error) }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    model,
    requests,
    expect: (...expectations) => pending.push(...expectations),
    verify() {
      const problems = [
        ...unexpected.map((r) => `unexpected request: ${r}`),
        ...pending.map((e) => `expected request never came: ${e.method} ${e.path}`),
      ];
      if (problems.length > 0) throw new Error(`fake Gerrit:\n${problems.join('\n')}`);
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** Gerrit's routing for the endpoints in use; `/a/` requires valid Basic credentials. */
function route(model: GerritModel, req: RecordedRequest, users: HttpUser[]): Reply {
  const [rawPath = '', query = ''] = req.path.split('?', 2);
  const authenticated = rawPath.startsWith('/a/');
  if (
    authenticated &&
    !users.some((u) => u.username === req.user?.username && u.password === req.user?.password)
  ) {
    return {
      status: 401,
      text: 'Unauthorized',
      headers: { 'www-authenticate': 'Basic realm="Gerrit Code Review"' },
    };
  }
  const segments = rawPath.slice(authenticated ? 3 : 1).split('/');
  if (req.method === 'GET' && segments[0] === 'groups' && segments[1] !== undefined) {
    if (segments.length !== 4 || segments[2] !== 'members' || segments[3] !== '') {
      return notFoundPath(rawPath);
    }
    const recursive = new URLSearchParams(query).has('recursive');
    return model.groupMembers(decodeURIComponent(segments[1]), recursive);
  }
  if (segments[0] !== 'changes' || segments[1] === undefined) return notFoundPath(rawPath);
  const id = decodeURIComponent(segments[1]);
  if (req.method === 'GET' && segments.length === 2) {
    const options = new URLSearchParams(query).getAll('o');
    return model.getChange(id, options);
  }
  if (
    req.method === 'POST' &&
    segments.length === 5 &&
    segments[2] === 'revisions' &&
    segments[4] === 'review'
  ) {
    if (!authenticated) return { status: 403, text: 'Authentication required' };
    let input: unknown;
    try {
      input = JSON.parse(req.body);
    } catch {
      return { status: 400, text: 'Invalid JSON' };
    }
    return model.postReview(id, decodeURIComponent(segments[3] as string), input);
  }
  return notFoundPath(rawPath);
}

function notFoundPath(path: string): Reply {
  return { status: 404, text: `Not found: ${path}` };
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.hostile) return sendHostile(res, reply, reply.hostile);
  res.writeHead(reply.status, replyHeaders(reply));
  res.end(bodyOf(reply));
}

function replyHeaders(reply: Reply): Record<string, string> {
  return {
    'content-type':
      reply.json !== undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=UTF-8',
    ...reply.headers,
  };
}

function bodyOf(reply: Reply): string {
  if (reply.hostile?.kind === 'raw') return reply.hostile.body;
  return reply.json !== undefined
    ? `)]}'\n${JSON.stringify(reply.json)}\n`
    : `${reply.text ?? ''}\n`;
}

/** Misbehaves as told until the client hangs up (or the server closes). */
function sendHostile(res: ServerResponse, reply: Reply, hostile: HostileReply): void {
  switch (hostile.kind) {
    case 'raw':
      res.writeHead(reply.status, replyHeaders(reply));
      res.end(bodyOf(reply));
      return;
    case 'silent':
      return;
    case 'trickle':
      res.writeHead(reply.status, replyHeaders(reply));
      res.flushHeaders();
      return trickle(res, Buffer.from(bodyOf(reply)), hostile.everyMs, (b) => res.write(b));
    case 'trickle-headers': {
      const head = `HTTP/1.1 ${reply.status} OK\r\ncontent-type: application/json\r\n\r\n`;
      return trickle(res, Buffer.from(head), hostile.everyMs, (b) => res.socket?.write(b));
    }
    case 'flood': {
      res.writeHead(reply.status, replyHeaders(reply));
      const pump = (): void => {
        while (!res.destroyed && res.write(hostile.chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      return pump();
    }
  }
}

function trickle(
  res: ServerResponse,
  bytes: Buffer,
  everyMs: number,
  write: (byte: Buffer) => unknown,
): void {
  let next = 0;
  const timer = setInterval(() => {
    if (res.destroyed || next >= bytes.length) return clearInterval(timer);
    write(bytes.subarray(next, next + 1));
    next += 1;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

function basicUser(headers: IncomingHttpHeaders): HttpUser | null {
  const match = /^Basic (.+)$/.exec(headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? null
    : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
