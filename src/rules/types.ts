import type { Proposal } from '../diff/model';
import type { DeclaredField, ListEntry } from '../list/model';
import type { ConfigChange } from '../evidence/config-change';
import type { EvidenceKind, EvidenceMap } from '../evidence/types';
import type { Citation, EvidenceRecord, RuleId, Severity } from '../findings/finding';

/** How a repository is touched by the change (or `audited` when the whole list is checked). */
export type ChangeKind = 'added' | 'removed' | 'modified' | 'audited';

export interface RepositoryChange {
  kind: ChangeKind;
  repository: string;
  /** The entry at head; for `removed`, the entry as it was at base. */
  entry: ListEntry;
  /** The entry at base, for `modified` and `removed`. */
  before: ListEntry | null;
  changedFields: DeclaredField[];
  /**
   * Set on a removal by a change that makes the list mean every official repository (the 2025
   * page): the repository stays overseen if governance lists it as official.
   */
  widened?: true;
}

export interface RunSettings {
  /** The date everything is judged as of (YYYY-MM-DD). */
  asOf: string;
  listFile: string;
  format: Proposal['format'];
}

/** What a rule returns; the engine adds rule id, clause, repository and file. */
export interface RuleResult {
  severity: Severity;
  message: string;
  /** Line in the list file; defaults to the entry's line. */
  line?: number;
  /** The declared field the finding is about, if any (a modified entry blocks only on these). */
  field?: DeclaredField;
  /** Set by list rules; repository rules get it from the change. */
  repository?: string;
  /** The file it is about, when not the list. */
  file?: string;
  /**
   * The evidence the rule received cannot settle the question (no deliverable file and no
   * repository, a state the data cannot establish): the engine reports `evidence-unavailable`
   * with this reason instead of a pass or a fail. `severity` and `message` are then ignored.
   */
  unavailable?: { kind: EvidenceKind; reason: string };
  evidence: EvidenceRecord;
  /** The facts the finding rests on, one entry per fact. */
  citations?: readonly Citation[];
  /** For a rule made with `defineRule`: the message it reported and the values it filled in. */
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
}

export interface RuleMeta {
  id: RuleId;
  /** The policy clause: `1`…`8`, `Deprecation`, `Updating`, or `—`. */
  clause: string;
  /** One line: what the rule checks. */
  title: string;
  defaultSeverity: Severity;
  /** False for rules that can never block (a recommendation); their missing evidence is a warning. */
  canBlock: boolean;
  /**
   * The declared fields the rule judges. On a modified entry, missing evidence blocks only when
   * the change touched one of them (the rest was judged when the entry was added).
   */
  fields?: readonly DeclaredField[];
}

/** Evidence the rule needs (all present) plus any it would like (present when available). */
export type AvailableEvidence<K extends EvidenceKind, W extends EvidenceKind> = {
  [P in K]: EvidenceMap[P];
} & { [P in W]?: EvidenceMap[P] };

export interface RepositoryRuleContext<K extends EvidenceKind, W extends EvidenceKind> {
  change: RepositoryChange;
  evidence: AvailableEvidence<K, W>;
  /** Why each wanted-but-missing kind is missing, so the rule can say it could not verify. */
  missing: Partial<Record<W, string>>;
  settings: RunSettings;
}

/** A rule judged once per changed repository. `check` is pure and synchronous. */
export interface RepositoryRule<
  K extends EvidenceKind = EvidenceKind,
  W extends EvidenceKind = never,
> {
  scope: 'repository';
  meta: RuleMeta;
  /** Whether the rule has anything to say about this change at all. */
  appliesTo(change: RepositoryChange): boolean;
  /** Evidence without which the rule cannot judge: missing → `evidence-unavailable`. */
  needs(change: RepositoryChange): readonly K[];
  /** Evidence the rule uses when present. */
  wants(change: RepositoryChange): readonly W[];
  check(context: RepositoryRuleContext<K, W>): RuleResult[];
}

export interface ListRuleContext {
  proposal: Proposal;
  settings: RunSettings;
  /** What the change does to `.vmt-oversight.yaml`, when it edits it. */
  configChange?: ConfigChange;
  /** Every rule's default severity, for judging a change of the configured levels. */
  ruleDefaults: Readonly<Partial<Record<RuleId, Severity>>>;
}

/** A rule about the list file as a whole (parsing, duplicates, ordering). */
export interface ListRule {
  scope: 'list';
  meta: RuleMeta;
  check(context: ListRuleContext): RuleResult[];
}

export type AnyRepositoryRule = RepositoryRule<EvidenceKind, EvidenceKind>;
