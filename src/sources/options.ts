import type { ChangeFacts, Evidence } from '../evidence/types';
import type { GitCache } from '../git/cache/store';
import type { TrackerDeclaration } from '../list/model';
import type { NetworkOptions } from './net/options';

/** Where the evidence comes from. A directory that is not given makes its evidence unavailable. */
export interface SourceOptions {
  /** A checkout of openstack/governance. */
  governance?: string;
  /**
   * Read the governance checkout at this commit rather than as of the date: set when the list
   * under review lives in that very checkout, so a change is never its own evidence.
   */
  governanceRevision?: string;
  /** A checkout of openstack/releases. */
  releases?: string;
  /** A checkout of openstack/project-config. */
  projectConfig?: string;
  /** Holds candidate repositories as `<namespace>/<name>`, work trees or bare. */
  reposRoot?: string;
  /**
   * Where data repositories and candidates come from when no directory above names them: a cache
   * of partial clones from a base URL (`--cache-dir`, `--git-base-url`). Directories win.
   */
  gitCache?: GitCache;
  /** Judge as of this date (YYYY-MM-DD). */
  asOf: string;
  /**
   * Today (YYYY-MM-DD), as the caller sees it: plain data directories describe today, so a
   * past as-of date is judged against them with care. Defaults to the machine's clock.
   */
  today?: string;
  /** The change under review, read from Gerrit (team-consent); absent without --gerrit/--change. */
  change?: () => Promise<Evidence<ChangeFacts>>;
  /** The remote services (Launchpad, Gerrit groups); absent, no request is ever made. */
  network?: NetworkOptions;
  /** The tracker each entry under review declares (native list), by repository. */
  declaredTrackers?: ReadonlyMap<string, TrackerDeclaration>;
  /** Called as long work progresses, for a progress display. */
  onProgress?: (message: string) => void;
}
