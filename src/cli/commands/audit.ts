import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findListPath } from '../../diff/git';
import { auditList } from '../../engine/audit';
import { parseList } from '../../list/parse';
import type { ReportFormat } from '../../report/reporters';
import { loadConfig } from '../config';
import { addEvidenceOptions, sourceOptions, type EvidenceFlags } from '../evidence-options';
import type { CliIO } from '../io';
import { emit, exitCodeOf, parseFormat, parseReportTarget, type ReportTarget } from '../output';
import { progressBar } from '../progress';

interface AuditFlags extends EvidenceFlags {
  repo: string;
  list?: string;
  format: ReportFormat;
  report: ReportTarget[];
}

export function auditCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('audit')
    .summary('check every repository on the list, not just a change')
    .description(
      'Judge every repository on the list in the work tree against every clause, as a periodic ' +
        'review. Same evidence flags, formats and exit codes as check.',
    )
    .option('--repo <dir>', 'the repository holding the list', '.')
    .option('--list <path>', 'the list file, relative to --repo (found automatically if omitted)');
  addEvidenceOptions(command)
    .option('--format <format>', 'stdout format', parseFormat, 'text')
    .option(
      '--report <format=file>',
      'also write a report file (repeatable)',
      parseReportTarget,
      [],
    )
    .action(async (flags: AuditFlags) => {
      const repo = resolve(io.cwd, flags.repo);
      const config = loadConfig(repo);
      const listPath = await findListPath(repo, flags.list ?? config.list);
      const list = parseList(listPath, readFileSync(resolve(repo, listPath)));
      const progress = progressBar(io);
      try {
        const report = await auditList(list, {
          sources: sourceOptions(flags, config, repo, io.today()),
          ...(config.rules ? { severities: config.rules } : {}),
          progress,
        });
        progress.stop();
        emit(report, flags.format, flags.report, io);
        setExitCode(exitCodeOf(report));
      } finally {
        progress.stop();
      }
    });
  return command;
}
