import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The commands that judge: they get V8's flags and the code cache (src/cli/start.ts). */
const JUDGING_COMMANDS = new Set(['check', 'audit', 'vote', 'propose']);

/** Node flags under which modules must be compiled by node itself (maps, policy, debugger). */
const NODE_COMPILES = ['--enable-source-maps', '--experimental-policy', '--inspect'];

/** Whether the command line runs a command that judges (and asks for no help). */
export function judges(args: readonly string[]): boolean {
  const command = args.find((arg) => !arg.startsWith('-'));
  const help = args.some((arg) => ['-h', '--help', '-V', '--version'].includes(arg));
  return command !== undefined && JUDGING_COMMANDS.has(command) && !help;
}

/** Whether node was started with a flag under which it must compile every module itself. */
export function nodeCompiles(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): boolean {
  const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return flags.some((flag) => NODE_COMPILES.some((name) => flag.startsWith(name)));
}

/** The package's own directory: the nearest one above with a package.json (dist has none). */
export function packageRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
