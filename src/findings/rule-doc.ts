import type { RuleId, Severity } from './finding';

/** What a reporter knows of a rule: its metadata, handed over by the caller (the registry's). */
export interface RuleDoc {
  id: RuleId;
  /** The policy clause: `1`…`8`, `Deprecation`, `Updating`, or `—`. */
  clause: string;
  /** One line: what the rule checks. */
  title: string;
  defaultSeverity: Severity;
  /** The rule's doc page (Markdown), when the caller read it: reporters include it, never link it. */
  page?: string;
}
