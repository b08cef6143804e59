import type { EvidenceRecord, EvidenceValue } from './finding';

/** One compact line per evidence key: `file: reference/projects.yaml:812`, nested values as JSON. */
export function evidenceLines(evidence: EvidenceRecord): string[] {
  return Object.entries(evidence).map(([key, value]) => `${key}: ${formatValue(value)}`);
}

function formatValue(value: EvidenceValue): string {
  if (value === null) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
