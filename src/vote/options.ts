import type { CheckOptions } from '../engine/types';
import type { TransportOptions } from '../gerrit/http';
import type { NotifyHandling } from '../gerrit/types';
import type { Report } from '../findings/report';

export interface VoteOptions {
  /** `--gerrit`: the server's base URL. */
  gerrit: string;
  /** `--change`: a number, or `project~number`. */
  change: string;
  /** `--revision`: the commit to vote on; else `check.head`, else the checkout's HEAD. */
  revision?: string;
  /** `--label` (default `Verified`). */
  label: string;
  /** `--notify` (default `OWNER`). */
  notify: NotifyHandling;
  /** `--dry-run`: read the change and judge it, but post nothing. */
  dryRun: boolean;
  /** What to judge; `head` and `base` are set from the change when absent. */
  check: CheckOptions;
  /** For the credentials: GERRIT_USERNAME, GERRIT_PASSWORD / GERRIT_HTTP_PASSWORD, NETRC. */
  env: NodeJS.ProcessEnv;
  /** Where `~/.netrc` is looked up; the user's home by default. */
  home?: string;
}

export interface VoteDependencies {
  runCheck(options: CheckOptions): Promise<Report>;
  transport?: TransportOptions;
}
