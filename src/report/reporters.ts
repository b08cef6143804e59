import type { Report } from './report';

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
}

/** A reporter turns the report into the text of one output format. Pure. */
export type Reporter = (report: Report, context: ReporterContext) => string;
