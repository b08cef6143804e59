import { request } from '../../util/lazy-undici';
import type { SourceId } from '../../evidence/types';
import { TOOL_VERSION } from '../../version';
import { Unavailable } from '../unavailable';
import type { NetworkOptions, RemoteService } from './options';

/** What a remote request may cost at most. */
export const NET_LIMITS = {
  deadlineMs: 15_000,
  /** Per attempt: headers, and the gap between body chunks. */
  attemptTimeoutMs: 8_000,
  maxReplyBytes: 4 * 1024 * 1024,
  maxErrorBytes: 16 * 1024,
  /** Attempts after the first, for a network error, a 5xx or a 429 with a short Retry-After. */
  retries: 2,
  /** The longest Retry-After that is waited for. */
  maxWaitMs: 5_000,
} as const;

export interface HttpGet {
  source: SourceId;
  url: string;
  /** For messages: "read Launchpad project sushy". */
  what: string;
  headers?: Record<string, string>;
}

export type HttpAnswer =
  | { status: 'ok'; code: number; body: string; headers: Record<string, string> }
  | { status: 'not-modified'; headers: Record<string, string> }
  | { status: 'not-found' };

type Attempt =
  HttpAnswer | { status: 'retry'; why: string; waitMs: number } | { status: 'failed'; why: string };

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * One GET, bounded: a deadline over every attempt, a size cap, at most two retries (network
 * errors, 5xx, a 429 or rate limit that resets within seconds). 404 is an answer; every other
 * failure throws `Unavailable` with the reason (offline, the status, a rate limit's reset time).
 * Redirects are not followed.
 */
export async function httpGet(get: HttpGet, net: NetworkOptions | undefined): Promise<HttpAnswer> {
  if (!net)
    throw new Unavailable(get.source, `cannot ${get.what}: network sources are not enabled`);
  if (net.offline) {
    throw new Unavailable(
      get.source,
      `cannot ${get.what}: offline (${net.offlineBecause ?? '--offline'}), no request was made`,
    );
  }
  const deadlineMs = net.deadlineMs ?? NET_LIMITS.deadlineMs;
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const ended = net.onRequest?.(SERVICE[get.source] ?? 'Launchpad', get.what);
  try {
    for (let attempt = 0; ; attempt++) {
      const result = await attemptOnce(get, net, controller.signal, deadlineMs);
      if (result.status !== 'retry' && result.status !== 'failed') return result;
      const left = deadlineMs - (Date.now() - started);
      if (result.status === 'failed' || attempt >= NET_LIMITS.retries || result.waitMs >= left) {
        const tries = attempt > 0 ? ` after ${attempt + 1} attempts` : '';
        throw new Unavailable(get.source, `cannot ${get.what}: ${result.why}${tries}`);
      }
      await sleep(result.waitMs);
    }
  } finally {
    clearTimeout(timer);
    ended?.();
  }
}

const SERVICE: Partial<Record<SourceId, RemoteService>> = {
  launchpad: 'Launchpad',
  gerrit: 'Gerrit',
  github: 'GitHub',
};

async function attemptOnce(
  get: HttpGet,
  net: NetworkOptions,
  signal: AbortSignal,
  deadlineMs: number,
): Promise<Attempt> {
  const started = Date.now();
  const timeout = Math.min(NET_LIMITS.attemptTimeoutMs, deadlineMs);
  const log = (status: string, bytes?: number) =>
    net.log?.(
      `GET ${get.url} → ${status} (${Date.now() - started} ms` +
        `${bytes === undefined ? '' : `, ${bytes} bytes`})`,
    );
  try {
    const response = await request(get.url, {
      method: 'GET',
      headers: {
        accept: 'application/json',
        'user-agent': `vmt-oversight/${TOOL_VERSION}`,
        ...get.headers,
      },
      ...(net.dispatcher ? { dispatcher: net.dispatcher } : {}),
      maxRedirections: 0,
      signal,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const headers = flatHeaders(response.headers);
    const code = response.statusCode;
    const ok = code >= 200 && code < 300;
    const cap = ok ? NET_LIMITS.maxReplyBytes : NET_LIMITS.maxErrorBytes;
    const read = await readCapped(response.body, cap);
    log(String(code), read.bytes);
    if (ok) {
      if (!read.complete) return { status: 'failed', why: `an answer over ${cap} bytes, refused` };
      return { status: 'ok', code, body: read.text, headers };
    }
    return judgeStatus(code, headers);
  } catch (error) {
    if (signal.aborted) {
      log('timeout');
      return { status: 'failed', why: `no complete answer within ${deadlineMs / 1000} s` };
    }
    const code = errorCode(error);
    log(code);
    return { status: 'retry', why: `network error (${code})`, waitMs: 250 };
  }
}

function judgeStatus(code: number, headers: Record<string, string>): Attempt {
  if (code === 304) return { status: 'not-modified', headers };
  if (code === 404) return { status: 'not-found' };
  const limit = rateLimit(code, headers);
  if (limit) return limit;
  if (code === 429 || code >= 500) {
    const waitMs = retryAfterMs(headers['retry-after']) ?? 500;
    const why = `HTTP ${code}`;
    return waitMs > NET_LIMITS.maxWaitMs
      ? { status: 'failed', why }
      : { status: 'retry', why, waitMs };
  }
  if (code >= 300 && code < 400) {
    return { status: 'failed', why: `HTTP ${code} (a redirect, not followed)` };
  }
  if (code === 401 || code === 403) {
    return { status: 'failed', why: `HTTP ${code} (not allowed to read it)` };
  }
  return { status: 'failed', why: `HTTP ${code}` };
}

/** GitHub's primary rate limit: 403 or 429 with `x-ratelimit-remaining: 0`; says when it resets. */
function rateLimit(code: number, headers: Record<string, string>): Attempt | null {
  if ((code !== 403 && code !== 429) || headers['x-ratelimit-remaining'] !== '0') return null;
  const reset = Number(headers['x-ratelimit-reset']);
  const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : null;
  return {
    status: 'failed',
    why: `rate limit reached (HTTP ${code})${when ? `; it resets at ${when}` : ''}`,
  };
}

function retryAfterMs(value: string | undefined): number | null {
  if (value === undefined) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function flatHeaders(headers: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

async function readCapped(
  body: AsyncIterable<unknown> & { destroy(): unknown },
  cap: number,
): Promise<{ text: string; complete: boolean; bytes: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    if (size + bytes.length > cap) {
      chunks.push(bytes.subarray(0, cap - size));
      body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), complete: false, bytes: cap };
    }
    chunks.push(bytes);
    size += bytes.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), complete: true, bytes: size };
}

function errorCode(error: unknown): string {
  const codeOf = (e: unknown): string | undefined =>
    typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
      ? e.code
      : undefined;
  const cause =
    typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return codeOf(error) ?? codeOf(cause) ?? (error instanceof Error ? error.name : 'error');
}

/** Parses a JSON body; anything that is not JSON is unavailable, never a reading. */
export function parseJson(source: SourceId, what: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new Unavailable(source, `cannot ${what}: the answer is not JSON`);
  }
}
