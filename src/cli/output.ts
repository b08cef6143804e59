import { ruleDocsWithPages } from './rule-pages';
import { resolve } from 'node:path';
import { UsageError } from '../errors';
import { reporters } from '../report';
import type { Report } from '../findings/report';
import { reportChunks } from '../report/chunks';
import {
  REPORT_FORMATS,
  type ReportFormat,
  type Reporter,
  type ReporterContext,
  type TextDetail,
} from '../report/reporters';
import { isBrokenPipe, outputError, useColor, type CliIO } from './io';
import {
  checkReportPath,
  commitReports,
  discardReports,
  stageReports,
  type StagedReport,
} from './report-files';

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
 * failure: the reader has what it wanted and the reports are still written. Each report is
 * written as it renders, one after the other, so no two are ever whole in memory at once.
 */
export async function emit(
  report: Report,
  format: ReportFormat,
  targets: readonly ReportTarget[],
  io: CliIO,
  detail: TextDetail = 'normal',
): Promise<void> {
  const rules = ruleDocsWithPages();
  const staged: StagedReport[] = [];
  try {
    for (const target of targets) {
      const chunks = chunksFor(target.format, report, { color: false, rules, detail });
      staged.push(...stageReports([{ file: reportPath(target, io), chunks }]));
    }
    const color = useColor(io.stdout, io.env);
    await writeStdout(chunksFor(format, report, { color, rules, detail }), io);
  } catch (error) {
    discardReports(staged);
    throw error;
  }
  commitReports(staged);
}

function chunksFor(
  format: ReportFormat,
  report: Report,
  context: ReporterContext,
): Iterable<string> {
  reporterFor(format);
  return reportChunks(format, report, context) ?? [];
}

async function writeStdout(chunks: Iterable<string>, io: CliIO): Promise<void> {
  for (const chunk of chunks) io.stdout.write(chunk);
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
