import { request, type Dispatcher } from 'undici';
import { TOOL_VERSION } from '../version';
import type { Credentials } from './credentials';
import { GerritError, httpError, type RequestContext } from './errors';
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
}

export interface GerritRequest {
  method: Method;
  url: string;
  /** A JSON body, for POST. */
  body?: unknown;
  credentials: Credentials | null;
  context: RequestContext;
}

type Attempt = { kind: 'ok'; body: string } | (Outcome & { body: string });

const realSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Sends a request, retrying as `retry.ts` allows; returns the 2xx body or throws GerritError. */
export async function send(req: GerritRequest, options: TransportOptions = {}): Promise<string> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(req, options);
    if (result.kind === 'ok') return result.body;
    const decision = decide(req.method, result, attempt, policy);
    if (!decision.retry) throw failure(req, result, attempt);
    await sleep(decision.delayMs);
  }
}

async function attemptOnce(req: GerritRequest, options: TransportOptions): Promise<Attempt> {
  const timeout = options.timeoutMs ?? 60_000;
  try {
    const response = await request(req.url, {
      method: req.method,
      headers: headers(req),
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const body = await response.body.text();
    if (response.statusCode >= 200 && response.statusCode < 300) return { kind: 'ok', body };
    const retryAfter = response.headers['retry-after'];
    return {
      kind: 'response',
      status: response.statusCode,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      body,
    };
  } catch (error) {
    return { kind: 'network', code: errorCode(error), body: '' };
  }
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

function failure(
  req: GerritRequest,
  result: Outcome & { body: string },
  attempts: number,
): GerritError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const clean = (text: string) => (req.credentials ? req.credentials.redact(text) : text);
  if (outcomeUnknown(req.method, result)) {
    const what = result.kind === 'network' ? result.code : `HTTP ${result.status}`;
    return new GerritError(
      'outcome-unknown',
      `Gerrit may or may not have applied the request to ${req.context.operation} (${what}); ` +
        'it was not sent again',
      result.kind === 'response' ? result.status : null,
    );
  }
  if (result.kind === 'network') {
    return new GerritError(
      'network',
      `Could not reach ${req.context.host} to ${req.context.operation}${tries} (${result.code})`,
    );
  }
  const error = httpError(req.context, result.status, clean(result.body));
  return tries && error.status !== null && (error.status === 429 || error.status >= 500)
    ? new GerritError(error.kind, `${error.message}${tries}`, error.status)
    : error;
}
