// The parsing thread's entry (see parser.ts): parses each batch of deliverable texts it is sent,
// in order, and answers with their outcomes. It holds nothing between batches.
import { parentPort } from 'node:worker_threads';
import { parseDeliverableText } from './parse-text';
import type { ParseAnswer, ParseBatch } from './parser';

const port = parentPort;
if (port === null) throw new Error('parse-worker.ts runs only as a worker thread');
port.on('message', (batch: ParseBatch) => {
  const answer: ParseAnswer = { id: batch.id, outcomes: batch.files.map(parseDeliverableText) };
  port.postMessage(answer);
});
const ready: ParseAnswer = { ready: true };
port.postMessage(ready);
