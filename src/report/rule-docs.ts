/** What a reporter needs to know about a rule: its metadata from the rule registry. */
import { allRuleMetas } from '../rules';
import type { RuleMeta } from '../rules/types';
import type { RuleId } from './finding';

export type RuleDoc = Pick<RuleMeta, 'id' | 'clause' | 'title' | 'defaultSeverity'>;

export const DEFAULT_DOCS_BASE_URI =
  'https://opendev.org/openstack/vmt-oversight/src/branch/master/src/rules';

/** The doc of `id` from `known` (the registry's metadata unless a caller passes its own). */
export function ruleDoc(id: RuleId, known: readonly RuleDoc[] = allRuleMetas()): RuleDoc {
  return (
    known.find((doc) => doc.id === id) ?? { id, clause: '—', title: id, defaultSeverity: 'error' }
  );
}

/** Where the rule's documentation page lives. */
export function ruleHelpUri(id: RuleId, base = DEFAULT_DOCS_BASE_URI): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(id)}/README.md`;
}
