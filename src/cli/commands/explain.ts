import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors';
import { allRuleMetas } from '../../rules';
import { packageRoot } from '../../util/package-root';
import type { CliIO } from '../io';

export function explainCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('explain')
    .summary("print a rule's doc page")
    .description(
      'Print what a policy clause says, how the rule checks it, what counts as evidence and how ' +
        'to fix a failure. Without RULE, list the rules.',
    )
    .argument('[rule]', 'a rule id, e.g. versioned-releases')
    .action((ruleId: string | undefined) => {
      io.stdout.write(ruleId === undefined ? ruleTable() : docPage(ruleId));
      setExitCode(0);
    });
}

function ruleTable(): string {
  const rows = allRuleMetas().map(
    (m) => `  ${m.id.padEnd(22)} clause ${m.clause.padEnd(12)} ${m.title}`,
  );
  return `Rules (vmt-oversight explain RULE for details):\n${rows.join('\n')}\n`;
}

function docPage(ruleId: string): string {
  const meta = allRuleMetas().find((m) => m.id === ruleId);
  const file = join(packageRoot(), 'src', 'rules', ruleId, 'README.md');
  if (!meta || !existsSync(file)) {
    const known = allRuleMetas()
      .map((m) => m.id)
      .join(', ');
    throw new UsageError(`unknown rule '${ruleId}'; the rules are: ${known}`);
  }
  return readFileSync(file, 'utf8');
}
