// Imported first by bin.ts, before any other module of the program loads. For a command that
// judges, V8's flags are set before anything is compiled (cached code is valid only for the flags
// it was made with) and every module after this one is compiled with its cached code where there
// is some. Help, `--version` and `explain` are left as node starts them: setting a flag makes V8
// refuse node's own built-in code cache, which costs more than a short command's own loading.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const JUDGING_COMMANDS = new Set(['check', 'audit', 'vote', 'propose']);

/** Node flags under which modules must be compiled by node itself (maps, policy, debugger). */
const NODE_COMPILES = ['--enable-source-maps', '--experimental-policy', '--inspect'];

if (judges(process.argv.slice(2))) {
  // Loaded only here: node:v8, node:vm and node:crypto cost a short command more than it saves.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { tuneV8 } = require('./v8-tuning') as typeof import('./v8-tuning');
  const { codeCacheDir, installCodeCache } =
    require('../util/code-cache') as typeof import('../util/code-cache');
  const { privateDirectory } =
    require('../util/private-dir') as typeof import('../util/private-dir');
  /* eslint-enable @typescript-eslint/no-require-imports */
  tuneV8();
  const named = nodeCompiles() ? null : codeCacheDir(process.env);
  const dir = named === null ? null : privateDirectory(named);
  const root = packageRoot(__dirname);
  if (dir !== null && root !== null) installCodeCache(dir, root);
}

/** Whether the command line runs a command that judges (and asks for no help). */
function judges(args: readonly string[]): boolean {
  const command = args.find((arg) => !arg.startsWith('-'));
  const help = args.some((arg) => ['-h', '--help', '-V', '--version'].includes(arg));
  return command !== undefined && JUDGING_COMMANDS.has(command) && !help;
}

function nodeCompiles(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((flag) => NODE_COMPILES.some((name) => flag.startsWith(name)));
}

/** The package's own directory: the nearest one above with a package.json (dist has none). */
function packageRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
