/** The reporter registry: output format → reporter. */
import { gerritReporter } from './gerrit';
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { markdownReporter } from './markdown';
import type { ReportFormat, Reporter } from './reporters';
import { sarifReporter } from './sarif';
import { textReporter } from './text';
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
