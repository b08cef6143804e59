import type { Dispatcher } from 'undici';

/**
 * How the remote sources (Launchpad, Gerrit groups, GitHub) reach their services. Absent from
 * `SourceOptions`, no remote source asks anything: their evidence is unavailable, saying so.
 */
export interface NetworkOptions {
  /** No request at all: every remote fact is unavailable, naming `offlineBecause`. */
  offline: boolean;
  /** What made the run offline, for messages: `--offline`, `VMT_OVERSIGHT_OFFLINE=1`. */
  offlineBecause?: string;
  /** Launchpad's web service, with its version: `https://api.launchpad.net/devel`. */
  launchpadApi: string;
  /** The Gerrit whose groups are read anonymously: `https://review.opendev.org`. */
  gerrit: string;
  /**
   * A full `Authorization` header for Launchpad (OAuth PLAINTEXT) of someone with driver rights
   * on the project, so the VMT's Private Security grant can be read. Never printed.
   */
  launchpadAuthorization?: string;
  /** The GitHub mirrors of candidate repositories (src/sources/github); absent, never asked. */
  github?: GitHubSettings;
  /**
   * Called as a request to a service starts (`item`: what is asked, e.g. `project sushy`);
   * the function it returns is called once it has ended, whatever the outcome (a progress bar).
   */
  onRequest?: (service: RemoteService, item: string) => () => void;
  /** `--verbose`: one line per request (method, URL, status, time, bytes). */
  log?: (line: string) => void;
  /** For tests: the undici dispatcher. */
  dispatcher?: Dispatcher;
  /** Milliseconds for one request, every retry included (default 15 s). */
  deadlineMs?: number;
}

/** The services remote sources ask, as progress names them. */
export type RemoteService = 'Launchpad' | 'Gerrit' | 'GitHub';

export const DEFAULT_LAUNCHPAD_API = 'https://api.launchpad.net/devel';
export const DEFAULT_GERRIT = 'https://review.opendev.org';

/**
 * When candidates are read from github.com/<namespace>/<name>: `fallback` when the git cache
 * cannot have the repository from its base URL, `always` instead of the cache, `never`.
 * A `--repos-root` always wins.
 */
export type GitHubUse = 'fallback' | 'always' | 'never';

export interface GitHubSettings {
  use: GitHubUse;
  /** The REST and GraphQL API: `https://api.github.com`. */
  api: string;
  /** Where the mirrors are shown, for citations: `https://github.com`. */
  web: string;
  /** From GITHUB_TOKEN only: GraphQL and 5,000 requests an hour. Never printed. */
  token?: string;
  /** Where answers and their ETags are kept between runs (the git cache's directory). */
  cacheDir?: string;
}

export const DEFAULT_GITHUB_API = 'https://api.github.com';
export const DEFAULT_GITHUB_WEB = 'https://github.com';
