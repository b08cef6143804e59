// Imported first by bin.ts, before any other module of the program loads. For a command that
// judges, V8's flags are set before anything is compiled (cached code is valid only for the flags
// it was made with) and every module after this one is compiled with its cached code where there
// is some. Help, `--version` and `explain` are left as node starts them: setting a flag makes V8
// refuse node's own built-in code cache, which costs more than a short command's own loading.
import { join } from 'node:path';

const JUDGING_COMMANDS = new Set(['check', 'audit', 'vote', 'propose']);

if (judges(process.argv.slice(2))) {
  // Loaded only here: node:v8, node:vm and node:crypto cost a short command more than it saves.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { tuneV8 } = require('./v8-tuning') as typeof import('./v8-tuning');
  const { codeCacheDir, installCodeCache, privateDirectory } =
    require('../util/code-cache') as typeof import('../util/code-cache');
  /* eslint-enable @typescript-eslint/no-require-imports */
  tuneV8();
  const dir = codeCacheDir(process.env);
  if (dir !== null && !sourceMapsEnabled() && privateDirectory(dir)) {
    // The package's root, three levels up from dist/src/cli: its own modules and dependencies.
    installCodeCache(dir, join(__dirname, '..', '..', '..'));
  }
}

/** Whether the command line runs a command that judges (and asks for no help). */
function judges(args: readonly string[]): boolean {
  const command = args.find((arg) => !arg.startsWith('-'));
  const help = args.some((arg) => ['-h', '--help', '-V', '--version'].includes(arg));
  return command !== undefined && JUDGING_COMMANDS.has(command) && !help;
}

/** Source maps apply to what node compiles itself, so with them on nothing is taken from a cache. */
function sourceMapsEnabled(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.includes('--enable-source-maps');
}
