import { Command } from 'commander';
import { resolve } from 'node:path';
import { checklist, checklistText } from '../../propose/checklist';
import { proposeRepository } from '../../propose/propose';
import { addConfigOptions, configInWorkTree, type ConfigFlags } from '../config';
import { addEvidenceOptions, checkedSourceOptions, type EvidenceFlags } from '../evidence-options';
import type { CliIO } from '../io';
import { exitCodeOf } from '../output';

interface ProposeFlags extends EvidenceFlags, ConfigFlags {
  repo: string;
  json?: boolean;
}

export function proposeCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('propose')
    .summary('draft a list entry and a clause-by-clause checklist')
    .description(
      'Draft a native list entry for REPOSITORY from what governance and the releases data say, ' +
        'and judge it against every clause as if it were proposed: what is met, what is missing ' +
        'and what must be checked by hand. Exit codes as for check.',
    )
    .argument('<repository>', 'namespace/name, e.g. openstack/sushy')
    .option('--repo <dir>', 'where to read .vmt-oversight.yaml from', '.')
    .option('--json', 'print the draft and the JSON report as one JSON object');
  addConfigOptions(addEvidenceOptions(command)).action(
    async (repository: string, flags: ProposeFlags) => {
      const repo = resolve(io.cwd, flags.repo);
      const config = configInWorkTree(repo, flags);
      const draft = await proposeRepository(repository, {
        sources: await checkedSourceOptions(flags, config, io.today(), io),
        ...(config.values.rules ? { severities: config.values.rules } : {}),
      });
      const items = checklist(draft.report);
      io.stdout.write(
        flags.json
          ? `${JSON.stringify({ entry: draft.text, checklist: items, report: draft.report }, null, 2)}\n`
          : `# A draft entry for the oversight list (native format):\n\n${draft.text}\n` +
              `# Checklist as of ${draft.report.asOf} ([x] met, [ ] missing, [?] check by hand):\n\n` +
              `${checklistText(items)}\n`,
      );
      setExitCode(exitCodeOf(draft.report));
    },
  );
  return command;
}
