import type { Command } from 'commander';
import type { CliIO } from './io';

export type CommandFactory = (io: CliIO, setExitCode: (code: number) => void) => Command;

/** A subcommand as `--help` lists it, and how to load it when it is the one run. */
export interface CommandEntry {
  name: string;
  /** Its summary and its term in the command list, as the loaded command gives them. */
  summary: string;
  term: string;
  /** Whether it judges: it then starts with V8's flags set and the code cache (start.ts). */
  judges: boolean;
  load(): Promise<CommandFactory>;
}

/**
 * Every subcommand, in the order `--help` lists them. Loading one loads the engine, the sources
 * and the reporters it needs, so `--help` and `explain` start without them; a test checks that
 * each summary and term is the one its command gives.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'check',
    summary: 'check a change to the oversight list',
    term: 'check [options]',
    judges: true,
    load: async () => (await import('./commands/check')).checkCommand,
  },
  {
    name: 'audit',
    summary: 'check every repository on the list, not just a change',
    term: 'audit [options]',
    judges: true,
    load: async () => (await import('./commands/audit')).auditCommand,
  },
  {
    name: 'propose',
    summary: 'draft a list entry and a clause-by-clause checklist',
    term: 'propose [options] <repository>',
    judges: true,
    load: async () => (await import('./commands/propose')).proposeCommand,
  },
  {
    name: 'explain',
    summary: "print a rule's doc page",
    term: 'explain [rule]',
    judges: false,
    load: async () => (await import('./commands/explain')).explainCommand,
  },
  {
    name: 'vote',
    summary: 'check a Gerrit change and post the review (vote and inline comments)',
    term: 'vote [options]',
    judges: true,
    load: async () => (await import('./commands/vote')).voteCommand,
  },
];

/**
 * The command the arguments run: the first one that is not an option (the program itself has
 * only --help and --version), or the one `help NAME` asks about; null for none.
 */
export function commandNamed(argv: readonly string[]): CommandEntry | null {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((entry) => entry.name === name) ?? null;
}
