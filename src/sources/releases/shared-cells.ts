// Int32 cells in memory the main thread and the parsing thread share (a SharedArrayBuffer is
// shared, not copied, when posted), read and set with Atomics so that each access is whole.

/** One Int32 both threads see. */
export type Cell = Int32Array;

function newCell(value: number): Cell {
  const cell = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  cell[0] = value;
  return cell;
}

const OPEN = 0;
export const HERE = 1;
export const THREAD = 2;

/**
 * A job both threads may do, done by whichever starts it first: open until one claims it, sent
 * with the job.
 */
export function openClaim(): Cell {
  return newCell(OPEN);
}

/** Takes the job for `who`; false when the other thread took it first. */
export function claim(cell: Cell, who: typeof HERE | typeof THREAD): boolean {
  return Atomics.compareExchange(cell, 0, OPEN, who) === OPEN;
}

/** What the job cell holds while the thread does no job. */
export const NO_JOB = -1;

/**
 * Where the thread writes the id of the job it is doing: a thread that dies then names the job
 * it died on, though it does jobs out of the order they were sent.
 */
export function newJobCell(): Cell {
  return newCell(NO_JOB);
}

/** The job cell the thread was started with (its `workerData`). */
export function jobCellOf(workerData: unknown): Cell {
  const cell = (workerData as { jobCell?: unknown } | null)?.jobCell;
  if (!(cell instanceof Int32Array) || !(cell.buffer instanceof SharedArrayBuffer)) {
    throw new Error('the parsing thread was started without its job cell');
  }
  return cell;
}

/** The id of the job the thread is doing, or NO_JOB. */
export function jobIn(cell: Cell): number {
  return Atomics.load(cell, 0);
}

export function setJob(cell: Cell, id: number): void {
  Atomics.store(cell, 0, id);
}
