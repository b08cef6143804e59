/**
 * The GitHub transport over Octokit, with the throttling and retry plugins. This is the only
 * module that imports @octokit/*, which is ESM-only: Node >= 20.19 loads it through require(esm),
 * jest 29 cannot. It is imported lazily (client.ts) once a request is really to be made, so no
 * unit test and no offline run ever loads it; its tests run it in a child Node process.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { TOOL_VERSION } from '../../version';
import {
  GitHubRateLimited,
  GitHubRequestFailed,
  nextLink,
  rateOf,
  type GitHubGet,
  type GitHubReply,
  type GitHubTransport,
} from './transport';

export interface OctokitTransportOptions {
  /** `https://api.github.com`, or a local server in tests. */
  api: string;
  /** From GITHUB_TOKEN only; never printed. */
  token?: string;
  log?: (line: string) => void;
  /** A request starts; the function returned is called when it has ended (progress). */
  onRequest?: (item: string) => () => void;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** The largest answer read (default 4 MiB); a larger one fails. */
  maxBytes?: number;
}

const RETRIES = 2;
/** A rate limit is waited for only when it resets within this many seconds, once. */
const MAX_RATE_WAIT_S = 5;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

export function createOctokitTransport(options: OctokitTransportOptions): GitHubTransport {
  const counts = { requests: 0, notModified: 0 };
  const Client = Octokit.plugin(throttling, retry);
  const octokit = new Client({
    baseUrl: options.api.replace(/\/+$/, ''),
    ...(options.token ? { auth: options.token } : {}),
    userAgent: `vmt-oversight/${TOOL_VERSION}`,
    log: silent,
    request: { fetch: boundedFetch(options, counts) },
    retry: { retries: RETRIES, doNotRetry: [304, 400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) =>
        count < 1 && after <= MAX_RATE_WAIT_S,
      onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, count: number) =>
        count < 1 && after <= MAX_RATE_WAIT_S,
    },
  });
  return {
    counts,
    async get(request: GitHubGet): Promise<GitHubReply> {
      refuseForeign(request.url, options.api);
      const headers: Record<string, string> = {};
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.raw) headers.accept = 'application/vnd.github.raw';
      try {
        const response = await octokit.request({ method: 'GET', url: request.url, headers });
        const h = response.headers as Record<string, string | number | undefined>;
        return {
          status: 'ok',
          body: request.raw ? asText(response.data) : response.data,
          etag: typeof h.etag === 'string' ? h.etag : null,
          next: nextLink(typeof h.link === 'string' ? h.link : null),
          rate: rateOf(h),
        };
      } catch (error) {
        return failure(error, `GET ${request.url}`);
      }
    },
    async graphql(query, variables) {
      try {
        return await octokit.graphql(query, variables);
      } catch (error) {
        return failure(error, 'POST /graphql');
      }
    },
  };
}

/**
 * Octokit sends the token to any absolute URL it is given: only a path or a URL of the API's own
 * origin is asked.
 */
function refuseForeign(url: string, api: string): void {
  const origin = new URL(api).origin;
  if (URL.canParse(url, origin) && new URL(url, origin).origin === origin) return;
  throw new GitHubRequestFailed(`GET ${url}: outside ${origin}, refused`);
}

function asText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  throw new GitHubRequestFailed('a raw file answer that is not text');
}

interface FailedRequest {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** A 304 or 404 is an answer; a spent rate limit and every other failure throw. */
function failure(error: unknown, what: string): GitHubReply {
  const failed = (typeof error === 'object' && error !== null ? error : {}) as FailedRequest;
  const headers = failed.response?.headers ?? {};
  const rate = rateOf(headers);
  if (failed.status === 304) return { status: 'not-modified', rate };
  if (failed.status === 404) return { status: 'not-found', rate };
  if (
    (failed.status === 403 || failed.status === 429) &&
    headers['x-ratelimit-remaining'] === '0'
  ) {
    throw new GitHubRateLimited(`${what} answered HTTP ${failed.status}`, rate?.resetAt ?? null);
  }
  const status = failed.status && failed.status !== 500 ? `HTTP ${failed.status}: ` : '';
  const message = String(failed.message ?? error).slice(0, 200);
  throw new GitHubRequestFailed(`${what} failed: ${status}${message}`);
}

/** fetch with a timeout per attempt, no redirects, a size cap, a count and a `--verbose` line. */
function boundedFetch(
  options: OctokitTransportOptions,
  counts: { requests: number; notModified: number },
): typeof fetch {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? 'GET';
    const started = Date.now();
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
    counts.requests++;
    const ended = options.onRequest?.(URL.canParse(url) ? new URL(url).pathname : 'request');
    try {
      return await fetchBounded(
        input,
        init,
        { url, method, started, signals, maxBytes },
        options,
        counts,
      );
    } finally {
      ended?.();
    }
  };
}

async function fetchBounded(
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
  call: { url: string; method: string; started: number; signals: AbortSignal[]; maxBytes: number },
  options: OctokitTransportOptions,
  counts: { requests: number; notModified: number },
): Promise<Response> {
  const { url, method, started, signals, maxBytes } = call;
  let response: Response;
  try {
    response = await fetch(input, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    options.log?.(`${method} ${url} → failed (${Date.now() - started} ms)`);
    throw error;
  }
  if (response.status === 304) counts.notModified++;
  const body = await readCapped(response, maxBytes);
  const size = body === 'over' ? `over ${maxBytes}` : String(body?.length ?? 0);
  options.log?.(
    `${method} ${url} → ${response.status} (${Date.now() - started} ms, ${size} bytes)`,
  );
  if (body === 'over') throw new Error(`an answer over ${maxBytes} bytes, refused`);
  const empty = response.status === 204 || response.status === 304;
  return new Response(empty ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer | 'over' | null> {
  if (!response.body) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return 'over';
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
