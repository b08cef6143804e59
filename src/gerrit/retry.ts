/**
 * When to try a request again. At most `maxAttempts` tries in all, waiting as Gerrit's
 * `Retry-After` says, else exponentially (1 s, 2 s, …).
 *
 * A GET is safe to repeat: it is retried on 429, on 500/502/503/504 and on network errors.
 *
 * A POST (the review) must never be posted twice. It is retried only when the reply proves it
 * was not applied:
 * - 429 Too Many Requests: Gerrit's quota rejects the request before running it;
 * - 503 Service Unavailable: a proxy with no backend, a server in read-only mode or shutting
 *   down, or Gerrit's "Lock failure" after its own internal retries — no update was committed;
 * - a connection that was never established (refused, unknown host, unreachable, connect
 *   timeout): nothing was sent.
 * Any other failure after the request was sent (500, 502, 504, a reset or a timeout while
 * waiting for the answer, an answer cut off at the deadline or the size cap) leaves the outcome
 * unknown: it is not retried, and the caller reads
 * the change back to find out (see `postReview`).
 */

export type Method = 'GET' | 'POST';

export type Outcome =
  | { kind: 'response'; status: number; retryAfter: string | null }
  | { kind: 'network'; code: string }
  /** The reply passed the request's deadline or size cap: never retried. */
  | { kind: 'limit'; limit: 'deadline' | 'size' };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** A longer `Retry-After` is not waited for: the request fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxRetryAfterMs: 60_000,
};

const RETRY_GET = new Set([429, 500, 502, 503, 504]);
const RETRY_POST = new Set([429, 503]);

/** Connection errors that happen before any byte of the request is sent. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export type Decision = { retry: true; delayMs: number } | { retry: false };

export function decide(
  method: Method,
  outcome: Outcome,
  attempt: number,
  policy: RetryPolicy,
  now: number = Date.now(),
): Decision {
  if (attempt >= policy.maxAttempts || !retryable(method, outcome)) return { retry: false };
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  if (outcome.kind !== 'response' || outcome.retryAfter === null) {
    return { retry: true, delayMs: backoff };
  }
  const asked = retryAfterMs(outcome.retryAfter, now);
  if (asked === null) return { retry: true, delayMs: backoff };
  return asked > policy.maxRetryAfterMs ? { retry: false } : { retry: true, delayMs: asked };
}

function retryable(method: Method, outcome: Outcome): boolean {
  if (outcome.kind === 'limit') return false;
  if (outcome.kind === 'network') return method === 'GET' || NOT_SENT.has(outcome.code);
  return (method === 'GET' ? RETRY_GET : RETRY_POST).has(outcome.status);
}

/** Whether a failed POST may nevertheless have been applied. */
export function outcomeUnknown(method: Method, outcome: Outcome): boolean {
  if (method !== 'POST') return false;
  if (outcome.kind === 'limit') return true;
  if (outcome.kind === 'network') return !NOT_SENT.has(outcome.code);
  return outcome.status >= 500 && outcome.status !== 503;
}

/** `Retry-After`: delta-seconds or an HTTP date; null when unreadable. */
export function retryAfterMs(value: string, now: number): number | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = /GMT$/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
