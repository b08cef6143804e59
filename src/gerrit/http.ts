import type { Dispatcher } from 'undici';
import { request } from '../util/lazy-undici';
import { TOOL_VERSION } from '../version';
import type { Credentials } from './credentials';
import { GerritError, httpError, type RequestContext } from './errors';
import { mayCarryCredentials } from './origin';
import { DEFAULT_RETRY_POLICY, decide, outcomeUnknown, type Method, type Outcome } from './retry';
import type { RetryPolicy } from './retry';

export interface TransportOptions {
  /** undici dispatcher; the global one by default. */
  dispatcher?: Dispatcher;
  retry?: Partial<RetryPolicy>;
  /** How to wait between attempts; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds to wait for the reply's headers, and between body chunks. */
  timeoutMs?: number;
  /**
   * Milliseconds for the whole request, every attempt and wait included: a server that
   * trickles its answer is cut off when they are up.
   */
  deadlineMs?: number;
  /** A successful reply larger than this many bytes is refused (error bodies are cut short). */
  maxReplyBytes?: number;
}

/** What a request may cost at most. The deadline keeps a hostile reply under 10 s in all. */
const TRANSPORT_LIMITS = {
  deadlineMs: 8_000,
  maxReplyBytes: 8 * 1024 * 1024,
  /** Only the start of an error body is shown (see `reasonOf`); the rest is not read. */
  maxErrorBytes: 16 * 1024,
} as const;

export interface GerritRequest {
  method: Method;
  url: string;
  /** A JSON body, for POST. */
  body?: unknown;
  credentials: Credentials | null;
  context: RequestContext;
}

type Failed = Outcome & { body: string; location?: string };
type Attempt = { kind: 'ok'; body: string } | Failed;

interface Limits {
  deadlineMs: number;
  maxReplyBytes: number;
  signal: AbortSignal;
  remainingMs(): number;
}

const realSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Sends a request, retrying as `retry.ts` allows; returns the 2xx body or throws GerritError. */
export async function send(req: GerritRequest, options: TransportOptions = {}): Promise<string> {
  refuseCleartextCredentials(req);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const deadlineMs = options.deadlineMs ?? TRANSPORT_LIMITS.deadlineMs;
  const controller = new AbortController();
  const started = Date.now();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const limits: Limits = {
    deadlineMs,
    maxReplyBytes: options.maxReplyBytes ?? TRANSPORT_LIMITS.maxReplyBytes,
    signal: controller.signal,
    remainingMs: () => deadlineMs - (Date.now() - started),
  };
  try {
    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(req, options, limits);
      if (result.kind === 'ok') return result.body;
      const decision = decide(req.method, result, attempt, policy);
      if (!decision.retry) throw failure(req, result, attempt, limits);
      if (decision.delayMs >= limits.remainingMs()) {
        const error = failure(req, result, attempt, limits);
        throw new GerritError(
          error.kind,
          `${error.message}; not tried again: waiting ${seconds(decision.delayMs)} would pass ` +
            `the ${seconds(deadlineMs)} deadline`,
          error.status,
        );
      }
      await sleep(decision.delayMs);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The last line of defence behind the vote's usage error: no Basic auth over plain http. */
function refuseCleartextCredentials(req: GerritRequest): void {
  if (!req.credentials) return;
  const url = new URL(req.url);
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  if (!mayCarryCredentials({ scheme, host: url.hostname })) {
    throw new GerritError(
      'credentials',
      `refusing to send credentials to ${url.origin} over plain http (only https, or http to ` +
        'localhost, 127.0.0.0/8 or ::1): nothing was sent',
    );
  }
}

async function attemptOnce(
  req: GerritRequest,
  options: TransportOptions,
  limits: Limits,
): Promise<Attempt> {
  const timeout = Math.min(options.timeoutMs ?? 60_000, limits.deadlineMs);
  try {
    const response = await request(req.url, {
      method: req.method,
      headers: headers(req),
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      // Never follow a redirect: it could lead the request (and its Authorization) elsewhere.
      maxRedirections: 0,
      signal: limits.signal,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    if (response.statusCode >= 200 && response.statusCode < 300) {
      if (Number(response.headers['content-length']) > limits.maxReplyBytes) {
        response.body.destroy();
        return sizeLimit();
      }
      const read = await readCapped(response, limits.maxReplyBytes);
      return read.complete ? { kind: 'ok', body: read.text } : sizeLimit();
    }
    const read = await readCapped(response, TRANSPORT_LIMITS.maxErrorBytes);
    const retryAfter = response.headers['retry-after'];
    const location = response.headers.location;
    return {
      kind: 'response',
      status: response.statusCode,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      body: read.text,
      ...(typeof location === 'string' ? { location } : {}),
    };
  } catch (error) {
    if (limits.signal.aborted) return { kind: 'limit', limit: 'deadline', body: '' };
    return { kind: 'network', code: errorCode(error), body: '' };
  }
}

function sizeLimit(): Failed {
  return { kind: 'limit', limit: 'size', body: '' };
}

/** Reads at most `cap` bytes; the rest of a longer body is not read. */
async function readCapped(
  response: Dispatcher.ResponseData,
  cap: number,
): Promise<{ text: string; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    const bytes = chunk as Buffer;
    if (size + bytes.length > cap) {
      chunks.push(bytes.subarray(0, cap - size));
      response.body.destroy();
      return { text: Buffer.concat(chunks).toString('utf8'), complete: false };
    }
    chunks.push(bytes);
    size += bytes.length;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), complete: true };
}

function headers(req: GerritRequest): Record<string, string> {
  return {
    accept: 'application/json',
    'user-agent': `vmt-oversight/${TOOL_VERSION}`,
    ...(req.body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
    ...(req.credentials ? { authorization: req.credentials.authorization() } : {}),
  };
}

function errorCode(error: unknown): string {
  const withCode = (e: unknown): string | undefined =>
    typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
      ? e.code
      : undefined;
  const cause =
    typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return withCode(error) ?? withCode(cause) ?? (error instanceof Error ? error.name : 'error');
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function limitText(limit: 'deadline' | 'size', limits: Limits): string {
  return limit === 'deadline'
    ? `no complete answer within ${seconds(limits.deadlineMs)}`
    : `an answer over ${limits.maxReplyBytes} bytes`;
}

function failure(
  req: GerritRequest,
  result: Failed,
  attempts: number,
  limits: Limits,
): GerritError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const clean = (text: string) => (req.credentials ? req.credentials.redact(text) : text);
  if (outcomeUnknown(req.method, result)) {
    const what =
      result.kind === 'network'
        ? result.code
        : result.kind === 'limit'
          ? limitText(result.limit, limits)
          : `HTTP ${result.status}`;
    return new GerritError(
      'outcome-unknown',
      `Gerrit may or may not have applied the request to ${req.context.operation} (${what}); ` +
        'it was not sent again',
      result.kind === 'response' ? result.status : null,
    );
  }
  if (result.kind === 'limit') {
    return result.limit === 'deadline'
      ? new GerritError(
          'network',
          `${req.context.host} gave ${limitText('deadline', limits)} to ${req.context.operation}` +
            `${tries}: the request was cut off`,
        )
      : new GerritError(
          'protocol',
          `${req.context.host} sent ${limitText('size', limits)} to ${req.context.operation}: ` +
            'it was refused unread',
        );
  }
  if (result.kind === 'network') {
    return new GerritError(
      'network',
      `Could not reach ${req.context.host} to ${req.context.operation}${tries} (${result.code})`,
    );
  }
  const location = result.location === undefined ? undefined : clean(result.location);
  const error = httpError(req.context, result.status, clean(result.body), location);
  return tries && error.status !== null && (error.status === 429 || error.status >= 500)
    ? new GerritError(error.kind, `${error.message}${tries}`, error.status)
    : error;
}
