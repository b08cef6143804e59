/**
 * A real git server on 127.0.0.1 for tests: `git http-backend` (smart HTTP, protocol v2, with
 * `uploadpack.allowFilter`) behind a small Node server. It serves only the repositories a test
 * names; any other request is answered 404 and recorded in `unexpected`, which `verify()` turns
 * into a failure. A repository can be made hostile: a flood of bytes, silence, or refs that are
 * not refs.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Hostility = 'flood' | 'silent' | 'bad-refs';

export interface GitRequest {
  method: string;
  /** The repository asked for, `openstack/nova`. */
  repository: string;
  /** `info/refs` (a ref advertisement) or `git-upload-pack` (a fetch or clone). */
  service: string;
  /** Bytes of the response body sent so far (the server's side of what the client paid). */
  bytes: number;
}

export interface GitHttpServer {
  url: string;
  requests: GitRequest[];
  unexpected: string[];
  /** Requests for one repository's upload-pack (one per clone, fetch or object fetch). */
  uploads(repository: string): number;
  /** Throws when anything was asked that the test did not declare. */
  verify(): void;
  close(): Promise<void>;
}

export interface GitHttpServerOptions {
  /** Holds `<namespace>/<name>` bare repositories. */
  root: string;
  /** The repositories that may be asked for. */
  repositories: readonly string[];
  hostile?: Record<string, Hostility>;
}

const PATH = /^\/([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/(info\/refs|git-upload-pack)$/;

export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitRequest[] = [];
  const unexpected: string[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = PATH.exec(url.pathname);
    const repository = match?.[1] ?? '';
    const service = match?.[2] ?? '';
    const allowedQuery = service !== 'info/refs' || url.search === '?service=git-upload-pack';
    if (!match || !options.repositories.includes(repository) || !allowedQuery) {
      unexpected.push(`${req.method ?? '?'} ${req.url ?? ''}`);
      req.resume();
      res.writeHead(404).end('not found');
      return;
    }
    const request: GitRequest = { method: req.method ?? '', repository, service, bytes: 0 };
    requests.push(request);
    const hostility = options.hostile?.[repository];
    if (hostility) return hostile(hostility, req, res);
    backend(options.root, req, res, url, request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unexpected,
    uploads: (repository) =>
      requests.filter((r) => r.repository === repository && r.service === 'git-upload-pack').length,
    verify() {
      if (unexpected.length > 0)
        throw new Error(`unexpected git requests: ${unexpected.join(', ')}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}

function backend(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  request: GitRequest,
): void {
  const length = req.headers['content-length'];
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      REMOTE_ADDR: '127.0.0.1',
      ...(length ? { CONTENT_LENGTH: length } : {}),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'uploadpack.allowFilter',
      GIT_CONFIG_VALUE_0: 'true',
    },
  });
  req.pipe(cgi.stdin);
  cgi.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let started = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (started) {
      request.bytes += chunk.length;
      return void res.write(chunk);
    }
    head = Buffer.concat([head, chunk]);
    const crlf = head.indexOf('\r\n\r\n');
    const lf = head.indexOf('\n\n');
    const end = crlf >= 0 ? crlf : lf;
    if (end < 0) return;
    const headers = head.subarray(0, end).toString('utf8').split(/\r?\n/);
    let status = 200;
    for (const line of headers) {
      const [name = '', ...rest] = line.split(':');
      const value = rest.join(':').trim();
      if (/^status$/i.test(name)) status = Number.parseInt(value, 10);
      else if (name) res.setHeader(name, value);
    }
    res.writeHead(status);
    started = true;
    const body = head.subarray(end + (crlf >= 0 ? 4 : 2));
    request.bytes += body.length;
    res.write(body);
  });
  cgi.on('close', () => res.end());
}

function hostile(kind: Hostility, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  if (kind === 'silent') return; // never answers: the client's timeout must end it
  if (kind === 'bad-refs') {
    res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-advertisement' });
    res.end('this is not a pkt-line\n$(rm -rf /)\n--upload-pack=evil\n');
    return;
  }
  // A flood: a valid-looking start, then bytes without end.
  res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-result' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}
