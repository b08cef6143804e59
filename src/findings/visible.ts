import { visible } from '../util/visible';
import type { EvidenceValue, Finding } from './finding';

/** The value with every text made visible; the value itself when nothing in it changes. */
function visibleValue(value: EvidenceValue): EvidenceValue {
  if (typeof value === 'string') return visible(value);
  if (Array.isArray(value)) {
    const items = value.map(visibleValue);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const shown = entries.map(([k, v]) => [visible(k), visibleValue(v)] as const);
    const changed = shown.some(
      ([k, v], index) => k !== entries[index]?.[0] || v !== entries[index]?.[1],
    );
    return changed ? Object.fromEntries(shown) : value;
  }
  return value;
}

/**
 * The finding with every text it carries made visible. A finding with nothing to escape (nearly
 * all) is returned as it is, not copied: a report of thousands of findings is not held twice.
 */
export function visibleFinding(finding: Finding): Finding {
  const message = visible(finding.message);
  const evidence = visibleValue(finding.evidence) as Finding['evidence'];
  if (message === finding.message && evidence === finding.evidence) return finding;
  return { ...finding, message, evidence };
}
