import { statSync } from 'node:fs';
import { join } from 'node:path';
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

/** Where the build puts the program's bundle and the parsing thread's (build/bundle.ts). */
export const BUNDLE_DIR = join('dist', 'bundle');
export const BUNDLED_PROGRAM = 'program.js';

export interface BundleChoice {
  /** The binary runs compiled (dist/); from its TypeScript source it runs the source's modules. */
  compiled: boolean;
  /** The command judges (`judges`): help, `--version` and `explain` load only what they need. */
  judging: boolean;
  /** Node compiles every module itself (`nodeCompiles`): its stack traces name the modules. */
  compiles: boolean;
  env: NodeJS.ProcessEnv;
  /** The package's root directory. */
  root: string;
  /** The compiled program module (dist/src/cli/program.js), which the bundle must not predate. */
  modules: string;
}

/**
 * The bundle a command that judges runs from, one file instead of some 330 modules to resolve,
 * read and check (some 70 ms less for a small check); null to run from the modules: for any
 * other command, from the TypeScript source, under a flag that has node compile the modules, with
 * `VMT_OVERSIGHT_BUNDLE=0`, when the build made no bundle, or when the bundle is older than the
 * compiled modules (left by an earlier build, after `tsc` was run alone).
 */
export function bundledProgram(
  choice: BundleChoice,
  modified: (file: string) => number | null = modifiedAt,
): string | null {
  const { compiled, judging, compiles, env } = choice;
  if (!compiled || !judging || compiles || env.VMT_OVERSIGHT_BUNDLE === '0') return null;
  const file = join(choice.root, BUNDLE_DIR, BUNDLED_PROGRAM);
  const bundled = modified(file);
  const modules = modified(choice.modules);
  return bundled !== null && modules !== null && bundled >= modules ? file : null;
}

function modifiedAt(file: string): number | null {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? null;
}
