/**
 * What the review-facing reporters (markdown, gerrit, zuul) share: findings in the order a
 * reviewer needs them (every error of every repository, then warnings, then notes), the facts a
 * finding rests on in one line, and findings merged per file line.
 */
import { compareText } from '../util/compare';
import { oneLine, SEVERITY_ORDER } from './brief';
import type { Citation, Finding } from '../findings/finding';

/** Errors first, then warnings, then notes; within one: the list, repositories by name, lines. */
export function blockingFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      compareRepository(a.repository, b.repository) ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
}

function compareRepository(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

/** `tag 5.0.0, 2024-02-20 (openstack/x deliverables/y.yaml line 4 at c7e4f290)`. */
export function citationText(citation: Citation): string {
  const where = [
    citation.repository,
    citation.file,
    citation.line !== undefined ? `line ${citation.line}` : undefined,
    citation.commit !== undefined ? `at ${citation.commit.slice(0, 12)}` : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  return oneLine(where.length > 0 ? `${citation.text} (${where.join(' ')})` : citation.text);
}

/** A markdown rendering of a citation: its text linked to its URL when it has one. */
export function citationMarkdown(citation: Citation): string {
  const text = citationText(citation).replace(/[[\]]/g, '\\$&');
  return citation.url && isHttpUrl(citation.url) ? `[${text}](${citation.url})` : text;
}

/** Only http(s) URLs become links: a citation's URL may come from untrusted data. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s()<>]+$/i.test(url);
}

/** `Rests on: a; b.` or '' when the finding cites nothing. */
export function restsOn(finding: Finding, render = citationMarkdown): string {
  const citations = finding.citations ?? [];
  return citations.length > 0 ? ` Rests on: ${citations.map(render).join('; ')}.` : '';
}

export interface LineGroup {
  file: string;
  line: number;
  /** Blocking first. */
  findings: Finding[];
}

/** Findings grouped by file and line (one inline comment each), files and lines in order. */
export function mergeByLine(
  findings: readonly Finding[],
  fileOf: (f: Finding) => string,
): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const finding of findings) {
    const file = fileOf(finding);
    const line = finding.line as number;
    const key = `${line}\u0000${file}`;
    const group = groups.get(key) ?? { file, line, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, findings: blockingFirst(group.findings) }))
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
}

/** The most severe severity of a group. */
export function worstSeverity(findings: readonly Finding[]): Finding['severity'] {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'info';
}
