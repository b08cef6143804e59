import type { ListRepository } from '../diff/git';
import type { Revisions } from '../diff/revisions';
import type { ConfigChange } from '../evidence/config-change';
import type { EvidenceKind } from '../evidence/types';
import type { RuleId, Severity } from '../findings/finding';
import type { SourceOptions } from '../sources/options';

/** Per-rule severity override from `.vmt-oversight.yaml` (`rules: {team-consent: error}`). */
export type SeverityOverrides = Partial<Record<RuleId, Severity | 'off'>>;

export interface CheckOptions {
  /** The repository holding the list (a work tree). */
  repo: string;
  /** The list file, relative to `repo`; found automatically when absent. */
  list?: string;
  base?: string;
  /** A revision, or absent for the work tree (uncommitted edits included). */
  head?: string;
  sources: SourceOptions;
  /** `repo`, already opened in this run: git's answers are shared with the configuration's. */
  repository?: ListRepository;
  /**
   * `base` and `head` already resolved in this run (the configuration was read at this base):
   * when given, the diff is taken between them and `base`/`head` are not looked at.
   */
  revisions?: Revisions;
  severities?: SeverityOverrides;
  progress?: ProgressEvents;
  /** What the change does to `.vmt-oversight.yaml`, when it edits it (the configuration rule). */
  configChange?: ConfigChange;
}

export interface MissingEvidence {
  /** The kind that is missing; null when the rule itself broke (no evidence kind is to blame). */
  kind: EvidenceKind | null;
  /** A bug in vmt-oversight (a source or a rule that threw), not missing data. */
  internal?: boolean;
  source: string;
  reason: string;
}

/** Progress of long work, for a progress display. */
export interface ProgressEvents {
  /** The number of repositories to judge is known. */
  onStart?: (total: number) => void;
  onRepositoryDone?: (repository: string) => void;
}
