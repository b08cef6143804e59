/**
 * `--format markdown`: a summary fit for a Gerrit review message (and the Zuul job's summary
 * artifact). Only the markdown subset Gerrit renders: paragraphs, `*` bullets, inline code, bold,
 * links. The verdict, then every error of every repository, then the warnings, then how many notes
 * there are; the raw evidence stays in the JSON report. At most 16,000 bytes: when that is not
 * enough the notes go first, then warnings; an error is never left out (when the errors alone do
 * not fit, each error's text is shortened, but every one is still named).
 */
import {
  byteLength,
  countBySeverity,
  oneLine,
  plural,
  ruleAndClause,
  tally,
  truncateBytes,
  voteLabel,
} from './brief';
import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';
import { blockingFirst, restsOn } from './summary';

export interface MarkdownLimits {
  /** The whole message (Gerrit's comment size limit is 16 KiB). */
  totalBytes: number;
  /** One finding's bullet. */
  findingBytes: number;
  /** Repository names listed per kind of change. */
  namesPerChange: number;
}

export const MARKDOWN_LIMITS: MarkdownLimits = {
  totalBytes: 16000,
  findingBytes: 1200,
  namesPerChange: 25,
};

export const markdownReporter: Reporter = (report) => toMarkdown(report);

interface Selection {
  errors: string[];
  warnings: string[];
  leftOutWarnings: number;
  notes: 'counted' | 'left out';
  shortened: boolean;
}

export function toMarkdown(report: Report, limits: MarkdownLimits = MARKDOWN_LIMITS): string {
  const ordered = blockingFirst(report.findings);
  const bullets = (severity: Finding['severity']): string[] =>
    ordered.filter((f) => f.severity === severity).map((f) => findingBullet(f, report, limits));
  const errors = bullets('error');
  const warnings = bullets('warning');
  const render = (selection: Selection): string => compose(report, limits, selection);
  const fits = (selection: Selection): boolean =>
    byteLength(render(selection)) <= limits.totalBytes;

  const all: Selection = {
    errors,
    warnings,
    leftOutWarnings: 0,
    notes: 'counted',
    shortened: false,
  };
  if (fits(all)) return render(all);
  const shown = mostWarningsThatFit(warnings.length, (count) =>
    fits(withWarnings(errors, warnings, count)),
  );
  if (shown >= 0) return render(withWarnings(errors, warnings, shown));
  return render(shortenedErrors(report, limits, ordered, render));
}

function withWarnings(errors: string[], warnings: string[], count: number): Selection {
  return {
    errors,
    warnings: warnings.slice(0, count),
    leftOutWarnings: warnings.length - count,
    notes: 'left out',
    shortened: false,
  };
}

/** The largest count in 0..total that fits (fits is monotone), or -1 when even 0 does not. */
function mostWarningsThatFit(total: number, fits: (count: number) => boolean): number {
  if (!fits(0)) return -1;
  let low = 0;
  let high = total;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Every error, each cut to an equal share of what is left; at the least its repository and rule. */
function shortenedErrors(
  report: Report,
  limits: MarkdownLimits,
  ordered: readonly Finding[],
  render: (selection: Selection) => string,
): Selection {
  const errors = ordered.filter((f) => f.severity === 'error');
  const warnings = ordered.filter((f) => f.severity === 'warning').length;
  const frame = byteLength(
    render({
      errors: [],
      warnings: [],
      leftOutWarnings: warnings,
      notes: 'left out',
      shortened: true,
    }),
  );
  const share = Math.floor((limits.totalBytes - frame) / Math.max(1, errors.length)) - 1;
  return {
    errors: errors.map((f) => {
      const minimal = `* ${subject(f, report)} — ${f.rule}`;
      const full = findingBullet(f, report, limits);
      return share > byteLength(minimal) + 20 ? truncateBytes(full, share) : minimal;
    }),
    warnings: [],
    leftOutWarnings: warnings,
    notes: 'left out',
    shortened: true,
  };
}

function compose(report: Report, limits: MarkdownLimits, selection: Selection): string {
  const counts = countBySeverity(report.findings);
  const lines = [verdictLine(report), '', revisionsLine(report), '', changesLine(report, limits)];
  if (selection.errors.length > 0) {
    lines.push('', `Errors (${counts.error}), each blocks:`, '', ...selection.errors);
  }
  if (selection.warnings.length > 0) {
    lines.push('', `Warnings (${counts.warning}), for reviewers:`, '', ...selection.warnings);
  }
  if (selection.notes === 'counted' && counts.info > 0) {
    lines.push(
      '',
      `${plural(counts.info, 'note')} (checks that passed, information): see the full report.`,
    );
  }
  const footer = leftOutLine(selection, counts.info);
  if (footer) lines.push('', footer);
  return `${lines.join('\n')}\n`;
}

function leftOutLine(selection: Selection, notes: number): string {
  const parts = [
    selection.leftOutWarnings > 0 ? plural(selection.leftOutWarnings, 'warning') : '',
    selection.notes === 'left out' && notes > 0 ? plural(notes, 'note') : '',
  ].filter(Boolean);
  const cut = selection.shortened ? 'Error texts are shortened' : '';
  if (parts.length === 0 && !cut) return '';
  const left = parts.length > 0 ? `${parts.join(' and ')} left out` : '';
  return `_${[cut, left].filter(Boolean).join('; ')} to keep this message short; see the full report._`;
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

function subject(finding: Finding, report: Report): string {
  return finding.repository === null
    ? `the list \`${report.list.path}\``
    : `\`${finding.repository}\``;
}

/** `* \`openstack/x\` — versioned-releases, clause 3, line 12: message. Rests on: …` */
function findingBullet(finding: Finding, report: Report, limits: MarkdownLimits): string {
  const where = finding.line !== null ? `, line ${finding.line}` : '';
  const text =
    `* ${subject(finding, report)} — **${ruleAndClause(finding)}**${where}: ` +
    `${oneLine(finding.message)}${restsOn(finding)}`;
  return truncateBytes(text, limits.findingBytes);
}

function short(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}
