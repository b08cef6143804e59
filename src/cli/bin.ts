#!/usr/bin/env node
// The installed binary. start.ts comes first (V8's flags and the code cache for a command that
// judges); the program then runs from its bundle when the build made one and the command judges,
// else from its modules.
import { bundledProgram } from './start';

// eslint-disable-next-line @typescript-eslint/no-require-imports
require(bundledProgram() ?? './program');
