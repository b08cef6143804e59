/** What a reporter needs to know about a rule: the metadata its caller hands over. */
import type { RuleId } from '../findings/finding';
import type { RuleDoc } from '../findings/rule-doc';

export type { RuleDoc } from '../findings/rule-doc';

export const DEFAULT_DOCS_BASE_URI =
  'https://opendev.org/openstack/vmt-oversight/src/branch/master/src/rules';

/** The doc of `id` from `known`; a rule it does not know is named by its id. */
export function ruleDoc(id: RuleId, known: readonly RuleDoc[]): RuleDoc {
  return (
    known.find((doc) => doc.id === id) ?? { id, clause: '—', title: id, defaultSeverity: 'error' }
  );
}

/** Where the rule's documentation page lives. */
export function ruleHelpUri(id: RuleId, base = DEFAULT_DOCS_BASE_URI): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(id)}/README.md`;
}
