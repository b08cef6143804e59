import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors';
import { describeKind, kindOf } from '../util/regular-file';

/** A rendered report on its way to `file`, staged in `temp` beside it. */
export interface StagedReport {
  file: string;
  temp: string;
}

/** Temp files not yet renamed into place, removed if the process ends first (a signal, a crash). */
const pending = new Set<string>();

/**
 * Removes a report left by an earlier run at `file`, so that a run that fails before its
 * verdict (a usage error, a crash, an interrupt) leaves no report at all rather than an old
 * one that reads as this run's. Only a regular file is removed; anything else is left for
 * {@link checkReportPath} to refuse.
 */
export function removeStaleReport(file: string): void {
  if (statsOf(file)?.isFile()) unlinkQuietly(file);
}

/** Refuses a report path that is a directory, a FIFO, a socket, a device or a symbolic link. */
export function checkReportPath(file: string): void {
  const stats = statsOf(file);
  if (stats === null || stats.isFile()) return;
  const what = stats.isSymbolicLink()
    ? 'is a symbolic link (the report would be written elsewhere); give the real path'
    : describeKind(kindOf(stats));
  throw new UsageError(`--report: ${file} ${what}`);
}

/** A report's text for `file`: whole, or in pieces written as they come (their concatenation). */
export type ReportText =
  { file: string; text: string } | { file: string; chunks: Iterable<string> };

/** Writes every report to a temp file in its directory; on any failure none is left behind. */
export function stageReports(reports: readonly ReportText[]): StagedReport[] {
  const staged: StagedReport[] = [];
  try {
    for (const report of reports) {
      staged.push(stageReport(report.file, 'text' in report ? [report.text] : report.chunks));
    }
    return staged;
  } catch (error) {
    discardReports(staged);
    throw writeError(error);
  }
}

function stageReport(file: string, chunks: Iterable<string>): StagedReport {
  checkReportPath(file);
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${token()}.tmp`);
  // 'wx': created here and now, never an existing file or a planted symlink.
  const fd = openSync(temp, 'wx', 0o666);
  pending.add(temp);
  const staged = { file, temp };
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    // Not yet in the list the caller discards: this one's half-written temp file goes here.
    discardReports([staged]);
    throw error;
  }
  closeSync(fd);
  return staged;
}

/** Renames the staged reports into place; if one fails, none of this run's is left. */
export function commitReports(staged: readonly StagedReport[]): void {
  const done: string[] = [];
  try {
    for (const { file, temp } of staged) {
      checkReportPath(file);
      renameSync(temp, file);
      pending.delete(temp);
      done.push(file);
    }
  } catch (error) {
    done.forEach(unlinkQuietly);
    discardReports(staged);
    throw writeError(error);
  }
}

export function discardReports(staged: readonly StagedReport[]): void {
  for (const { temp } of staged) {
    if (pending.delete(temp)) unlinkQuietly(temp);
  }
}

/** Removes the temp files of reports not yet in place (on exit, a signal or a crash). */
export function removePendingReports(): void {
  for (const temp of pending) unlinkQuietly(temp);
  pending.clear();
}

function statsOf(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never created: nothing to remove.
  }
}

function token(): string {
  return randomBytes(6).toString('hex');
}

function writeError(error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UsageError(`cannot write the report: ${message}`);
}
