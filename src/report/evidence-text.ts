import type { EvidenceRecord, EvidenceValue } from '../findings/finding';

const MAX_LINE = 160;

/**
 * One compact line per evidence key, nested values as JSON, each cut to a readable length (the
 * JSON report keeps everything).
 */
export function evidenceLines(evidence: EvidenceRecord): string[] {
  return Object.entries(evidence).map(([key, value]) => cut(`${key}: ${formatValue(value)}`));
}

function cut(line: string): string {
  return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 1)}…`;
}

function formatValue(value: EvidenceValue): string {
  if (value === null) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
