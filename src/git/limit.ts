import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/**
 * At most this many git processes at once across the whole run, whatever the number of
 * repositories, branches or sources asking: enough to keep every core busy, never a fork bomb.
 */
export const GIT_PROCESS_LIMIT = Math.max(2, availableParallelism() * 2);

const limit = pLimit(GIT_PROCESS_LIMIT);

/** Runs `work` (one git process) when a slot is free. */
export function withGitSlot<T>(work: () => Promise<T>): Promise<T> {
  return limit(work);
}

/** How many git processes run or wait now, for tests of the bound. */
export function gitSlotsInUse(): { active: number; pending: number } {
  return { active: limit.activeCount, pending: limit.pendingCount };
}
