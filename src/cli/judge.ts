import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { ProgressEvents } from '../engine/types';
import type { Report } from '../findings/report';
import { UsageError } from '../errors';
import type { ReportFormat, TextDetail } from '../report/reporters';
import type { LoadedConfig } from './config';
import { tuneV8 } from './v8-tuning';
import type { CliIO } from './io';
import {
  checkReportTargets,
  emit,
  exitCodeOf,
  parseFormat,
  parseReportTarget,
  type ReportTarget,
} from './output';
import { progressBar } from './progress';

export interface OutputFlags {
  repo: string;
  format: ReportFormat;
  report: ReportTarget[];
  verbose?: boolean;
  quiet?: boolean;
}

export function addOutputOptions(command: Command): Command {
  return command
    .option(
      '--format <format>',
      'stdout format: text, json, zuul, gerrit, sarif, markdown, html',
      parseFormat,
      'text',
    )
    .option(
      '--report <format=file>',
      'also write a report file (repeatable). Written atomically (a temp file renamed into ' +
        'place) and only once the run has a verdict: a file the command line names is removed ' +
        'first, so a run that stops early (exit 2, a crash, an interrupt) leaves none. A ' +
        'directory, a FIFO, a device or a symbolic link there is refused (exit 2)',
      parseReportTarget,
      [],
    )
    .option('--quiet', 'text: only what blocks (errors) and the verdict');
}

/** How much the text report shows; --verbose and --quiet together are a usage error. */
export function textDetail(flags: Pick<OutputFlags, 'verbose' | 'quiet'>): TextDetail {
  if (flags.verbose && flags.quiet)
    throw new UsageError('--verbose and --quiet exclude each other');
  if (flags.verbose) return 'verbose';
  return flags.quiet ? 'quiet' : 'normal';
}

export interface JudgeContext {
  repo: string;
  config: LoadedConfig;
  progress: ProgressEvents;
}

/**
 * The common shape of check and audit: read the configuration, judge with a progress bar
 * on a terminal, write the reports, and set the exit code from the verdict.
 */
export async function judgeAndEmit(
  io: CliIO,
  flags: OutputFlags,
  setExitCode: (code: number) => void,
  loadConfig: (repo: string) => LoadedConfig | Promise<LoadedConfig>,
  judge: (context: JudgeContext) => Promise<Report>,
): Promise<void> {
  checkReportTargets(flags.report, io);
  const detail = textDetail(flags);
  const repo = resolve(io.cwd, flags.repo);
  const config = await loadConfig(repo);
  tuneV8();
  const progress = progressBar(io);
  try {
    const report = await judge({ repo, config, progress });
    progress.stop();
    await emit(report, flags.format, flags.report, io, detail);
    setExitCode(exitCodeOf(report));
  } finally {
    progress.stop();
  }
}
