#!/usr/bin/env node
// The installed binary. start.ts comes first (V8's flags and the code cache for a command that
// judges); the program then runs from its bundle when the build made one and the command judges,
// else from its modules.
import { bundledProgram } from './start';

const bundle = bundledProgram();
/* eslint-disable @typescript-eslint/no-require-imports */
if (bundle === null) require('./program');
else {
  try {
    require(bundle);
  } catch (error) {
    // A bundle that cannot load (cut short, or needing a package no longer installed) is an
    // internal error, exit 2, not a verdict: exit 1 would read as "the policy is not met".
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`vmt-oversight: internal error: cannot load ${bundle}: ${why}\n`);
    process.exitCode = 2;
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */
