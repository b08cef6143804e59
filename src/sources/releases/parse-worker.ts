// The parsing thread's entry (see parser.ts): parses each batch of deliverable texts it is sent,
// reads each git directory's refs it is asked for (ref-rows.ts) and each run-wide data file's
// tables (tables-thread.ts), in order, and answers with their outcomes. It holds nothing between
// batches.
import { parentPort } from 'node:worker_threads';
import { parseDeliverableText } from './parse-text';
import type { ParseAnswer, ParseBatch } from './parser';
import type { RefRow } from '../repository/ref-objects';
import { localRefRows } from '../repository/ref-rows';
import { buildTables, type TablesRequest } from '../tables-thread';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs only as a worker thread');
port.on('message', (batch: ParseBatch) => {
  port.postMessage(answerTo(batch));
});

function answerTo(batch: ParseBatch): ParseAnswer {
  if ('refsOf' in batch) return { id: batch.id, rows: refRows(batch.refsOf) };
  if ('tables' in batch) return { id: batch.id, tables: tables(batch.tables) };
  return { id: batch.id, outcomes: batch.files.map(parseDeliverableText) };
}

/** Null (read them on the main thread, which gives the error its message) on any error. */
function tables(request: TablesRequest): unknown {
  try {
    return buildTables(request);
  } catch {
    return null;
  }
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
