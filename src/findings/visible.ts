import { visible } from '../util/visible';
import type { EvidenceValue, Finding } from './finding';

function visibleValue(value: EvidenceValue): EvidenceValue {
  if (typeof value === 'string') return visible(value);
  if (Array.isArray(value)) return value.map(visibleValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [visible(k), visibleValue(v)]));
  }
  return value;
}

/** The finding with every text it carries made visible. */
export function visibleFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: visible(finding.message),
    evidence: visibleValue(finding.evidence) as Finding['evidence'],
  };
}
