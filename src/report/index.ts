/** The reporter registry: output format → reporter. */
import { jsonReporter } from './json';
import type { ReportFormat, Reporter } from './reporters';
import { textReporter } from './text';

export const reporters: Partial<Record<ReportFormat, Reporter>> = {
  json: jsonReporter,
  text: textReporter,
};
