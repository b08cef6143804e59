import { createColors } from 'picocolors';
import { evidenceLines } from './evidence-text';
import type { Finding, Severity } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';

type Colors = ReturnType<typeof createColors>;

/** Human output: changes, findings grouped by repository with the clause, then the verdict. */
export const textReporter: Reporter = (report, context) => {
  const c = createColors(context.color);
  const lines = [...header(report, c), ...changes(report, c)];
  for (const [repository, findings] of groupByRepository(report.findings)) {
    lines.push('', c.bold(repository ?? `${report.list.path} (the list itself)`));
    for (const finding of findings) lines.push(...findingLines(finding, c));
  }
  lines.push('', verdictLine(report, c));
  return `${lines.join('\n')}\n`;
};

function header(report: Report, c: Colors): string[] {
  return [
    `${c.bold('vmt-oversight')} ${report.list.path} (${report.list.format} format)`,
    `  base ${short(report.base)}${baseWhy(report)} → head ${short(report.head)}, judged as of ${report.asOf}`,
  ];
}

function baseWhy(report: Report): string {
  const label = report.baseLabel;
  return label === undefined || label === report.base ? '' : ` (${label})`;
}

function changes(report: Report, c: Colors): string[] {
  const { added, removed, modified } = report.changes;
  if (added.length + removed.length + modified.length === 0) {
    return ['', 'No repository was added, removed or modified.'];
  }
  return [
    '',
    `Changes: ${added.length} added, ${removed.length} removed, ${modified.length} modified`,
    ...added.map((name) => c.green(`  + ${name}`)),
    ...removed.map((name) => c.red(`  - ${name}`)),
    ...modified.map((name) => c.yellow(`  ~ ${name}`)),
  ];
}

function groupByRepository(findings: readonly Finding[]): Map<string | null, Finding[]> {
  const groups = new Map<string | null, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.repository) ?? [];
    group.push(finding);
    groups.set(finding.repository, group);
  }
  return groups;
}

function findingLines(finding: Finding, c: Colors): string[] {
  const where = finding.line !== null ? `${finding.file}:${finding.line}` : (finding.file ?? '');
  const clause =
    finding.clause === '—' ? finding.rule : `clause ${finding.clause}, ${finding.rule}`;
  const head = `  ${severityLabel(finding.severity, c)} ${c.dim(where)} [${clause}]`;
  const evidence = evidenceLines(finding.evidence).map((line) => c.dim(`      ${line}`));
  return [head, `      ${finding.message}`, ...evidence];
}

function severityLabel(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red('error  ');
  if (severity === 'warning') return c.yellow('warning');
  return c.cyan('info   ');
}

function verdictLine(report: Report, c: Colors): string {
  const count = (s: Severity): number => report.findings.filter((f) => f.severity === s).length;
  const tally = `${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`;
  const vote = report.vote > 0 ? '+1' : String(report.vote);
  if (report.verdict === 'pass') return c.green(`Verdict: PASS (vote ${vote}) — ${tally}`);
  if (report.verdict === 'fail') return c.red(`Verdict: FAIL (vote ${vote}) — ${tally}`);
  return c.yellow(
    `Verdict: INCONCLUSIVE (no vote) — ${tally}; some evidence could not be gathered`,
  );
}

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
