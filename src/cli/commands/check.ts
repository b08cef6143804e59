import { optional } from '../../util/optional';
import { Command } from 'commander';
import { runCheck } from '../../engine/check';
import { UsageError } from '../../errors';
import { gerritChangeSource } from '../../sources/gerrit-change';
import type { SourceOptions } from '../../sources/options';
import { addConfigOptions, configAtBase, reviewTarget, type ConfigFlags } from '../config';
import {
  addEvidenceOptions,
  checkedSourceOptions,
  judgeWithStaleness,
  type EvidenceFlags,
} from '../evidence-options';
import type { CliIO } from '../io';
import { addOutputOptions, judgeAndEmit, type OutputFlags } from '../judge';

interface CheckFlags extends EvidenceFlags, OutputFlags, ConfigFlags {
  gerrit?: string;
  change?: string;
  list?: string;
  base?: string;
  head?: string;
}

export function checkCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('check')
    .summary('check a change to the oversight list')
    .description(
      'Diff the oversight list between --base and --head, gather evidence for every added, removed ' +
        'or modified repository, apply one rule per policy clause, and give the verdict.\n\n' +
        'Exit codes: 0 pass (vote +1), 1 fail (vote -1), 2 usage or configuration error, ' +
        '3 inconclusive (evidence unavailable; never +1).',
    )
    .option('--repo <dir>', 'the repository holding the list', '.')
    .option('--list <path>', 'the list file, relative to --repo (found automatically if omitted)')
    .option('--base <rev>', 'base revision (default: merge-base with upstream, else HEAD~1)')
    .option('--head <rev>', 'head revision (default: the work tree, uncommitted edits included)')
    .option('--gerrit <url>', 'Gerrit to read the change from, anonymously (team-consent)')
    .option('--change <n>', 'the change number (or project~number) on --gerrit');
  addConfigOptions(addOutputOptions(addEvidenceOptions(command))).action((flags: CheckFlags) => {
    // Opened and resolved once: the configuration is read at the very base the diff starts from.
    const target = reviewTarget(flags);
    return judgeAndEmit(
      io,
      flags,
      setExitCode,
      (repo) => configAtBase(repo, flags, target),
      async ({ repo, config, progress }) => {
        const sources = withChange(
          await checkedSourceOptions(flags, config, io.today(), io),
          flags,
        );
        const { repository, revisions } = await target(repo);
        return judgeWithStaleness(sources, io, () =>
          runCheck({
            repo,
            repository,
            revisions,
            ...optional('list', flags.list ?? config.values.list),
            sources,
            ...(config.values.rules ? { severities: config.values.rules } : {}),
            ...(config.configChange ? { configChange: config.configChange } : {}),
            progress,
          }),
        );
      },
    );
  });
  return command;
}

/** `--gerrit` and `--change` together give team-consent the change under review. */
function withChange(sources: SourceOptions, flags: CheckFlags): SourceOptions {
  if (flags.gerrit === undefined && flags.change === undefined) return sources;
  if (flags.gerrit === undefined || flags.change === undefined) {
    throw new UsageError('--gerrit and --change go together: give both or neither');
  }
  return { ...sources, change: gerritChangeSource({ gerrit: flags.gerrit, change: flags.change }) };
}
