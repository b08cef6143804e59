import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors';
import { reporters } from '../report';
import type { Report } from '../report/report';
import { REPORT_FORMATS, type ReportFormat, type Reporter } from '../report/reporters';
import { useColor, type CliIO } from './io';

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
  return [...previous, { format: parseFormat(match[1] as string), file: match[2] as string }];
}

function reporterFor(format: ReportFormat): Reporter {
  const reporter = reporters[format];
  if (!reporter) throw new UsageError(`the ${format} format is not available in this version`);
  return reporter;
}

/** Writes the report to stdout in `format` and to every `--report` file. */
export function emit(report: Report, format: ReportFormat, targets: ReportTarget[], io: CliIO) {
  for (const target of targets) {
    const file = resolve(io.cwd, target.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, reporterFor(target.format)(report, { color: false }));
  }
  io.stdout.write(reporterFor(format)(report, { color: useColor(io.stdout, io.env) }));
}

export function exitCodeOf(report: Report): number {
  if (report.verdict === 'pass') return 0;
  if (report.verdict === 'fail') return 1;
  return 3;
}
