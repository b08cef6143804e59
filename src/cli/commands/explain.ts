import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors';
import { allRuleMetas } from '../../rules';
import type { RuleMeta } from '../../rules/types';
import { packageRoot } from '../../util/package-root';
import type { CliIO } from '../io';

export function explainCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  return new Command('explain')
    .summary("print a rule's doc page")
    .description(
      'Print what a policy clause says, how the rule checks it, what counts as evidence and how ' +
        'to fix a failure. RULE is a rule id, a clause (3, clause-3, "clause 3", Deprecation, ' +
        'Updating) or a rule title. Without RULE, list the rules.',
    )
    .argument('[rule]', 'a rule id (versioned-releases) or a clause (3, Deprecation)')
    .action((name: string | undefined) => {
      io.stdout.write(name === undefined ? ruleTable() : docPage(findRule(name)));
      setExitCode(0);
    });
}

function ruleTable(): string {
  const rows = allRuleMetas().map(
    (m) => `  ${m.id.padEnd(22)} clause ${m.clause.padEnd(12)} ${m.title}`,
  );
  return `Rules (vmt-oversight explain RULE or CLAUSE for details):\n${rows.join('\n')}\n`;
}

/** `clause-3`, `clause 3`, `Clause 3` → `3`; anything else as given. */
function clauseOf(name: string): string {
  return name.replace(/^clause[\s_-]*/i, '');
}

/**
 * The rule a name means: its id, else the rule of that clause (`3`, `clause-3`, `deprecation`,
 * case-insensitive), else the rule whose title is that name. Clauses `—` (list rules) are no
 * clause a person names.
 */
export function findRule(name: string): RuleMeta {
  const metas = allRuleMetas();
  const wanted = name.trim().toLowerCase();
  const clause = clauseOf(wanted);
  const match =
    metas.find((m) => m.id === wanted) ??
    metas.find((m) => m.clause !== '—' && m.clause.toLowerCase() === clause) ??
    metas.find((m) => m.title.toLowerCase() === wanted);
  if (!match) {
    throw new UsageError(
      `unknown rule or clause '${name}' (give a rule id or a clause number)\n${ruleTable().trimEnd()}`,
    );
  }
  return match;
}

function docPage(meta: RuleMeta): string {
  const file = join(packageRoot(), 'src', 'rules', meta.id, 'README.md');
  if (!existsSync(file)) throw new UsageError(`rule '${meta.id}' has no doc page`);
  return readFileSync(file, 'utf8');
}
