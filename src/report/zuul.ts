/**
 * `--format zuul`: exactly what a `zuul_return` task hands Zuul, top-level `zuul` key included,
 * so the file can be passed as is (`zuul_return: {file: …}`, or `data:`):
 *
 *   {"zuul": {"file_comments": {"<path in its repo>": [{line, message, level}]}, "warnings": […]}}
 *
 * A comment carries only `line`, `message`, `level` (and never anything else: Zuul drops every
 * comment of the build on an unknown key). Errors and warnings on a line of a file in the list
 * repository become comments, one per line merging the findings on it; those without a line become
 * `zuul.warnings` (with the verdict when it is not a pass). Notes (info: checks that passed,
 * information) are never shown there: they are in the summary artifact and the full report.
 * Everything is bounded to stay well inside Gerrit's limits.
 */
import {
  byteLength,
  oneLine,
  plural,
  ruleAndClause,
  tally,
  truncateBytes,
  voteLabel,
} from './brief';
import type { Finding, Severity } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';
import { compareText } from '../util/compare';
import {
  blockingFirst,
  citationText,
  mergeByLine,
  restsOn,
  worstSeverity,
  type LineGroup,
} from './summary';

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

/** `--format zuul`. */
export const zuulReporter: Reporter = (report) =>
  `${JSON.stringify(toZuulReturn(report), null, 2)}\n`;

export function toZuulReturn(report: Report, limits: ZuulLimits = ZUUL_LIMITS): ZuulReturnData {
  const shown = report.findings.filter((f) => f.severity !== 'info');
  const located = shown.filter((f) => commentPath(f, report) !== null);
  const groups = mergeByLine(located, (f) => commentPath(f, report) as string);
  const [kept, overflow] = boundComments(groups, limits);
  const unlocated = blockingFirst(shown.filter((f) => commentPath(f, report) === null));
  const overflowCount = overflow.reduce((sum, group) => sum + group.findings.length, 0);
  const warnings = [...summaryWarnings(report, overflowCount), ...unlocated.map(warningText)];
  return {
    zuul: {
      file_comments: groupComments(kept, limits),
      warnings: boundWarnings(warnings, limits),
    },
  };
}

/** The repository-relative path a finding can be commented on, or null. */
function commentPath(finding: Finding, report: Report): string | null {
  if (finding.line === null || !Number.isInteger(finding.line) || finding.line < 1) return null;
  const path = finding.file ?? report.list.path;
  return isRepositoryPath(path) ? path : null;
}

/** Zuul maps and keeps comments only on repository-relative paths the change touched. */
function isRepositoryPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\')) return false;
  return !path.split('/').some((part) => part === '..' || part === '.' || part === '');
}

/** Lines with an error first, then in file order; cut by count and by total size. */
function boundComments(groups: LineGroup[], limits: ZuulLimits): [LineGroup[], LineGroup[]] {
  const ordered = [...groups].sort((a, b) => rank(a) - rank(b));
  const kept: LineGroup[] = [];
  let bytes = 0;
  for (const [index, group] of ordered.entries()) {
    const size = byteLength(commentMessage(group.findings, limits));
    if (kept.length >= limits.maxComments || bytes + size > limits.totalCommentBytes) {
      return [kept, ordered.slice(index)];
    }
    kept.push(group);
    bytes += size;
  }
  return [kept, []];
}

function rank(group: LineGroup): number {
  return worstSeverity(group.findings) === 'error' ? 0 : 1;
}

function groupComments(groups: LineGroup[], limits: ZuulLimits): Record<string, ZuulFileComment[]> {
  const byPath = new Map<string, ZuulFileComment[]>();
  for (const group of groups) {
    const comments = byPath.get(group.file) ?? [];
    comments.push({
      line: group.line,
      message: commentMessage(group.findings, limits),
      level: worstSeverity(group.findings),
    });
    byPath.set(group.file, comments);
  }
  const sorted: Record<string, ZuulFileComment[]> = {};
  for (const path of [...byPath.keys()].sort(compareText)) {
    sorted[path] = (byPath.get(path) as ZuulFileComment[]).sort((a, b) => a.line - b.line);
  }
  return sorted;
}

/** Each finding on the line (`vmt-oversight error [rule, clause 3] openstack/x: …`), its facts. */
function commentMessage(findings: readonly Finding[], limits: ZuulLimits = ZUUL_LIMITS): string {
  const parts = findings.map((finding) => {
    const subject = finding.repository ? `${finding.repository}: ` : '';
    const head = `vmt-oversight ${finding.severity} [${ruleAndClause(finding)}] ${subject}${finding.message}`;
    const citations = (finding.citations ?? []).map((c) => `- ${citationText(c)}`);
    return citations.length > 0 ? `${head}\nRests on:\n${citations.join('\n')}` : head;
  });
  const rules = [...new Set(findings.map((f) => f.rule))];
  const explain = `Details: ${rules.map((rule) => `vmt-oversight explain ${rule}`).join(', ')}`;
  return truncateBytes([...parts, explain].join('\n\n'), limits.commentBytes);
}

function warningText(finding: Finding): string {
  const where = finding.line !== null ? `${finding.file ?? ''}:${finding.line}` : finding.file;
  const location = where ? ` (${where})` : '';
  const subject = finding.repository ? `${finding.repository}: ` : '';
  return oneLine(
    `vmt-oversight ${finding.severity} [${ruleAndClause(finding)}]${location} ${subject}${finding.message}${restsOn(finding, citationText)}`,
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
      kept.push(`vmt-oversight: ${plural(rest, 'more warning')} left out; see the JSON report.`);
      return kept;
    }
    kept.push(text);
    bytes += byteLength(text);
  }
  return kept;
}
