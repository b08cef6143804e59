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
        'to fix a failure. RULE is a rule id, a clause (3, clause-3, "clause 3", Deprecation, ' +
        'Updating) or a rule title. Without RULE, list the rules.',
    )
    .argument('[rule]', 'a rule id (versioned-releases) or a clause (3, Deprecation)')
    .action(async (name: string | undefined) => {
      io.stdout.write(name === undefined ? ruleTable(await allRuleMetas()) : await docPage(name));
      setExitCode(0);
    });
}

function ruleTable(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => `  ${m.id.padEnd(22)} clause ${m.clause.padEnd(12)} ${m.title}`);
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
export function findRule(name: string, metas: readonly RuleMeta[]): RuleMeta {
  const wanted = name.trim().toLowerCase();
  const clause = clauseOf(wanted);
  const match =
    metas.find((m) => m.id === wanted) ??
    metas.find((m) => m.clause !== '—' && m.clause.toLowerCase() === clause) ??
    metas.find((m) => m.title.toLowerCase() === wanted);
  if (!match) {
    throw new UsageError(
      `unknown rule or clause '${name}' (give a rule id or a clause number)\n${ruleTable(metas).trimEnd()}`,
    );
  }
  return match;
}

function pageFile(id: string): string {
  return join(packageRoot(), 'src', 'rules', id, 'README.md');
}

/**
 * Every rule's folder holds its doc page, and only rules' folders do (test/meta checks it): the
 * page of a well-formed id is read without loading the rules; any other name loads them to find
 * the rule it means.
 */
async function docPage(name: string): Promise<string> {
  if (/^[a-z][a-z0-9-]*$/.test(name) && existsSync(pageFile(name))) {
    return readFileSync(pageFile(name), 'utf8');
  }
  const meta = findRule(name, await allRuleMetas());
  if (!existsSync(pageFile(meta.id))) throw new UsageError(`rule '${meta.id}' has no doc page`);
  return readFileSync(pageFile(meta.id), 'utf8');
}

/** The rules, loaded on demand: they bring the parsers their evidence needs. */
async function allRuleMetas(): Promise<RuleMeta[]> {
  return (await import('../../rules')).allRuleMetas();
}
