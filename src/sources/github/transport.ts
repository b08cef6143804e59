/**
 * The small interface the GitHub reader talks through. Its one implementation over Octokit is
 * src/sources/github/octokit.ts, loaded only when a request is really to be made: Octokit is
 * ESM-only, and jest (CommonJS) cannot load it, so nothing a unit test imports may import it.
 */

/** What GitHub said about the primary rate limit on the last answer. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** When the budget refills, ISO 8601. */
  resetAt: string;
}

export type GitHubReply =
  | {
      status: 'ok';
      /** Parsed JSON, or the text of a raw file. */
      body: unknown;
      etag: string | null;
      /** The `next` URL of the `Link` header, when there is another page. */
      next: string | null;
      rate: RateLimit | null;
    }
  | { status: 'not-modified'; rate: RateLimit | null }
  | { status: 'not-found'; rate: RateLimit | null };

export interface GitHubGet {
  /** A path below the API root (`/repos/openstack/nova/git/matching-refs/tags`) or a full URL. */
  url: string;
  /** The stored ETag: sent as `if-none-match`; a 304 costs no quota. */
  etag?: string;
  /** `application/vnd.github.raw`: the file's bytes as text rather than JSON. */
  raw?: boolean;
}

export interface GitHubTransport {
  get(request: GitHubGet): Promise<GitHubReply>;
  /** A GraphQL query (token only); its `data`. */
  graphql(query: string, variables: Record<string, unknown>): Promise<unknown>;
  /** Requests that reached the server, and how many of them were answered 304. */
  readonly counts: { requests: number; notModified: number };
}

/** The primary rate limit is spent: nothing more can be asked before `resetAt`. */
export class GitHubRateLimited extends Error {
  constructor(
    readonly what: string,
    readonly resetAt: string | null,
  ) {
    super(
      `the GitHub rate limit is spent (${what})` +
        (resetAt ? `; it resets at ${resetAt}` : '; its reset time was not given'),
    );
    this.name = 'GitHubRateLimited';
  }
}

/** Any other failure: a status, a timeout, an answer over the size cap, a network error. */
export class GitHubRequestFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitHubRequestFailed';
  }
}

/** The next page of a `Link` header (RFC 8288), or null. */
export function nextLink(header: string | undefined | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?next"?/.test(match[2] ?? '')) return match[1] ?? null;
  }
  return null;
}

/** The rate limit headers of an answer, when all three are there and numbers. */
export function rateOf(headers: Record<string, string | number | undefined>): RateLimit | null {
  const limit = Number(headers['x-ratelimit-limit']);
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === undefined) return null;
  if (![limit, remaining, reset].every(Number.isFinite)) return null;
  return { limit, remaining, resetAt: new Date(reset * 1000).toISOString() };
}
