import { visible } from '../util/visible';
import type { EvidenceValue, Finding } from './finding';

// Almost every text is already visible: tested first, a text is only rewritten when it must be.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

function shown(text: string): string {
  return INVISIBLE.test(text) ? visible(text) : text;
}

function visibleValue(value: EvidenceValue): EvidenceValue {
  if (typeof value === 'string') return shown(value);
  if (Array.isArray(value)) return value.map(visibleValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [shown(k), visibleValue(v)]));
  }
  return value;
}

/** The finding with every text it carries made visible. */
export function visibleFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: shown(finding.message),
    evidence: visibleValue(finding.evidence) as Finding['evidence'],
  };
}
