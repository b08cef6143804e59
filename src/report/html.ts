/**
 * `--format html`: one self-contained page for a build artifact or a proposer's browser, readable
 * from 360 px up. What blocks comes first, then a repository × clause matrix linking to each
 * finding, then the findings with their citations (evidence and notes folded in `<details>`), then
 * the doc page of every rule that spoke. Inline CSS only: no scripts, no external assets (a
 * Content-Security-Policy says so too). Everything from the report is untrusted and escaped; only
 * http(s) citation URLs become links. Deterministic: the same report gives the same bytes.
 */
import { clauseLabel, countBySeverity, plural, voteLabel } from './brief';
import type { EvidenceRecord, EvidenceValue, Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';
import { ruleDoc, type RuleDoc } from './rule-docs';
import { docHtml } from './html-doc';
import { escapeHtml } from './html-escape';
import { STYLE } from './html-style';
import { blockingFirst, citationText, isHttpUrl } from './summary';
import { compareText } from '../util/compare';

export { escapeHtml } from './html-escape';

export const htmlReporter: Reporter = (report, context) => toHtml(report, context.rules);

/** A finding and its anchor (`f-<n>`, n its place in the report). */
interface Placed {
  finding: Finding;
  id: string;
}

export function toHtml(report: Report, rules: readonly RuleDoc[]): string {
  const title = `vmt-oversight: ${report.verdict.toUpperCase()} — ${report.list.path}`;
  const placed = report.findings.map((finding, index) => ({ finding, id: `f-${index + 1}` }));
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
    verdict(report, placed),
    matrix(report, placed),
    changes(report),
    findings(report, placed),
    ruleDocs(report, rules),
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

/** The verdict and, right under it, every error as a link to the finding. */
function verdict(report: Report, placed: readonly Placed[]): string {
  const counts = countBySeverity(report.findings);
  const vote = report.verdict === 'inconclusive' ? 'no vote' : `vote ${voteLabel(report.vote)}`;
  const why =
    report.verdict === 'inconclusive'
      ? '<p class="why">Some evidence could not be gathered: this is never a pass.</p>'
      : '';
  const kind = VERDICT_CLASSES[report.verdict] ?? 'inconclusive';
  const errors = ordered(placed).filter((p) => p.finding.severity === 'error');
  const blocks =
    errors.length === 0
      ? '<p class="blocks-none">Nothing blocks.</p>'
      : [
          `<h2>What blocks (${errors.length})</h2>`,
          '<ol class="blocks">',
          ...errors.map((p) => `<li>${blockItem(p, report)}</li>`),
          '</ol>',
        ].join('\n');
  return [
    `<section class="verdict verdict-${kind}" aria-label="Verdict">`,
    `<p><span class="verdict-word">${escapeHtml(report.verdict.toUpperCase())}</span> <span class="vote">${escapeHtml(vote)}</span></p>`,
    `<p class="tally">${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}</p>`,
    why,
    blocks,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function blockItem(p: Placed, report: Report): string {
  const subject = p.finding.repository ?? report.list.path;
  const clause = clauseLabel(p.finding.clause);
  const rule = clause ? `${p.finding.rule}, ${clause}` : p.finding.rule;
  return (
    `<a href="#${p.id}"><code>${escapeHtml(subject)}</code> ${escapeHtml(rule)}</a>: ` +
    `<span class="message">${escapeHtml(p.finding.message)}</span>`
  );
}

/** Only known verdicts become class names; the report is read as untrusted. */
const VERDICT_CLASSES: Record<string, string> = {
  pass: 'pass',
  fail: 'fail',
  inconclusive: 'inconclusive',
};

const SEVERITY_CLASSES: Record<string, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
};

const MARKS: Record<string, string> = { error: '✗', warning: '!', info: '·' };

/** Rows: the list, then repositories; columns: the clauses that have findings, in policy order. */
function matrix(report: Report, placed: readonly Placed[]): string {
  if (placed.length === 0) return '';
  const clauses = [...new Set(placed.map((p) => p.finding.clause))].sort(compareClause);
  const head = clauses.map(
    (clause) =>
      `<th scope="col"><abbr title="${escapeHtml(clauseName(clause))}">${escapeHtml(clauseShort(clause))}</abbr></th>`,
  );
  const rows = groups(placed).map(([repository, group]) => {
    const name = repository ?? report.list.path;
    const cells = clauses.map((clause) => {
      const marks = group
        .filter((p) => p.finding.clause === clause)
        .map((p) => {
          const severity = SEVERITY_CLASSES[p.finding.severity] ?? 'info';
          const label = `${p.finding.severity}: ${p.finding.rule}`;
          return `<a class="mark mark-${severity}" href="#${p.id}" title="${escapeHtml(label)}" aria-label="${escapeHtml(label)}">${MARKS[severity]}</a>`;
        });
      return `<td>${marks.join(' ')}</td>`;
    });
    return `<tr><th scope="row"><code>${escapeHtml(name)}</code></th>${cells.join('')}</tr>`;
  });
  return [
    '<section class="matrix" aria-label="Findings by repository and clause">',
    '<h2>By repository and clause</h2>',
    '<table>',
    `<thead><tr><th scope="col">Repository</th>${head.join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    '<p class="legend">✗ error · ! warning · <span aria-hidden="true">·</span> note (links go to the finding)</p>',
    '</section>',
  ].join('\n');
}

const CLAUSE_ORDER = ['Deprecation', 'Updating'];

function compareClause(a: string, b: string): number {
  return clauseRank(a) - clauseRank(b) || compareText(a, b);
}

function clauseRank(clause: string): number {
  if (/^\d+$/.test(clause)) return Number(clause);
  const named = CLAUSE_ORDER.indexOf(clause);
  return named >= 0 ? 100 + named : clauseLabel(clause) ? 200 : 300;
}

function clauseShort(clause: string): string {
  if (/^\d+$/.test(clause)) return clause;
  return clauseLabel(clause) ? clause.charAt(0) : '—';
}

function clauseName(clause: string): string {
  return clauseLabel(clause) || 'not a policy clause (the list, configuration, evidence)';
}

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

function findings(report: Report, placed: readonly Placed[]): string {
  const lines = ['<section class="findings">', '<h2>Findings</h2>'];
  if (placed.length === 0) lines.push('<p>No findings.</p>');
  for (const [repository, group] of groups(placed)) {
    const heading =
      repository === null
        ? `The list <code>${escapeHtml(report.list.path)}</code>`
        : `<code>${escapeHtml(repository)}</code>`;
    const shown = group.filter((p) => p.finding.severity !== 'info');
    const notes = group.filter((p) => p.finding.severity === 'info');
    lines.push('<section class="repository">', `<h3>${heading}</h3>`, ...shown.map(findingCard));
    if (notes.length > 0) {
      lines.push(
        '<details class="notes">',
        `<summary>${plural(notes.length, 'note')} (checks that passed, information)</summary>`,
        ...notes.map(findingCard),
        '</details>',
      );
    }
    lines.push('</section>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

/** The list's own findings first, then repositories by name; errors first within a group. */
function groups(placed: readonly Placed[]): [string | null, Placed[]][] {
  const byRepository = new Map<string | null, Placed[]>();
  for (const p of ordered(placed)) {
    byRepository.set(p.finding.repository, [...(byRepository.get(p.finding.repository) ?? []), p]);
  }
  const keys = [...byRepository.keys()].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : compareText(a, b),
  );
  return keys.map((key) => [key, byRepository.get(key) ?? []]);
}

function ordered(placed: readonly Placed[]): Placed[] {
  const order = blockingFirst(placed.map((p) => p.finding));
  return [...placed].sort((a, b) => order.indexOf(a.finding) - order.indexOf(b.finding));
}

function findingCard({ finding, id }: Placed): string {
  const severity = SEVERITY_CLASSES[finding.severity] ?? 'info';
  const clause = clauseLabel(finding.clause);
  const where =
    finding.line === null
      ? (finding.file ?? '')
      : finding.file
        ? `${finding.file}:${finding.line}`
        : `line ${finding.line}`;
  return [
    `<article class="finding severity-${severity}" id="${id}">`,
    '<p class="finding-head">',
    `<span class="severity">${escapeHtml(finding.severity)}</span>`,
    ` <a class="rule" href="#rule-${escapeHtml(finding.rule)}">${escapeHtml(finding.rule)}</a>`,
    clause ? ` <span class="clause">${escapeHtml(clause)}</span>` : '',
    where ? ` <span class="where">${escapeHtml(where)}</span>` : '',
    '</p>',
    `<p class="message">${escapeHtml(finding.message)}</p>`,
    citations(finding),
    evidence(finding.evidence),
    '</article>',
  ].join('');
}

function citations(finding: Finding): string {
  const list = finding.citations ?? [];
  if (list.length === 0) return '';
  const items = list.map((citation) => {
    const text = escapeHtml(citationText(citation));
    const linked =
      citation.url && isHttpUrl(citation.url)
        ? `<a href="${escapeHtml(citation.url)}">${text}</a>`
        : text;
    return `<li><span class="source">${escapeHtml(citation.source)}</span> ${linked}</li>`;
  });
  return `<ul class="citations" aria-label="Rests on">${items.join('')}</ul>`;
}

function evidence(record: EvidenceRecord): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return '';
  const rows = entries.map(
    ([key, value]) =>
      `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(formatValue(value))}</td></tr>`,
  );
  return `<details class="evidence"><summary>Evidence</summary><table><tbody>${rows.join('')}</tbody></table></details>`;
}

function formatValue(value: EvidenceValue): string {
  if (value === null) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The doc page of every rule with a finding, folded; the rule links point here. */
function ruleDocs(report: Report, rules: readonly RuleDoc[]): string {
  const ids = [...new Set(report.findings.map((f) => f.rule))].sort(compareText);
  if (ids.length === 0) return '';
  const pages = ids.map((id) => {
    const doc = ruleDoc(id, rules);
    const clause = clauseLabel(doc.clause);
    const body = doc.page
      ? docHtml(doc.page)
      : `<p>${escapeHtml(doc.title)} (<code>vmt-oversight explain ${escapeHtml(id)}</code>)</p>`;
    return [
      `<details class="rule-doc" id="rule-${escapeHtml(id)}">`,
      `<summary><code>${escapeHtml(id)}</code>${clause ? ` (${escapeHtml(clause)})` : ''}: ${escapeHtml(doc.title)}</summary>`,
      `<div class="doc">${body}</div>`,
      '</details>',
    ].join('\n');
  });
  return ['<section class="rules">', '<h2>Rules</h2>', ...pages, '</section>'].join('\n');
}

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
