import type { Reporter } from './reporters';

/** The JSON report of DESIGN.md (schemas/report.schema.json). */
export const jsonReporter: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
