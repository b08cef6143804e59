// The parsing thread's entry (see parser.ts): parses each batch of deliverable texts it is sent,
// and reads each git directory's refs it is asked for (ref-rows.ts), and answers with their
// outcomes: in order, except refs asked for ahead of need (a repository it locates itself, as
// the main thread does), which wait while anything else does. It keeps no job's data between
// jobs (only the real path of the repositories root, as the main thread does), and says in a
// shared cell which job it is doing.
import { parentPort, workerData } from 'node:worker_threads';
import { parseDeliverableText } from './parse-text';
import type { ParseAnswer, ParseBatch } from './parser';
import type { RefRow } from '../repository/ref-objects';
import { locateRepository } from '../repository/locate';
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
let running = false;

port.on('message', (batch: ParseBatch) => {
  ('refsOfRepository' in batch ? ahead : urgent).push(batch);
  schedule();
});

function schedule(): void {
  if (scheduled || running) return;
  scheduled = true;
  // Not now: a batch that arrives meanwhile (delivered before the next turn's immediates) goes
  // before the refs asked ahead.
  // A job that throws kills the thread (died() fails that job), whatever node does with a
  // rejection: thrown again from an immediate, it is an uncaught exception.
  setImmediate(() =>
    doNext().catch((error: unknown) =>
      setImmediate(() => {
        throw error;
      }),
    ),
  );
}

/** One job at a time, the next once it is answered (locating a repository awaits the disk). */
async function doNext(): Promise<void> {
  scheduled = false;
  const batch = urgent.shift() ?? ahead.shift();
  if (batch === undefined) return;
  running = true;
  setJob(jobCell, batch.id);
  port!.postMessage(await answerTo(batch));
  setJob(jobCell, NO_JOB);
  running = false;
  if (urgent.length > 0 || ahead.length > 0) schedule();
}

async function answerTo(batch: ParseBatch): Promise<ParseAnswer> {
  if ('files' in batch) return { id: batch.id, outcomes: batch.files.map(parseDeliverableText) };
  if ('refsOf' in batch) return { id: batch.id, rows: refRows(batch.refsOf) };
  // Asked ahead of need, and the main thread started on them first: they are its to read.
  if (!claim(batch.claim, THREAD)) return { id: batch.id, rows: null };
  const { root, name } = batch.refsOfRepository;
  const gitDir = await locateRepository(root, name).catch(() => null);
  return gitDir === null
    ? { id: batch.id, rows: null }
    : { id: batch.id, rows: refRows(gitDir), gitDir };
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
