import { resolve } from 'node:path';
import type { CliIO } from './io';
import { removeStaleReport } from './report-files';

/**
 * Removes the files that `--report` names on the command line, before it is even parsed: a run
 * writes its reports only once it has a verdict, so one that ends earlier (a usage error, a
 * crash, an interrupt) must not leave an earlier run's report in place, read as its own.
 */
export function removeStaleReports(argv: readonly string[], io: CliIO): void {
  for (const value of reportValues(argv)) {
    const match = /^[a-z]+=(.+)$/.exec(value);
    if (match) removeStaleReport(resolve(io.cwd, match[1] as string));
  }
}

/** The values given to `--report` (`--report V` or `--report=V`), up to a `--`. */
function reportValues(argv: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length && argv[i] !== '--'; i += 1) {
    const arg = argv[i] as string;
    if (arg.startsWith('--report=')) values.push(arg.slice('--report='.length));
    else if (arg === '--report' && argv[i + 1] !== undefined) values.push(argv[(i += 1)] as string);
  }
  return values;
}
