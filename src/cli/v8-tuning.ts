import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. By default
 * V8 allows up to 4× the live data on a machine with memory to spare: an audit of 1,500
 * repositories keeps about 45 MB alive but let its heap grow to 200 MB of garbage not yet
 * collected (280 MB of peak RSS once the reports are written in pieces, 352 MB before). At 100%
 * (2×) it peaks at about 205 MB; 50% gives 185 MB but twice the full collections (about a second
 * more of main-thread GC per 600 repositories), 25% 175 MB.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * How much a function runs before V8 considers optimizing it, in bytecodes: 4× V8's default
 * (67,584). A run lasts seconds and touches hundreds of functions once per repository; by default
 * V8's optimizing compiler (TurboFan, on background threads) spent about 2 CPU seconds of an
 * audit of 600 repositories and 1.6 of a 2-second check compiling code that had little left to
 * run, on a machine with two cores it shares with git and the parsing thread. At 4× the hottest
 * code (YAML, ref parsing) is still optimized: perf measured 5% less CPU for the audit and 10%
 * for the check, with the same reports.
 */
export const INTERRUPT_BUDGET = 4 * 67584;

const TUNING: readonly { flag: string; value: number }[] = [
  { flag: '--heap-growing-percent', value: HEAP_GROWING_PERCENT },
  { flag: '--interrupt-budget', value: INTERRUPT_BUDGET },
];

/**
 * Sets V8's heap growth and optimization budget for the rest of the run. V8 reads both each time
 * it uses them (the heap's size after a full collection, a function's budget once spent), so
 * setting them after start takes effect. A value given on the command line or in NODE_OPTIONS is
 * left alone. Returns the flags it set.
 */
export function tuneV8(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].map((arg) =>
    arg.replace(/_/g, '-'),
  );
  const set: string[] = [];
  for (const { flag, value } of TUNING) {
    if (given.some((arg) => arg === flag || arg.startsWith(`${flag}=`))) continue;
    setFlagsFromString(`${flag}=${value}`);
    set.push(flag);
  }
  return set;
}
