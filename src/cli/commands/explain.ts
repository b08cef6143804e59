import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors';
import type { RuleMeta } from '../../rules/types';
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
    .action(async (ruleId: string | undefined) => {
      io.stdout.write(ruleId === undefined ? await ruleTable() : await docPage(ruleId));
      setExitCode(0);
    });
}

async function ruleTable(): Promise<string> {
  const rows = (await allRuleMetas()).map(
    (m) => `  ${m.id.padEnd(22)} clause ${m.clause.padEnd(12)} ${m.title}`,
  );
  return `Rules (vmt-oversight explain RULE for details):\n${rows.join('\n')}\n`;
}

/**
 * Every rule's folder holds its doc page, and only rules' folders do (test/meta checks it): the
 * page of a well-formed id is read without loading the rules; the rules are loaded to say which
 * ids there are.
 */
async function docPage(ruleId: string): Promise<string> {
  const file = join(packageRoot(), 'src', 'rules', ruleId, 'README.md');
  if (/^[a-z][a-z0-9-]*$/.test(ruleId) && existsSync(file)) return readFileSync(file, 'utf8');
  const metas = await allRuleMetas();
  const meta = metas.find((m) => m.id === ruleId);
  if (!meta || !existsSync(file)) {
    const known = metas.map((m) => m.id).join(', ');
    throw new UsageError(`unknown rule '${ruleId}'; the rules are: ${known}`);
  }
  return readFileSync(file, 'utf8');
}

/** The rules, loaded on demand: they bring the parsers their evidence needs. */
async function allRuleMetas(): Promise<RuleMeta[]> {
  return (await import('../../rules')).allRuleMetas();
}
