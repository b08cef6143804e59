// The parsing thread's entry (see parser.ts): parses each batch of deliverable texts it is sent,
// and reads each git directory's refs it is asked for (ref-rows.ts), in order, and answers with
// their outcomes. It holds nothing between batches.
import { parentPort } from 'node:worker_threads';
import { parseDeliverableText } from './parse-text';
import type { ParseAnswer, ParseBatch } from './parser';
import type { RefRow } from '../repository/ref-objects';
import { localRefRows } from '../repository/ref-rows';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs only as a worker thread');
port.on('message', (batch: ParseBatch) => {
  const answer: ParseAnswer =
    'refsOf' in batch
      ? { id: batch.id, rows: refRows(batch.refsOf) }
      : { id: batch.id, outcomes: batch.files.map(parseDeliverableText) };
  port.postMessage(answer);
});

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
