/**
 * `--format html`: one self-contained page for a build artifact or a proposer's browser. Inline
 * CSS only: no scripts, no external assets (a Content-Security-Policy says so too). Everything that
 * comes from the report (repository names, messages, evidence from the proposal) is untrusted and
 * escaped. Deterministic: the same report gives the same bytes.
 */
import { compareText } from '../util/compare';
import { clauseLabel, countBySeverity, plural, SEVERITY_ORDER, voteLabel } from './brief';
import type { EvidenceRecord, EvidenceValue, Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';
import { ruleDoc, ruleHelpUri, type RuleDoc } from './rule-docs';

export const htmlReporter: Reporter = (report, context) => toHtml(report, context.rules);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

export function toHtml(report: Report, rules: readonly RuleDoc[]): string {
  const title = `vmt-oversight: ${report.verdict.toUpperCase()} — ${report.list.path}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    header(report),
    '<main>',
    verdict(report),
    changes(report),
    findings(report, rules),
    '</main>',
    `<footer>${escapeHtml(`${report.tool.name} ${report.tool.version}`)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(report: Report): string {
  return [
    '<header>',
    '<h1>vmt-oversight</h1>',
    '<dl class="meta">',
    `<dt>List</dt><dd><code>${escapeHtml(report.list.path)}</code> (${escapeHtml(report.list.format)} format)</dd>`,
    `<dt>Revisions</dt><dd>base <code>${escapeHtml(short(report.base))}</code> → head <code>${escapeHtml(short(report.head))}</code></dd>`,
    `<dt>As of</dt><dd>${escapeHtml(report.asOf)}</dd>`,
    '</dl>',
    '</header>',
  ].join('\n');
}

function verdict(report: Report): string {
  const counts = countBySeverity(report.findings);
  const vote = report.verdict === 'inconclusive' ? 'no vote' : `vote ${voteLabel(report.vote)}`;
  const why =
    report.verdict === 'inconclusive'
      ? '<p class="why">Some evidence could not be gathered: this is never a pass.</p>'
      : '';
  const kind = VERDICT_CLASSES[report.verdict] ?? 'inconclusive';
  return [
    `<section class="verdict verdict-${kind}" aria-label="Verdict">`,
    `<p><span class="verdict-word">${escapeHtml(report.verdict.toUpperCase())}</span> <span class="vote">${escapeHtml(vote)}</span></p>`,
    `<p class="tally">${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}</p>`,
    why,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Only known verdicts become class names; the report is read as untrusted. */
const VERDICT_CLASSES: Record<string, string> = {
  pass: 'pass',
  fail: 'fail',
  inconclusive: 'inconclusive',
};

function changes(report: Report): string {
  const { added, removed, modified } = report.changes;
  const lines = ['<section class="changes">', '<h2>Changes</h2>'];
  if (added.length + removed.length + modified.length === 0) {
    lines.push('<p>No repository was added, removed or modified.</p>');
  } else {
    lines.push('<dl>');
    for (const [label, kind, names] of [
      ['Added', 'added', added],
      ['Removed', 'removed', removed],
      ['Modified', 'modified', modified],
    ] as const) {
      const list = names.length
        ? `<ul>${names.map((name) => `<li><code>${escapeHtml(name)}</code></li>`).join('')}</ul>`
        : 'none';
      lines.push(`<dt class="${kind}">${label} (${names.length})</dt><dd>${list}</dd>`);
    }
    lines.push('</dl>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

function findings(report: Report, rules: readonly RuleDoc[]): string {
  const lines = ['<section class="findings">', '<h2>Findings</h2>'];
  if (report.findings.length === 0) lines.push('<p>No findings.</p>');
  for (const [repository, group] of groups(report.findings)) {
    const heading =
      repository === null
        ? `The list <code>${escapeHtml(report.list.path)}</code>`
        : `<code>${escapeHtml(repository)}</code>`;
    lines.push(
      '<section class="repository">',
      `<h3>${heading}</h3>`,
      '<table class="finding-table">',
      '<thead><tr><th scope="col">Severity</th><th scope="col">Clause</th><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">Finding</th></tr></thead>',
      '<tbody>',
      ...group.map((finding) => findingRow(finding, rules)),
      '</tbody>',
      '</table>',
      '</section>',
    );
  }
  lines.push('</section>');
  return lines.join('\n');
}

/** The list's own findings first, then repositories by name; errors first within a group. */
function groups(all: readonly Finding[]): [string | null, Finding[]][] {
  const byRepository = new Map<string | null, Finding[]>();
  for (const finding of all) {
    byRepository.set(finding.repository, [
      ...(byRepository.get(finding.repository) ?? []),
      finding,
    ]);
  }
  const keys = [...byRepository.keys()].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : compareText(a, b),
  );
  return keys.map((key) => [key, [...(byRepository.get(key) ?? [])].sort(bySeverityThenLine)]);
}

function bySeverityThenLine(a: Finding, b: Finding): number {
  const severity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  return severity || (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

const SEVERITY_CLASSES: Record<string, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
};

function findingRow(finding: Finding, rules: readonly RuleDoc[]): string {
  const severity = SEVERITY_CLASSES[finding.severity] ?? 'info';
  const clause = clauseLabel(finding.clause) || '—';
  const doc = ruleDoc(finding.rule, rules);
  const where =
    finding.line === null
      ? (finding.file ?? '—')
      : finding.file
        ? `${finding.file}:${finding.line}`
        : `line ${finding.line}`;
  const evidence = evidenceTable(finding.evidence);
  return [
    `<tr class="finding severity-${severity}">`,
    `<td><span class="severity">${escapeHtml(finding.severity)}</span></td>`,
    `<td class="clause">${escapeHtml(clause)}</td>`,
    `<td><a class="rule" href="${escapeHtml(ruleHelpUri(finding.rule))}" title="${escapeHtml(doc.title)}">${escapeHtml(finding.rule)}</a></td>`,
    `<td class="where">${escapeHtml(where)}</td>`,
    `<td><p class="message">${escapeHtml(finding.message)}</p>${evidence}</td>`,
    '</tr>',
  ].join('');
}

function evidenceTable(evidence: EvidenceRecord): string {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return '';
  const rows = entries.map(
    ([key, value]) =>
      `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(formatValue(value))}</td></tr>`,
  );
  return `<table class="evidence"><caption>Evidence</caption><tbody>${rows.join('')}</tbody></table>`;
}

function formatValue(value: EvidenceValue): string {
  if (value === null) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f23;--bg:#fff;--muted:#57606a;--line:#d0d7de;--code:#f3f4f6;
--pass:#1a7f37;--fail:#cf222e;--inconclusive:#9a6700;--warning:#9a6700;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d;
--code:#161b22;--pass:#3fb950;--fail:#f85149;--inconclusive:#d29922;--warning:#d29922;--info:#58a6ff}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
h1{margin:0 0 .5rem;font-size:1.4rem}
h2{margin:2rem 0 .75rem;font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{margin:1.5rem 0 .5rem;font-size:1.05rem}
h3 code{font-size:1rem}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0;color:var(--muted)}
.meta dt{font-weight:600}.meta dd{margin:0}
.verdict{margin:1.25rem 0;padding:1rem 1.25rem;border:2px solid;border-radius:8px}
.verdict p{margin:0}
.verdict-word{font-size:2rem;font-weight:800;letter-spacing:.04em}
.vote{font-size:1.25rem;font-weight:600;margin-left:.75rem}
.verdict-pass{border-color:var(--pass)}.verdict-pass .verdict-word{color:var(--pass)}
.verdict-fail{border-color:var(--fail)}.verdict-fail .verdict-word{color:var(--fail)}
.verdict-inconclusive{border-color:var(--inconclusive)}.verdict-inconclusive .verdict-word{color:var(--inconclusive)}
.tally,.why{color:var(--muted)}
.changes dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
.changes dt{font-weight:600}.changes dd{margin:0}
.changes ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
.added{color:var(--pass)}.removed{color:var(--fail)}.modified{color:var(--warning)}
table{border-collapse:collapse}
.finding-table{width:100%;table-layout:fixed}
.finding-table th:nth-child(1){width:6rem}.finding-table th:nth-child(2){width:8rem}
.finding-table th:nth-child(3){width:12rem}.finding-table th:nth-child(4){width:13rem}
.finding-table th,.finding-table>tbody>tr>td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
.finding-table thead th{font-size:.85rem;color:var(--muted)}
.severity{font-weight:700;text-transform:uppercase;font-size:.8rem}
.severity-error .severity{color:var(--fail)}.severity-warning .severity{color:var(--warning)}.severity-info .severity{color:var(--info)}
.clause,.where{color:var(--muted);overflow-wrap:anywhere}
.rule{color:var(--info);white-space:nowrap}
.message{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.evidence{margin-top:.4rem;font-size:.85rem}
.evidence caption{text-align:left;color:var(--muted);font-size:.8rem}
.evidence th,.evidence td{text-align:left;vertical-align:top;padding:.1rem .5rem .1rem 0;border:0;font-weight:normal;overflow-wrap:anywhere}
.evidence th{color:var(--muted);white-space:nowrap}
.evidence td{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
`.trim();
