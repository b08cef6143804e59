import { Command } from 'commander';
import { resolve } from 'node:path';
import { findListPath } from '../../diff/git';
import { auditList, auditOfficial } from '../../engine/audit';
import { UsageError } from '../../errors';
import type { OversightList } from '../../list/model';
import { parseList } from '../../list/parse';
import { FileRefusedError, readRegularFile } from '../../util/regular-file';
import { addConfigOptions, configInWorkTree, type ConfigFlags } from '../config';
import {
  addEvidenceOptions,
  checkedSourceOptions,
  judgeWithStaleness,
  type EvidenceFlags,
} from '../evidence-options';
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
        '(as of --as-of) instead of the list; governance from --governance or the git cache',
    );
  addConfigOptions(addOutputOptions(addEvidenceOptions(command))).action((flags: AuditFlags) =>
    judgeAndEmit(
      io,
      flags,
      setExitCode,
      (repo) => configInWorkTree(repo, flags),
      async ({ repo, config, progress }) => {
        const sources = await checkedSourceOptions(flags, config, io.today(), io);
        const severities = config.values.rules ? { severities: config.values.rules } : {};
        if (flags.allOfficial) {
          if (flags.list !== undefined) {
            throw new UsageError('--list and --all-official cannot be used together');
          }
          // With the git cache on, governance comes from the cache like every other source.
          if (sources.governance === undefined && sources.gitCache === undefined) {
            throw new UsageError(
              '--all-official needs --governance (a checkout of openstack/governance) or the git ' +
                'cache (--cache-dir, not --no-cache) to list the official repositories',
            );
          }
          return judgeWithStaleness(sources, io, () =>
            auditOfficial({ sources, ...severities, progress }),
          );
        }
        const list = await readWorktreeList(repo, flags.list ?? config.values.list);
        return judgeWithStaleness(sources, io, () =>
          auditList(list, { sources, ...severities, progress }),
        );
      },
    ),
  );
  return command;
}

/** The list as the checkout holds it: a regular file (or a symlink to one) under the size cap. */
async function readWorktreeList(repo: string, list: string | undefined): Promise<OversightList> {
  const listPath = await findListPath(repo, list);
  let bytes: Buffer | null;
  try {
    bytes = await readRegularFile(resolve(repo, listPath));
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    throw new UsageError(`the list '${listPath}' cannot be read: ${error.message}`);
  }
  if (bytes === null) throw new UsageError(`the list '${listPath}' does not exist in ${repo}`);
  return parseList(listPath, bytes);
}
