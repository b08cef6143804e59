import { ruleDocsWithPages } from './rule-pages';
import { resolve } from 'node:path';
import { UsageError } from '../errors';
import { reporters } from '../report';
import type { Report } from '../findings/report';
import {
  REPORT_FORMATS,
  type ReportFormat,
  type Reporter,
  type TextDetail,
} from '../report/reporters';
import { isBrokenPipe, outputError, useColor, type CliIO } from './io';
import { checkReportPath, commitReports, discardReports, stageReports } from './report-files';

export { outputError } from './io';

export interface ReportTarget {
  format: ReportFormat;
  file: string;
}

export function parseFormat(value: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f === value);
  if (!format) {
    throw new UsageError(`unknown format '${value}'; use one of ${REPORT_FORMATS.join(', ')}`);
  }
  reporterFor(format);
  return format;
}

/** `--report FORMAT=FILE`, repeatable. */
export function parseReportTarget(value: string, previous: ReportTarget[] = []): ReportTarget[] {
  const match = /^([a-z]+)=(.+)$/.exec(value);
  if (!match) throw new UsageError(`--report expects FORMAT=FILE, got '${value}'`);
  const file = match[2] as string;
  if (/[\\/]$/.test(file)) {
    throw new UsageError(`--report: '${file}' names a directory; give the report's file name`);
  }
  return [...previous, { format: parseFormat(match[1] as string), file }];
}

function reporterFor(format: ReportFormat): Reporter {
  const reporter = reporters[format];
  if (!reporter) throw new UsageError(`the ${format} format is not available in this version`);
  return reporter;
}

/** Where a `--report` file goes: relative paths are relative to the working directory. */
function reportPath(target: ReportTarget, io: CliIO): string {
  return resolve(io.cwd, target.file);
}

/** Refuses, before any work, a `--report` path that is a directory, a FIFO, a device or a symlink. */
export function checkReportTargets(targets: readonly ReportTarget[], io: CliIO): void {
  for (const target of targets) checkReportPath(reportPath(target, io));
}

/**
 * Writes the report to stdout in `format` and to every `--report` file. The files are written
 * to temp files first and renamed into place only once stdout has taken its copy: a run whose
 * output fails (exit 2) leaves no report behind. A closed stdout pipe (`| head -1`) is not a
 * failure: the reader has what it wanted and the reports are still written.
 */
export async function emit(
  report: Report,
  format: ReportFormat,
  targets: readonly ReportTarget[],
  io: CliIO,
  detail: TextDetail = 'normal',
): Promise<void> {
  const files = targets.map((target) => ({
    file: reportPath(target, io),
    text: reporterFor(target.format)(report, { color: false, rules: ruleDocsWithPages(), detail }),
  }));
  const text = reporterFor(format)(report, {
    color: useColor(io.stdout, io.env),
    rules: ruleDocsWithPages(),
    detail,
  });
  const staged = stageReports(files);
  try {
    await writeStdout(text, io);
  } catch (error) {
    discardReports(staged);
    throw error;
  }
  commitReports(staged);
}

async function writeStdout(text: string, io: CliIO): Promise<void> {
  io.stdout.write(text);
  try {
    await io.stdout.flush?.();
  } catch (error) {
    if (isBrokenPipe(error)) return;
    throw outputError(error);
  }
}

export function exitCodeOf(report: Report): number {
  if (report.verdict === 'pass') return 0;
  if (report.verdict === 'fail') return 1;
  return 3;
}
