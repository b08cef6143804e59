/** One finding in the text report: its line, its citations in full, and (verbose) its evidence. */
import type { createColors } from 'picocolors';
import type { Citation, Finding, Severity } from '../findings/finding';
import { evidenceTree } from './evidence-text';
import { clauseLabel } from './brief';

export type Colors = ReturnType<typeof createColors>;

const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: '✓' };

export function findingLines(finding: Finding, c: Colors, verbose: boolean): string[] {
  const where = finding.line !== null ? `${finding.file}:${finding.line}` : (finding.file ?? '');
  const clause = clauseLabel(finding.clause);
  const label = clause ? `${clause}, ${finding.rule}` : finding.rule;
  const head =
    `  ${severityLabel(finding.severity, c)} ${c.dim(`[${label}]`)}` +
    `${where ? ` ${c.dim(where)}` : ''} ${finding.message}`;
  const cited = (finding.citations ?? []).map((citation) => `      ${citationText(citation, c)}`);
  const evidence = verbose
    ? [c.dim('      evidence:'), ...evidenceTree(finding.evidence, '        ').map(c.dim)]
    : [];
  return [head, ...cited, ...evidence];
}

/** `↳ deliverable sushy (team ironic) — https://opendev.org/…#L812`, never cut. */
export function citationText(citation: Citation, c: Colors): string {
  return `↳ ${citation.text} — ${c.dim(citationWhere(citation))}`;
}

function citationWhere(citation: Citation): string {
  if (citation.url !== undefined) return citation.url;
  const file = citation.file ?? '';
  const at = citation.line !== undefined && file ? `${file}:${citation.line}` : file;
  const holder = citation.source === 'list' ? '' : (citation.repository ?? citation.source);
  const place = [holder, at].filter((part) => part !== '').join(' ');
  return citation.commit ? `${place} at ${citation.commit.slice(0, 12)}` : place;
}

export function severityLabel(severity: Severity, c: Colors): string {
  const text = `${MARK[severity]} ${severity === 'info' ? 'note' : severity}`;
  if (severity === 'error') return c.red(text);
  if (severity === 'warning') return c.yellow(text);
  return c.cyan(text);
}
