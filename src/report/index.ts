/** The reporter registry: output format → reporter. */
import { allRuleMetas } from '../rules';
import { gerritReporter } from './gerrit';
import { jsonReporter } from './json';
import { markdownReporter } from './markdown';
import type { ReportFormat, Reporter } from './reporters';
import { createSarifReporter } from './sarif';
import { textReporter } from './text';
import { zuulReporter } from './zuul';

export const reporters: Partial<Record<ReportFormat, Reporter>> = {
  gerrit: gerritReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  sarif: createSarifReporter({ rules: allRuleMetas() }),
  text: textReporter,
  zuul: zuulReporter,
};
