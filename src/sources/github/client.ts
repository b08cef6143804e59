import { Unavailable } from '../unavailable';
import { answerKey, type AnswerStore } from './etag-store';
import {
  GitHubRateLimited,
  GitHubRequestFailed,
  type GitHubReply,
  type GitHubTransport,
  type RateLimit,
} from './transport';

export interface GitHubClientOptions {
  /** `https://api.github.com`. */
  api: string;
  /** Why no request may be made (`--offline`), or undefined. */
  offline?: string;
  store: AnswerStore;
  /** Made on the first request only: loading Octokit is deferred until then. */
  transport: () => Promise<GitHubTransport>;
}

/** Most pages a listing may have (100 refs a page: 5,000 refs). */
const MAX_PAGES = 50;

/**
 * GET through a store of answers: an answer asked by SHA is kept and never asked again; any
 * other is revalidated with its ETag (a 304 costs no quota). Pages follow `Link`. Tracks the
 * rate limit the last answer reported, so a reader can check its budget before spending it.
 */
export class GitHubClient {
  rate: RateLimit | null = null;
  private transport: Promise<GitHubTransport> | undefined;

  constructor(private readonly options: GitHubClientOptions) {}

  /** The JSON at `url`, or null on 404. */
  async json(url: string, immutable = false): Promise<unknown> {
    return (await this.one(url, { immutable, raw: false })).body;
  }

  /** The raw text of a file, or null on 404. */
  async raw(url: string, immutable = true): Promise<string | null> {
    const { body } = await this.one(url, { immutable, raw: true });
    if (body !== null && typeof body !== 'string') {
      throw new GitHubRequestFailed(`GET ${url}: a raw file answer that is not text`);
    }
    return body;
  }

  /**
   * Every item of a paged list (null when its first page is a 404), each page revalidated on its
   * own. A later page that is not found fails: a partial list is never taken for the whole.
   */
  async all(url: string): Promise<unknown[] | null> {
    const items: unknown[] = [];
    let next: string | null = url;
    for (let page = 0; next !== null; page++) {
      if (page >= MAX_PAGES) {
        throw new GitHubRequestFailed(`GET ${url}: more than ${MAX_PAGES} pages, refused`);
      }
      const answer: { body: unknown; next: string | null } = await this.one(next, {
        immutable: false,
        raw: false,
      });
      if (answer.body === null) {
        if (page === 0) return null;
        throw new GitHubRequestFailed(
          `page ${page + 1} of ${url} was not found: the listing is incomplete`,
        );
      }
      if (!Array.isArray(answer.body)) {
        throw new GitHubRequestFailed(`GET ${next}: the answer is not a list`);
      }
      items.push(...(answer.body as unknown[]));
      next = answer.next === null ? null : this.sameOrigin(answer.next, url);
    }
    return items;
  }

  /**
   * A `next` link is followed only back to the configured API origin: anywhere else would get
   * the token (Octokit sends it to absolute URLs) and its page would be stored as this listing's.
   */
  private sameOrigin(link: string, listing: string): string {
    const origin = originOf(this.options.api);
    if (origin !== null && URL.canParse(link, origin) && new URL(link, origin).origin === origin) {
      return link;
    }
    throw new GitHubRequestFailed(
      `the next page of ${listing} points outside ${origin ?? this.options.api}, refused`,
    );
  }

  /** Whether an immutable answer is stored (it will cost no request). */
  async stored(url: string, raw = false): Promise<boolean> {
    return (await this.options.store.read(answerKey(this.options.api, url, raw))) !== null;
  }

  async graphql(query: string, variables: Record<string, unknown>): Promise<unknown> {
    return (await this.connect()).graphql(query, variables);
  }

  /** Throws Unavailable when the budget reported last cannot cover `needed` more requests. */
  requireBudget(needed: number, what: string): void {
    if (!this.rate || needed <= this.rate.remaining) return;
    throw new Unavailable(
      'github',
      `${what} needs ${needed} GitHub requests and ${this.rate.remaining} of ${this.rate.limit} ` +
        `remain; the rate limit resets at ${this.rate.resetAt} (set GITHUB_TOKEN for 5,000 an hour)`,
    );
  }

  private async one(
    url: string,
    how: { immutable: boolean; raw: boolean },
  ): Promise<{ body: unknown; next: string | null }> {
    const key = answerKey(this.options.api, url, how.raw);
    const stored = await this.options.store.read(key);
    if (stored?.immutable) return stored;
    const transport = await this.connect();
    const reply: GitHubReply = await transport.get({
      url,
      raw: how.raw,
      ...(stored?.etag ? { etag: stored.etag } : {}),
    });
    if (reply.rate) this.rate = reply.rate;
    if (reply.status === 'not-found') return { body: null, next: null };
    if (reply.status === 'not-modified') {
      if (!stored) throw new GitHubRequestFailed(`GET ${url}: a 304 for an answer never asked`);
      return stored;
    }
    await this.options.store.write(key, {
      url,
      etag: reply.etag,
      immutable: how.immutable,
      body: reply.body,
      next: reply.next,
    });
    return reply;
  }

  private connect(): Promise<GitHubTransport> {
    this.requireOnline();
    return (this.transport ??= this.options.transport());
  }

  /** Throws Unavailable when no request may be made. */
  requireOnline(): void {
    if (this.options.offline !== undefined) {
      throw new Unavailable(
        'github',
        `the GitHub mirror cannot be asked: offline (${this.options.offline}), no request was made`,
      );
    }
  }
}

/** A GitHub failure as unavailable evidence, with the reset time of a spent rate limit. */
export function asUnavailable(error: unknown, what: string): never {
  if (error instanceof GitHubRateLimited || error instanceof GitHubRequestFailed) {
    throw new Unavailable('github', `cannot read ${what} from GitHub: ${error.message}`);
  }
  throw error;
}

/** The origin of an API root, or null when it is no URL. */
export function originOf(api: string): string | null {
  return URL.canParse(api) ? new URL(api).origin : null;
}
