/**
 * `--format zuul`: exactly what a `zuul_return` task hands Zuul, top-level `zuul` key included,
 * so the file can be passed as is (`zuul_return: {file: …}`, or `data:`):
 *
 *   {"zuul": {"file_comments": {"<path in its repo>": [{line, message, level}]}, "warnings": […]}}
 *
 * A comment carries only `line`, `message`, `level` (and never anything else: Zuul drops every
 * comment of the build on an unknown key). Blocking and warning findings on a line of a file in
 * the list repository become comments; findings without a line and info notes become warnings.
 * Everything is bounded to stay well inside Gerrit's limits.
 */
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
import type { Finding, Severity } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';
import { compareText } from '../util/compare';

export type ZuulCommentLevel = Severity;

export interface ZuulCommentRange {
  start_line: number;
  start_character: number;
  end_line: number;
  end_character: number;
}

export interface ZuulFileComment {
  line: number;
  message: string;
  level: ZuulCommentLevel;
  range?: ZuulCommentRange;
}

export interface ZuulReturnData {
  zuul: {
    file_comments: Record<string, ZuulFileComment[]>;
    warnings: string[];
  };
}

export interface ZuulLimits {
  /** One comment's message (Gerrit's `change.commentSizeLimit` is 16 KiB). */
  commentBytes: number;
  /** Comments per build (Gerrit's `change.maxComments` is 5,000 per change, all patch sets). */
  maxComments: number;
  /** All comment messages of a build (Gerrit's cumulative limit is 3 MiB per change). */
  totalCommentBytes: number;
  /** One warning (each is a line of Zuul's review message, itself cut at ~16 KiB). */
  warningBytes: number;
  /** All warnings together. */
  totalWarningBytes: number;
}

export const ZUUL_LIMITS: ZuulLimits = {
  commentBytes: 4000,
  maxComments: 100,
  totalCommentBytes: 64 * 1024,
  warningBytes: 600,
  totalWarningBytes: 6000,
};

const EVIDENCE_BYTES = 1000;

/** `--format zuul`. */
export const zuulReporter: Reporter = (report) =>
  `${JSON.stringify(toZuulReturn(report), null, 2)}\n`;

export function toZuulReturn(report: Report, limits: ZuulLimits = ZUUL_LIMITS): ZuulReturnData {
  const inline = report.findings.filter((f) => commentPath(f, report) !== null);
  const [kept, overflow] = boundComments(inline, limits);
  const notes = report.findings
    .filter((f) => commentPath(f, report) === null)
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  const warnings = [...summaryWarnings(report, overflow.length), ...notes.map(warningText)];
  return {
    zuul: {
      file_comments: groupComments(kept, report, limits),
      warnings: boundWarnings(warnings, limits),
    },
  };
}

/** The repository-relative path a finding can be commented on, or null (it becomes a warning). */
function commentPath(finding: Finding, report: Report): string | null {
  if (finding.severity === 'info') return null;
  if (finding.line === null || !Number.isInteger(finding.line) || finding.line < 1) return null;
  const path = finding.file ?? report.list.path;
  return isRepositoryPath(path) ? path : null;
}

/** Zuul maps and keeps comments only on repository-relative paths the change touched. */
function isRepositoryPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\')) return false;
  return !path.split('/').some((part) => part === '..' || part === '.' || part === '');
}

/** Blocking findings first, then by order in the report; cut by count and by total size. */
function boundComments(findings: Finding[], limits: ZuulLimits): [Finding[], Finding[]] {
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b));
  const kept: Finding[] = [];
  let bytes = 0;
  for (const [index, finding] of ordered.entries()) {
    const size = byteLength(commentMessage(finding, limits));
    if (kept.length >= limits.maxComments || bytes + size > limits.totalCommentBytes) {
      return [kept, ordered.slice(index)];
    }
    kept.push(finding);
    bytes += size;
  }
  return [kept, []];
}

function rank(finding: Finding): number {
  return finding.severity === 'error' ? 0 : 1;
}

function groupComments(
  findings: Finding[],
  report: Report,
  limits: ZuulLimits,
): Record<string, ZuulFileComment[]> {
  const byPath = new Map<string, ZuulFileComment[]>();
  for (const finding of findings) {
    const path = commentPath(finding, report) as string;
    const comments = byPath.get(path) ?? [];
    comments.push({
      line: finding.line as number,
      message: commentMessage(finding, limits),
      level: finding.severity,
    });
    byPath.set(path, comments);
  }
  const sorted: Record<string, ZuulFileComment[]> = {};
  for (const path of [...byPath.keys()].sort(compareText)) {
    sorted[path] = (byPath.get(path) as ZuulFileComment[]).sort((a, b) => a.line - b.line);
  }
  return sorted;
}

/** `vmt-oversight error [versioned-releases, clause 3] openstack/x: …` plus the evidence. */
function commentMessage(finding: Finding, limits: ZuulLimits = ZUUL_LIMITS): string {
  const subject = finding.repository ? `${finding.repository}: ` : '';
  const head = `vmt-oversight ${finding.severity} [${ruleAndClause(finding)}] ${subject}${finding.message}`;
  const evidence = Object.keys(finding.evidence).length
    ? `\n\nEvidence: ${evidenceBrief(finding.evidence, EVIDENCE_BYTES)}`
    : '';
  const explain = `\n\nDetails: vmt-oversight explain ${finding.rule}`;
  return truncateBytes(`${head}${evidence}${explain}`, limits.commentBytes);
}

function warningText(finding: Finding): string {
  const where = finding.line !== null ? `${finding.file ?? ''}:${finding.line}` : finding.file;
  const location = where ? ` (${where})` : '';
  const subject = finding.repository ? `${finding.repository}: ` : '';
  return oneLine(
    `vmt-oversight ${finding.severity} [${ruleAndClause(finding)}]${location} ${subject}${finding.message}`,
  );
}

function summaryWarnings(report: Report, leftOut: number): string[] {
  const out: string[] = [];
  if (report.verdict !== 'pass') {
    const vote = report.verdict === 'fail' ? `vote ${voteLabel(report.vote)}` : 'no vote';
    const why =
      report.verdict === 'inconclusive'
        ? '; some evidence could not be gathered, so the proposal cannot pass yet'
        : '';
    out.push(
      `vmt-oversight: ${report.verdict.toUpperCase()} (${vote}) — ${tally(report.findings)}${why}.`,
    );
  }
  if (leftOut > 0) {
    out.push(
      `vmt-oversight: ${plural(leftOut, 'more finding')} on the list not commented inline (limit reached); see the JSON report.`,
    );
  }
  return out;
}

function boundWarnings(warnings: string[], limits: ZuulLimits): string[] {
  const kept: string[] = [];
  let bytes = 0;
  for (const [index, warning] of warnings.entries()) {
    const text = truncateBytes(warning, limits.warningBytes);
    const reserve = index < warnings.length - 1 ? 200 : 0;
    if (bytes + byteLength(text) + reserve > limits.totalWarningBytes) {
      const rest = warnings.length - index;
      kept.push(`vmt-oversight: ${plural(rest, 'more note')} left out; see the JSON report.`);
      return kept;
    }
    kept.push(text);
    bytes += byteLength(text);
  }
  return kept;
}
