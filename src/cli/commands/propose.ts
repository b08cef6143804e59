import { Command } from 'commander';
import { resolve } from 'node:path';
import { CHECKLIST_LEGEND, checklist, checklistText } from '../../propose/checklist';
import type { Draft } from '../../propose/draft';
import { listFormatIn } from '../../propose/format';
import { proposeRepository } from '../../propose/propose';
import { addConfigOptions, configInWorkTree, type ConfigFlags } from '../config';
import { addEvidenceOptions, checkedSourceOptions, type EvidenceFlags } from '../evidence-options';
import type { CliIO } from '../io';
import { exitCodeOf } from '../output';

interface ProposeFlags extends EvidenceFlags, ConfigFlags {
  repo: string;
  list?: string;
  json?: boolean;
}

const FORMAT_NAMES: Record<Draft['format'], string> = {
  native: 'native format',
  rst: 'reStructuredText format',
  governance: 'governance tag format',
};

export function proposeCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('propose')
    .summary('draft a list entry and a clause-by-clause checklist')
    .description(
      "Draft the list entry for REPOSITORY in the list's own format (the list of --repo, found " +
        'as check finds it; native when there is none) from what governance and the releases ' +
        'data say, and judge it against every clause as if it were proposed: what is met, what ' +
        'is missing, what must be checked by hand, and what the draft wrote itself and the ' +
        'proposer must confirm. Exit codes as for check; a repository that no source knows ' +
        '(not in governance, not in the releases data, not found) is exit 1 with no draft.',
    )
    .argument('<repository>', 'namespace/name, e.g. openstack/sushy')
    .option('--repo <dir>', 'the list repository: .vmt-oversight.yaml and the list format', '.')
    .option('--list <path>', 'the list file, relative to --repo (found automatically if omitted)')
    .option('--json', 'print the draft and the JSON report as one JSON object');
  addConfigOptions(addEvidenceOptions(command)).action(
    async (repository: string, flags: ProposeFlags) => {
      const repo = resolve(io.cwd, flags.repo);
      const config = configInWorkTree(repo, flags);
      const { format } = await listFormatIn(repo, flags.list ?? config.values.list);
      const outcome = await proposeRepository(repository, {
        sources: await checkedSourceOptions(flags, config, io.today(), io),
        format,
        ...(config.values.rules ? { severities: config.values.rules } : {}),
      });
      if (!outcome.found) {
        if (flags.json) {
          const { found, repository: name, message } = outcome;
          io.stdout.write(`${JSON.stringify({ repository: name, found, message }, null, 2)}\n`);
        }
        io.stderr.write(`vmt-oversight: ${outcome.message}\n`);
        setExitCode(1);
        return;
      }
      const { draft, report } = outcome;
      const items = checklist(report, repository, draft.drafted);
      io.stdout.write(
        flags.json
          ? `${JSON.stringify({ format: draft.format, entry: draft.text, hint: draft.hint, checklist: items, report }, null, 2)}\n`
          : `# A draft entry for the oversight list (${FORMAT_NAMES[draft.format]}): ` +
              `${draft.hint}.\n\n${draft.text}\n` +
              `# Checklist as of ${report.asOf} (${CHECKLIST_LEGEND}):\n\n` +
              `${checklistText(items)}\n`,
      );
      setExitCode(exitCodeOf(report));
    },
  );
  return command;
}
