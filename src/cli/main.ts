import { Command, CommanderError } from 'commander';
import { VmtError } from '../errors';
import { Unavailable } from '../sources/unavailable';
import { TOOL_VERSION } from '../version';
import { auditCommand } from './commands/audit';
import { checkCommand } from './commands/check';
import { explainCommand } from './commands/explain';
import { proposeCommand } from './commands/propose';
import { voteCommand } from './commands/vote';
import type { CliIO } from './io';
import { removeStaleReports } from './output';

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
  try {
    removeStaleReports(argv, io);
  } catch (error) {
    return handleError(error, io);
  }
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

export function handleError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // --help and --version end with a CommanderError whose exit code is 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof VmtError) {
    io.stderr.write(`vmt-oversight: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof Unavailable) {
    // Evidence is at stake: this can only be inconclusive, never a pass (nor a usage error).
    io.stderr.write(`vmt-oversight: evidence unavailable (${error.source}): ${oneLine(error)}\n`);
    return 3;
  }
  io.stderr.write(internalErrorMessage(error, io.env));
  return 2;
}

/**
 * One line naming the failure; the stack trace only when VMT_OVERSIGHT_DEBUG is set, so a
 * crash never floods a CI log or a terminal, yet can be reported in full.
 */
export function internalErrorMessage(error: unknown, env: NodeJS.ProcessEnv): string {
  const line =
    `vmt-oversight: internal error: ${oneLine(error)} ` +
    '(please report it; set VMT_OVERSIGHT_DEBUG=1 for the stack trace)\n';
  const stack = error instanceof Error ? error.stack : undefined;
  return env.VMT_OVERSIGHT_DEBUG && stack ? `${line}${stack}\n` : line;
}

/** The message of `error` on one line, without control characters. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex
  const text = message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return text.length > 0 ? text : error instanceof Error ? error.name : 'unknown error';
}
