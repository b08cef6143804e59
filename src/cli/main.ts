import { Command, CommanderError, Help } from 'commander';
import { VmtError } from '../errors';
import type { Unavailable } from '../sources/unavailable';
import { TOOL_VERSION } from '../version';
import { COMMANDS, commandNamed, type CommandEntry } from './command-table';
import type { CliIO } from './io';
import { removeStaleReports } from './stale-reports';

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
  // Only the command the arguments name is loaded (with what it needs); the others are listed.
  const wanted = commandNamed(argv);
  const setExitCode = (code: number): void => void (exitCode = code);
  program.configureHelp({ subcommandTerm: (command) => termOf(command) });
  for (const entry of COMMANDS) {
    program.addCommand(
      entry === wanted ? (await entry.load())(io, setExitCode) : listedCommand(entry),
    );
  }
  configure(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

/** A command as `--help` lists it, not loaded: it is never run (see `commandNamed`). */
function listedCommand(entry: CommandEntry): Command {
  return new Command(entry.name).summary(entry.summary).action(() => {
    throw new Error(`the ${entry.name} command was run without being loaded`);
  });
}

function termOf(command: Command): string {
  const entry = COMMANDS.find((candidate) => candidate.name === command.name());
  return entry ? entry.term : new Help().subcommandTerm(command);
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
  if (isUnavailable(error)) {
    // Evidence is at stake: this can only be inconclusive, never a pass (nor a usage error).
    io.stderr.write(`vmt-oversight: evidence unavailable (${error.source}): ${oneLine(error)}\n`);
    return 3;
  }
  io.stderr.write(internalErrorMessage(error, io.env));
  return 2;
}

/** An `Unavailable` escaped from a source, told by its name: its module is loaded only by sources. */
function isUnavailable(error: unknown): error is Unavailable {
  return error instanceof Error && error.name === 'Unavailable' && 'source' in error;
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
