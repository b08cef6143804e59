import type { EvidenceRecord, EvidenceValue } from '../findings/finding';

/**
 * The raw evidence as an indented tree, nothing cut (for `--verbose`): scalars on their key's
 * line, objects and lists one level deeper.
 */
export function evidenceTree(evidence: EvidenceRecord, indent = ''): string[] {
  return Object.entries(evidence).flatMap(([key, value]) => entryLines(key, value, indent));
}

function entryLines(key: string, value: EvidenceValue, indent: string): string[] {
  if (!isNested(value)) return [`${indent}${key}: ${scalar(value)}`];
  if (Array.isArray(value) && value.length === 0) return [`${indent}${key}: []`];
  if (!Array.isArray(value) && Object.keys(value).length === 0) return [`${indent}${key}: {}`];
  return [`${indent}${key}:`, ...nestedLines(value, `${indent}  `)];
}

function nestedLines(value: EvidenceValue[] | EvidenceRecord, indent: string): string[] {
  if (!Array.isArray(value)) return evidenceTree(value, indent);
  return value.flatMap((item) => {
    if (!isNested(item)) return [`${indent}- ${scalar(item)}`];
    const [first = '', ...rest] = nestedLines(item, `${indent}  `);
    return [`${indent}- ${first.trimStart()}`, ...rest];
  });
}

function isNested(value: EvidenceValue): value is EvidenceValue[] | EvidenceRecord {
  return value !== null && typeof value === 'object';
}

function scalar(value: EvidenceValue): string {
  if (value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const MAX_LINE = 160;

/**
 * One compact line per evidence key, nested values as JSON, each cut to a readable length (the
 * JSON report keeps everything). Kept for the review reporters that still list evidence.
 */
export function evidenceLines(evidence: EvidenceRecord): string[] {
  return Object.entries(evidence).map(([key, value]) => {
    const line = `${key}: ${isNested(value) ? JSON.stringify(value) : scalar(value)}`;
    return line.length <= MAX_LINE ? line : `${line.slice(0, MAX_LINE - 1)}…`;
  });
}
