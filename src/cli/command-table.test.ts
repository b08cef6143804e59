import { Command, Help } from 'commander';
import { COMMANDS, commandNamed } from './command-table';
import type { CliIO } from './io';

const io = {} as CliIO;

describe('the command table --help lists without loading the commands', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    '%s: the summary and term its loaded command gives',
    async (_name, entry) => {
      const command: Command = (await entry.load())(io, () => undefined);
      expect(command.name()).toBe(entry.name);
      expect(command.summary()).toBe(entry.summary);
      expect(new Help().subcommandTerm(command)).toBe(entry.term);
    },
  );

  it.each([
    [['check', '--repo', '.'], 'check'],
    [['--help'], null],
    [[], null],
    [['help', 'audit'], 'audit'],
    [['explain', 'embargo'], 'explain'],
    [['frob'], null],
  ])('%j runs %s', (argv, name) => {
    expect(commandNamed(argv)?.name ?? null).toBe(name);
  });
});
