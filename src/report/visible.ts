import type { EvidenceValue, Finding } from './finding';

// Control and format characters (ESC, CR, right-to-left override…) could forge report lines or
// reorder text in a terminal, a review message or a page: they are shown as \u{…} escapes.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

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
