import type { Report } from '../findings/report';
import type { RuleDoc } from '../findings/rule-doc';

export type ReportFormat = 'text' | 'json' | 'zuul' | 'gerrit' | 'sarif' | 'markdown' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = [
  'text',
  'json',
  'zuul',
  'gerrit',
  'sarif',
  'markdown',
  'html',
];

export interface ReporterContext {
  /** Use ANSI colours (only when writing to a terminal). */
  color: boolean;
  /** Every rule's metadata (the registry's), for titles, clauses and doc links. */
  rules: readonly RuleDoc[];
  /** How much the text report shows: only what blocks, the default, or the raw evidence too. */
  detail?: TextDetail;
}

export type TextDetail = 'quiet' | 'normal' | 'verbose';

/** A reporter turns the report into the text of one output format. Pure. */
export type Reporter = (report: Report, context: ReporterContext) => string;

/**
 * A reporter that hands out its text in pieces, in order (their concatenation is the report),
 * so that a large report is written as it is rendered instead of built as one string first.
 */
export type ChunkedReporter = (report: Report, context: ReporterContext) => Iterable<string>;
