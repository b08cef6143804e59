/** Small text helpers shared by the review-facing reporters (zuul, sarif, markdown). */
import type { EvidenceRecord, EvidenceValue, Finding, Severity } from '../findings/finding';

const TRUNCATION_MARK = ' … (truncated)';

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes (marker included), never inside a character. */
export function truncateBytes(text: string, maxBytes: number, mark = TRUNCATION_MARK): string {
  if (byteLength(text) <= maxBytes) return text;
  const budget = Math.max(0, maxBytes - byteLength(mark));
  let used = 0;
  let out = '';
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > budget) break;
    out += char;
    used += size;
  }
  return out + mark;
}

/** Collapses newlines and runs of whitespace, for list items and one-line notes. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `clause 3`, `the Deprecation section`, or '' for findings that belong to no clause. */
export function clauseLabel(clause: string): string {
  if (clause === '' || clause === '—' || clause === '-') return '';
  if (/^\d+$/.test(clause)) return `clause ${clause}`;
  return `the ${clause} section`;
}

/** `versioned-releases, clause 3` or just the rule id. */
export function ruleAndClause(finding: Pick<Finding, 'rule' | 'clause'>): string {
  const clause = clauseLabel(finding.clause);
  return clause ? `${finding.rule}, ${clause}` : finding.rule;
}

/** `key: value; key: value`, nested values as JSON, bounded. */
export function evidenceBrief(evidence: EvidenceRecord, maxBytes: number): string {
  const parts = Object.entries(evidence).map(([key, value]) => `${key}: ${formatValue(value)}`);
  return truncateBytes(oneLine(parts.join('; ')), maxBytes);
}

function formatValue(value: EvidenceValue): string {
  if (value === null) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** `2 errors, 1 warning, 0 notes` */
export function tally(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.info, 'note'),
  ].join(', ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `+1`, `-1` or `0`. */
export function voteLabel(vote: number): string {
  return vote > 0 ? `+${vote}` : String(vote);
}
