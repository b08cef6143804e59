import { COMMANDS, type CommandEntry } from './command-table';

/** Node flags under which modules must be compiled by node itself (maps, policy, debugger). */
const NODE_COMPILES = ['--enable-source-maps', '--experimental-policy', '--inspect'];

/** Whether the command line runs a command that judges (and asks for no help). */
export function judges(
  args: readonly string[],
  commands: readonly CommandEntry[] = COMMANDS,
): boolean {
  const name = args.find((arg) => !arg.startsWith('-'));
  const help = args.some((arg) => ['-h', '--help', '-V', '--version'].includes(arg));
  return !help && commands.some((command) => command.name === name && command.judges);
}

/** Whether node was started with a flag under which it must compile every module itself. */
export function nodeCompiles(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): boolean {
  const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return flags.some((flag) => NODE_COMPILES.some((name) => flag.startsWith(name)));
}
