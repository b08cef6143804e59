/** What a reporter needs to know about a rule: the metadata its caller hands over. */
import type { RuleId } from '../findings/finding';
import type { RuleDoc } from '../findings/rule-doc';

export type { RuleDoc } from '../findings/rule-doc';

/** The doc of `id` from `known`; a rule it does not know is named by its id. */
export function ruleDoc(id: RuleId, known: readonly RuleDoc[]): RuleDoc {
  return (
    known.find((doc) => doc.id === id) ?? { id, clause: '—', title: id, defaultSeverity: 'error' }
  );
}

/** Where the rule's doc page lives under a published docs base URL (none by default). */
export function ruleHelpUri(id: RuleId, base: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(id)}/README.md`;
}
