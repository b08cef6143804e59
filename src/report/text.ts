import { createColors } from 'picocolors';
import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import { clauseLabel, countBySeverity, plural, tally, voteLabel } from './brief';
import type { ChunkedReporter, Reporter, ReporterContext, TextDetail } from './reporters';
import { conditionText, runWideConditions } from './run-wide';
import { findingLines, type Colors } from './text-finding';

/**
 * Human output: a header, then per repository its errors and warnings with their citations in
 * full, its notes on one line, the conditions of the whole run once, then the verdict.
 * `quiet` keeps only what blocks; `verbose` adds each finding's raw evidence.
 */
export const textReporter: Reporter = (report, context) =>
  [...textChunks(report, context)].join('');

/** The text report in pieces, one repository at a time (their concatenation is the report). */
export const textChunks: ChunkedReporter = function* (report, context) {
  let first = true;
  for (const lines of textSections(report, context)) {
    if (lines.length === 0) continue;
    yield `${first ? '' : '\n'}${lines.join('\n')}`;
    first = false;
  }
  yield '\n';
};

function* textSections(report: Report, context: ReporterContext): Generator<string[]> {
  const c = createColors(context.color);
  const detail: TextDetail = context.detail ?? 'normal';
  const { conditions, rest } = runWideConditions(report.findings);
  yield header(report, c);
  for (const [repository, findings] of groupByRepository(rest)) {
    yield repositoryLines(report, repository, findings, detail, c);
  }
  if (detail !== 'quiet' && conditions.length > 0) {
    yield ['', ...conditions.map((condition) => c.yellow(`! ${conditionText(condition)}`))];
  }
  yield ['', verdictLine(report, c)];
}

function header(report: Report, c: Colors): string[] {
  const head = report.head === 'WORKTREE' ? 'the work tree' : short(report.head);
  return [
    `${c.bold('vmt-oversight')} ${report.list.path} (${report.list.format} format), as of ${report.asOf}`,
    `base ${short(report.base)}${baseWhy(report)} → head ${head}`,
    changesLine(report),
    ...(report.warnings ?? []).map((warning) => c.yellow(`! ${warning}`)),
  ];
}

function baseWhy(report: Report): string {
  const label = report.baseLabel;
  return label === undefined || label === report.base ? '' : ` (${label})`;
}

function changesLine(report: Report): string {
  const { added, removed, modified } = report.changes;
  const parts = [
    ...added.map((name) => `+ ${name}`),
    ...removed.map((name) => `- ${name}`),
    ...modified.map((name) => `~ ${name}`),
  ];
  return parts.length === 0
    ? 'No repository was added, removed or modified.'
    : `Changes: ${parts.join(', ')}`;
}

function repositoryLines(
  report: Report,
  repository: string | null,
  findings: readonly Finding[],
  detail: TextDetail,
  c: Colors,
): string[] {
  const shown = findings.filter((f) =>
    detail === 'quiet' ? f.severity === 'error' : f.severity !== 'info',
  );
  const notes = detail === 'quiet' ? '' : notesLine(findings);
  if (shown.length === 0 && notes === '') return [];
  const name = repository ?? `${report.list.path} (the list itself)`;
  const lines = ['', `${c.bold(name)}${kindOf(report, repository)}`];
  for (const finding of shown) lines.push(...findingLines(finding, c, detail === 'verbose'));
  if (notes) lines.push(`  ${c.green(notes)}`);
  if (detail === 'verbose') {
    for (const note of findings.filter((f) => f.severity === 'info')) {
      lines.push(...findingLines(note, c, true));
    }
  }
  return lines;
}

function kindOf(report: Report, repository: string | null): string {
  if (repository === null) return '';
  const { added, removed, modified } = report.changes;
  if (added.includes(repository)) return ' (added)';
  if (removed.includes(repository)) return ' (removed)';
  if (modified.includes(repository)) return ' (modified)';
  return '';
}

/** `✓ clause 2 · ✓ clause 6 · 3 notes`: clauses with notes and nothing worse. */
function notesLine(findings: readonly Finding[]): string {
  const notes = findings.filter((f) => f.severity === 'info');
  if (notes.length === 0) return '';
  const troubled = new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.clause));
  const clauses = [...new Set(notes.map((f) => f.clause))]
    .filter((clause) => clauseLabel(clause) !== '' && !troubled.has(clause))
    .sort(byClause)
    .map((clause) => `✓ ${clauseLabel(clause)}`);
  return [...clauses, plural(notes.length, 'note')].join(' · ');
}

function byClause(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isNaN(x) || Number.isNaN(y))
    return Number.isNaN(x) ? (Number.isNaN(y) ? a.localeCompare(b) : 1) : -1;
  return x - y;
}

function groupByRepository(findings: readonly Finding[]): Map<string | null, Finding[]> {
  const groups = new Map<string | null, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.repository);
    if (group) group.push(finding);
    else groups.set(finding.repository, [finding]);
  }
  return groups;
}

function verdictLine(report: Report, c: Colors): string {
  const counts = tally(report.findings);
  const vote = voteLabel(report.vote);
  if (report.verdict === 'pass') return c.green(`Verdict: PASS (vote ${vote}) — ${counts}`);
  if (report.verdict === 'fail') {
    const blocking = plural(countBySeverity(report.findings).error, 'error');
    return c.red(`Verdict: FAIL (vote ${vote}) — ${counts}; fix the ${blocking} above`);
  }
  return c.yellow(
    `Verdict: INCONCLUSIVE (no vote) — ${counts}; some evidence could not be gathered`,
  );
}

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
