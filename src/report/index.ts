/** The reporter registry: output format → reporter. */
import { gerritReporter } from './gerrit';
import { jsonReporter } from './json';
import type { ReportFormat, Reporter } from './reporters';
import { textReporter } from './text';

export const reporters: Partial<Record<ReportFormat, Reporter>> = {
  gerrit: gerritReporter,
  json: jsonReporter,
  text: textReporter,
};
