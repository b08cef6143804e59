/**
 * The program of the git spawner, as source text, for both of its homes: a helper process (the
 * default: `node -e`, talking over its IPC channel) or a worker thread (`eval: true`, talking
 * over `parentPort`); a two-line adapter picks the channel. As text, the same code runs from the
 * compiled dist, under ts-jest and under the tests' transpile hook, with nothing to resolve on
 * disk. Node built-ins only. It starts git processes when asked, passes their stdin in and their
 * output, exit and errors out, and never decides anything: the command, arguments, environment,
 * timeouts and caps all come from the run, per request.
 *
 * As a process it lives only as long as its parent: when the IPC channel closes (the parent
 * exited, crashed or was killed, or stopped it) it kills every git it started and exits.
 *
 * Messages in:  {kind: 'spawn', id, command, args, env} | {kind: 'write' | 'end', id, text}
 *               | {kind: 'kill', id, signal}
 * Messages out: {kind: 'ready'} | {kind: 'stdout' | 'stderr', id, data}
 *               | {kind: 'error', id, error, exitCode} | {kind: 'exit' | 'close', id, code, signal}
 * `data` is an ArrayBuffer (moved, on a thread) or a Uint8Array (serialized, from a process).
 * Over a process's channel, messages travel in arrays: those of one event-loop turn together.
 */
export const SPAWNER_SOURCE = String.raw`'use strict';
const { parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');

const children = new Map();

// A chunk read from a pipe owns its whole ArrayBuffer: move it, never copy it.
function owned(chunk) {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
  return whole ? chunk.buffer : chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength);
}

const channel = parentPort
  ? {
      send: (message) => parentPort.postMessage(message),
      sendData: (kind, id, chunk) => {
        const data = owned(chunk);
        try {
          parentPort.postMessage({ kind, id, data }, [data]);
        } catch {
          parentPort.postMessage({ kind, id, data });
        }
      },
      listen: (receive) => parentPort.on('message', receive),
    }
  : processChannel();

// Over a process's channel every message is a write and a read: what one turn of the event loop
// sends goes as one array. Output not yet written to the channel is bounded: above HIGH bytes the
// gits' pipes are paused until the run has read it, so a git answering a huge object waits on its
// pipe, as it would if the run had started it, instead of filling this process's memory.
const HIGH = 1024 * 1024;
function processChannel() {
  let batch = null;
  let unsent = 0;
  const paused = new Set();
  const written = (bytes) => {
    unsent -= bytes;
    if (unsent > HIGH / 2) return;
    for (const stream of paused) stream.resume();
    paused.clear();
  };
  const flush = () => {
    const messages = batch;
    batch = null;
    const bytes = messages.reduce((sum, m) => sum + (m.data ? m.data.byteLength : 0), 0);
    if (process.connected) process.send(messages, () => written(bytes));
  };
  const send = (message) => {
    if (batch === null) {
      batch = [];
      setImmediate(flush);
    }
    batch.push(message);
  };
  return {
    send,
    sendData: (kind, id, data, stream) => {
      send({ kind, id, data });
      unsent += data.byteLength;
      if (unsent > HIGH && !paused.has(stream)) {
        stream.pause();
        paused.add(stream);
      }
    },
    listen: (receive) =>
      process.on('message', (messages) => {
        for (const message of messages) receive(message);
      }),
  };
}

function describe(error) {
  const { message, code, errno, syscall, path } = error instanceof Error ? error : {};
  return { message: String(message ?? error), code, errno, syscall, path };
}

function start({ id, command, args, env }) {
  let child;
  try {
    child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    channel.send({ kind: 'error', id, error: describe(error), exitCode: null });
    channel.send({ kind: 'close', id, code: null, signal: null });
    return;
  }
  children.set(id, child);
  child.stdout.on('data', (chunk) => channel.sendData('stdout', id, chunk, child.stdout));
  child.stderr.on('data', (chunk) => channel.sendData('stderr', id, chunk, child.stderr));
  child.stdin.on('error', () => undefined);
  child.on('error', (error) =>
    channel.send({ kind: 'error', id, error: describe(error), exitCode: child.exitCode }),
  );
  child.on('exit', (code, signal) => channel.send({ kind: 'exit', id, code, signal }));
  child.on('close', (code, signal) => {
    children.delete(id);
    channel.send({ kind: 'close', id, code, signal });
  });
}

channel.listen((message) => {
  if (message.kind === 'spawn') return start(message);
  const child = children.get(message.id);
  if (child === undefined) return;
  if (message.kind === 'write') child.stdin.write(message.text);
  else if (message.kind === 'end') child.stdin.end(message.text);
  else if (message.kind === 'kill') child.kill(message.signal);
});

if (!parentPort) {
  // The parent is gone (or let go of this process): nothing it started may outlive it.
  const end = () => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(0);
  };
  process.on('disconnect', end);
  process.on('SIGTERM', end);
  if (!process.connected) end();
}
channel.send({ kind: 'ready' });
`;
