/**
 * `--format markdown`: a summary fit for a Gerrit review message (or a pull-request comment).
 * Only the markdown subset Gerrit renders: paragraphs, `*` bullets, inline code, bold. One bullet
 * per finding, on one line, grouped by repository; at most 16,000 bytes, saying what was left out.
 */
import { compareText } from '../util/compare';
import {
  byteLength,
  evidenceBrief,
  oneLine,
  plural,
  ruleAndClause,
  SEVERITY_ORDER,
  tally,
  truncateBytes,
  voteLabel,
} from './brief';
import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';

export interface MarkdownLimits {
  /** The whole message (Gerrit's comment size limit is 16 KiB). */
  totalBytes: number;
  /** One finding's bullet. */
  findingBytes: number;
  /** The evidence part of a bullet. */
  evidenceBytes: number;
  /** Repository names listed per kind of change. */
  namesPerChange: number;
}

export const MARKDOWN_LIMITS: MarkdownLimits = {
  totalBytes: 16000,
  findingBytes: 1200,
  evidenceBytes: 400,
  namesPerChange: 25,
};

/** Room kept for the closing line that says how many findings were left out. */
const FOOTER_RESERVE = 200;

export const markdownReporter: Reporter = (report) => toMarkdown(report);

export function toMarkdown(report: Report, limits: MarkdownLimits = MARKDOWN_LIMITS): string {
  const head = [verdictLine(report), '', revisionsLine(report), '', changesLine(report, limits)];
  const budget = limits.totalBytes - FOOTER_RESERVE;
  const lines = [...head];
  let used = byteLength(head.join('\n'));
  let shown = 0;
  for (const [title, findings] of groups(report)) {
    const header = ['', `${title}:`, ''];
    let headerShown = false;
    for (const finding of findings) {
      const bullet = findingBullet(finding, limits);
      const extra = headerShown ? [] : header;
      const cost = byteLength([...extra, bullet].join('\n')) + 1;
      if (used + cost > budget) return finish(lines, report.findings.length - shown);
      lines.push(...extra, bullet);
      headerShown = true;
      used += cost;
      shown += 1;
    }
  }
  return finish(lines, report.findings.length - shown);
}

function finish(lines: string[], leftOut: number): string {
  if (leftOut > 0) {
    lines.push(
      '',
      `_${plural(leftOut, 'more finding')} left out to keep this message short; see the JSON report._`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function verdictLine(report: Report): string {
  const vote = report.verdict === 'inconclusive' ? 'no vote' : `vote ${voteLabel(report.vote)}`;
  const why = report.verdict === 'inconclusive' ? ' Some evidence could not be gathered.' : '';
  return `**vmt-oversight: ${report.verdict.toUpperCase()}** (${vote}) — ${tally(report.findings)}.${why}`;
}

function revisionsLine(report: Report): string {
  return (
    `List \`${report.list.path}\` (${report.list.format} format), ` +
    `base \`${short(report.base)}\` → head \`${short(report.head)}\`, judged as of ${report.asOf}.`
  );
}

function changesLine(report: Report, limits: MarkdownLimits): string {
  const { added, removed, modified } = report.changes;
  const names = (list: string[]): string => {
    if (list.length === 0) return 'none';
    const shown = list.slice(0, limits.namesPerChange).map((name) => `\`${name}\``);
    const more = list.length - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  };
  return `Changes: added ${names(added)}; removed ${names(removed)}; modified ${names(modified)}.`;
}

/** The list's own findings first, then repositories by name; errors first within a group. */
function groups(report: Report): [string, Finding[]][] {
  const byRepository = new Map<string | null, Finding[]>();
  for (const finding of report.findings) {
    byRepository.set(finding.repository, [
      ...(byRepository.get(finding.repository) ?? []),
      finding,
    ]);
  }
  const keys = [...byRepository.keys()].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : compareText(a, b),
  );
  return keys.map((key) => [
    key === null ? `The list \`${report.list.path}\`` : `Repository \`${key}\``,
    [...(byRepository.get(key) ?? [])].sort(bySeverityThenLine),
  ]);
}

function bySeverityThenLine(a: Finding, b: Finding): number {
  const severity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  return severity || (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

function findingBullet(finding: Finding, limits: MarkdownLimits): string {
  const where = finding.line !== null ? `, line ${finding.line}` : '';
  const evidence = Object.keys(finding.evidence).length
    ? ` (evidence: ${evidenceBrief(finding.evidence, limits.evidenceBytes)})`
    : '';
  const text = `* **${finding.severity}** ${ruleAndClause(finding)}${where}: ${oneLine(finding.message)}${evidence}`;
  return truncateBytes(text, limits.findingBytes);
}

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
