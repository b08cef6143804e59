// The parsing thread's entry (see parser.ts): parses each batch of deliverable texts it is sent,
// and reads each git directory's refs it is asked for (ref-rows.ts), and answers with their
// outcomes: in order, except refs asked for ahead of need, which wait while anything else does.
// It holds nothing between batches, and says in a shared cell which job it is doing.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDeliverableText } from './parse-text';
import type { ParseAnswer, ParseBatch } from './parser';
import type { RefRow } from '../repository/ref-objects';
import { localRefRows } from '../repository/ref-rows';
import { claim, jobCellOf, NO_JOB, setJob, THREAD } from './shared-cells';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs only as a worker thread');
const jobCell = jobCellOf(workerData);
/** Deliverable files, and refs asked for when they are needed. */
const urgent: ParseBatch[] = [];
/** Refs asked for ahead of need: done when nothing urgent waits. */
const ahead: ParseBatch[] = [];
let scheduled = false;

port.on('message', (batch: ParseBatch) => {
  ('refsOf' in batch && batch.claim !== undefined ? ahead : urgent).push(batch);
  schedule();
});

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // Not now: a batch that arrives meanwhile (delivered before the next turn's immediates) goes
  // before the refs asked ahead.
  setImmediate(doNext);
}

function doNext(): void {
  scheduled = false;
  const batch = urgent.shift() ?? ahead.shift();
  if (batch === undefined) return;
  setJob(jobCell, batch.id);
  port!.postMessage(answerTo(batch));
  setJob(jobCell, NO_JOB);
  if (urgent.length > 0 || ahead.length > 0) schedule();
}

function answerTo(batch: ParseBatch): ParseAnswer {
  if (!('refsOf' in batch))
    return { id: batch.id, outcomes: batch.files.map(parseDeliverableText) };
  // Asked ahead of need, and the main thread started on them first: they are its to read.
  if (batch.claim && !claim(batch.claim, THREAD)) return { id: batch.id, rows: null };
  return { id: batch.id, rows: refRows(batch.refsOf) };
}

/** Null (read them on the main thread, which says what is wrong) on any failure. */
function refRows(gitDir: string): RefRow[] | null {
  try {
    return localRefRows(gitDir);
  } catch {
    return null;
  }
}
const ready: ParseAnswer = { ready: true };
port.postMessage(ready);
