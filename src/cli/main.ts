import { Command, CommanderError } from 'commander';
import { VmtError } from '../errors';
import { TOOL_VERSION } from '../version';
import { auditCommand } from './commands/audit';
import { checkCommand } from './commands/check';
import { explainCommand } from './commands/explain';
import { proposeCommand } from './commands/propose';
import { voteCommand } from './commands/vote';
import type { CliIO } from './io';

type CommandFactory = (io: CliIO, setExitCode: (code: number) => void) => Command;

/** Every subcommand, in the order `--help` lists them. */
const COMMANDS: readonly CommandFactory[] = [
  checkCommand,
  auditCommand,
  proposeCommand,
  explainCommand,
  voteCommand,
];

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command('vmt-oversight')
    .description(
      'Checks changes to the OpenStack VMT oversight list against the policy, with evidence from ' +
        "OpenStack's own data, and votes.",
    )
    .version(TOOL_VERSION)
    .showHelpAfterError('(run with --help for usage)');
  for (const factory of COMMANDS) program.addCommand(factory(io, (code) => (exitCode = code)));
  configure(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function configure(command: Command, io: CliIO): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  for (const sub of command.commands) configure(sub, io);
}

function handleError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // --help and --version end with a CommanderError whose exit code is 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof VmtError) {
    io.stderr.write(`vmt-oversight: ${error.message}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`vmt-oversight: internal error (please report it):\n${detail}\n`);
  return 2;
}
