/**
 * The program of the spawner thread, as source text: the thread is started with `eval`, so the
 * same code runs from the compiled dist, under ts-jest and under the tests' transpile hook, with
 * nothing to resolve on disk. Node built-ins only. It starts git processes when asked, passes
 * their stdin in and their output, exit and errors out, and never decides anything: the
 * arguments, environment, timeouts and caps are all the main thread's.
 *
 * Messages in:  {kind: 'spawn', id, command, args, env} | {kind: 'write' | 'end', id, text}
 *               | {kind: 'kill', id, signal}
 * Messages out: {kind: 'ready'} | {kind: 'stdout' | 'stderr', id, data: ArrayBuffer (moved)}
 *               | {kind: 'error', id, error, exitCode} | {kind: 'exit' | 'close', id, code, signal}
 */
export const SPAWNER_THREAD_SOURCE = String.raw`'use strict';
const { parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');

const children = new Map();

function describe(error) {
  const { message, code, errno, syscall, path } = error instanceof Error ? error : {};
  return { message: String(message ?? error), code, errno, syscall, path };
}

// A chunk read from a pipe owns its whole ArrayBuffer: move it, never copy it.
function owned(chunk) {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
  return whole ? chunk.buffer : chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength);
}

function forward(id, kind) {
  return (chunk) => {
    const data = owned(chunk);
    try {
      parentPort.postMessage({ kind, id, data }, [data]);
    } catch {
      parentPort.postMessage({ kind, id, data });
    }
  };
}

function start({ id, command, args, env }) {
  let child;
  try {
    child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    parentPort.postMessage({ kind: 'error', id, error: describe(error), exitCode: null });
    parentPort.postMessage({ kind: 'close', id, code: null, signal: null });
    return;
  }
  children.set(id, child);
  child.stdout.on('data', forward(id, 'stdout'));
  child.stderr.on('data', forward(id, 'stderr'));
  child.stdin.on('error', () => undefined);
  child.on('error', (error) =>
    parentPort.postMessage({ kind: 'error', id, error: describe(error), exitCode: child.exitCode }),
  );
  child.on('exit', (code, signal) => parentPort.postMessage({ kind: 'exit', id, code, signal }));
  child.on('close', (code, signal) => {
    children.delete(id);
    parentPort.postMessage({ kind: 'close', id, code, signal });
  });
}

parentPort.on('message', (message) => {
  if (message.kind === 'spawn') return start(message);
  const child = children.get(message.id);
  if (child === undefined) return;
  if (message.kind === 'write') child.stdin.write(message.text);
  else if (message.kind === 'end') child.stdin.end(message.text);
  else if (message.kind === 'kill') child.kill(message.signal);
});
parentPort.postMessage({ kind: 'ready' });
`;
