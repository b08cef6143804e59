/** The reporter registry: output format → reporter. */
import { gerritReporter } from './gerrit';
import { htmlReporter } from './html';
import { jsonChunkedReporter, jsonReporter } from './json';
import { markdownReporter } from './markdown';
import type { ChunkedReporter, ReportFormat, Reporter } from './reporters';
import { sarifReporter } from './sarif';
import { textChunks, textReporter } from './text';
import { zuulReporter } from './zuul';

export const reporters: Partial<Record<ReportFormat, Reporter>> = {
  gerrit: gerritReporter,
  html: htmlReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  sarif: sarifReporter,
  text: textReporter,
  zuul: zuulReporter,
};

/**
 * The reporters that can hand out their text in pieces; the CLI writes these as they render.
 * Each one's pieces join to exactly what its reporter returns.
 */
export const chunkedReporters: Partial<Record<ReportFormat, ChunkedReporter>> = {
  json: jsonChunkedReporter,
  text: textChunks,
};
