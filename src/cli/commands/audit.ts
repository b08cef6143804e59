import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findListPath } from '../../diff/git';
import { auditList, auditOfficial } from '../../engine/audit';
import { UsageError } from '../../errors';
import { parseList } from '../../list/parse';
import { addConfigOptions, configInWorkTree, type ConfigFlags } from '../config';
import { addEvidenceOptions, sourceOptions, type EvidenceFlags } from '../evidence-options';
import type { CliIO } from '../io';
import { addOutputOptions, judgeAndEmit, type OutputFlags } from '../judge';

interface AuditFlags extends EvidenceFlags, OutputFlags, ConfigFlags {
  list?: string;
  allOfficial?: boolean;
}

export function auditCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('audit')
    .summary('check every repository on the list, not just a change')
    .description(
      'Judge every repository on the list in the work tree against every clause, as a periodic ' +
        'review; with --all-official, every repository of every official team instead. Same ' +
        'evidence flags, formats and exit codes as check.',
    )
    .option('--repo <dir>', 'the repository holding the list', '.')
    .option('--list <path>', 'the list file, relative to --repo (found automatically if omitted)')
    .option(
      '--all-official',
      'judge every repository of every official team in governance reference/projects.yaml ' +
        '(as of --as-of) instead of the list; needs --governance',
    );
  addConfigOptions(addOutputOptions(addEvidenceOptions(command))).action((flags: AuditFlags) =>
    judgeAndEmit(
      io,
      flags,
      setExitCode,
      (repo) => configInWorkTree(repo, flags),
      async ({ repo, config, progress }) => {
        const sources = sourceOptions(flags, config, io.today());
        const severities = config.values.rules ? { severities: config.values.rules } : {};
        if (flags.allOfficial) {
          if (flags.list !== undefined) {
            throw new UsageError('--list and --all-official cannot be used together');
          }
          if (sources.governance === undefined) {
            throw new UsageError(
              '--all-official needs --governance (a checkout of openstack/governance) to list the official repositories',
            );
          }
          return auditOfficial({ sources, ...severities, progress });
        }
        const listPath = await findListPath(repo, flags.list ?? config.values.list);
        const list = parseList(listPath, readFileSync(resolve(repo, listPath)));
        return auditList(list, { sources, ...severities, progress });
      },
    ),
  );
  return command;
}
