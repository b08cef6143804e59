// Imported first by bin.ts, before any other module of the program loads. For a command that
// judges, V8's flags are set before anything is compiled (cached code is valid only for the flags
// it was made with) and every module after this one is compiled with its cached code where there
// is some. Help, `--version` and `explain` are left as node starts them: setting a flag makes V8
// refuse node's own built-in code cache, which costs more than a short command's own loading.
import { join } from 'node:path';
import { packageRoot } from '../util/package-root';
import { bundledProgram as bundleFor, judges, nodeCompiles } from './start-options';

const judging = judges(process.argv.slice(2));
const compiles = nodeCompiles(process.execArgv, process.env.NODE_OPTIONS);

if (judging) {
  // Loaded only here: node:v8, node:vm and node:crypto cost a short command more than it saves.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { tuneV8 } = require('./v8-tuning') as typeof import('./v8-tuning');
  const { codeCacheDir, installCodeCache } =
    require('../util/code-cache') as typeof import('../util/code-cache');
  const { privateDirectory } =
    require('../util/private-dir') as typeof import('../util/private-dir');
  /* eslint-enable @typescript-eslint/no-require-imports */
  tuneV8();
  try {
    const named = compiles ? null : codeCacheDir(process.env);
    const dir = named === null ? null : privateDirectory(named);
    if (dir !== null) installCodeCache(dir, packageRoot());
  } catch {
    // No cache: the run compiles its modules as node does.
  }
}

/** The program's bundle for this run (see start-options), or null for its modules. */
export function bundledProgram(): string | null {
  if (!judging) return null;
  try {
    const compiled = __filename.endsWith('.js');
    const modules = join(__dirname, 'program.js');
    const root = packageRoot();
    return bundleFor({ compiled, judging, compiles, env: process.env, root, modules });
  } catch {
    return null;
  }
}
