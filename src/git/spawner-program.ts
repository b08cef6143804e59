/**
 * The program of the git spawner, as source text, for both of its homes: a helper process (the
 * default: `node -e`, talking over its IPC channel) or a worker thread (`eval: true`, talking
 * over `parentPort`); a two-line adapter picks the channel. As text, the same code runs from the
 * compiled dist, under ts-jest and under the tests' transpile hook, with nothing to resolve on
 * disk. Node built-ins only. It starts git processes when asked, passes their output, exit and
 * errors out, and never decides anything: the command, arguments, environment, timeouts and caps
 * all come from the run, per request.
 *
 * Where the run listens on a socket (src/git/spawner-socket.ts), a spawn request carries
 * `stdio: {path, secret}`: the helper connects, writes `<secret> <id>\n`, and gives git that
 * connection as its stdin and stdout, so their bytes never pass through this process; only
 * stderr, exit and errors do. Without it (a thread, no socket), stdin and stdout travel over the
 * channel as well.
 *
 * As a process it lives only as long as its parent: when the IPC channel closes (the parent
 * exited, crashed or was killed, or stopped it) it kills every git it started and exits.
 *
 * Messages in:  {kind: 'spawn', id, command, args, env, stdio?} | {kind: 'write' | 'end', id, text}
 *               | {kind: 'kill', id, signal}
 * Messages out: {kind: 'ready'} | {kind: 'stdout' | 'stderr', id, data}
 *               | {kind: 'error', id, error, exitCode} | {kind: 'exit', id, code, signal}
 *               | {kind: 'close', id, code, signal, socket}
 * `data` is an ArrayBuffer (moved, on a thread) or a Uint8Array (serialized, from a process).
 * Over a process's channel, messages travel in arrays: those of one event-loop turn together.
 */
export const SPAWNER_SOURCE = String.raw`'use strict';
const { parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const net = require('node:net');

const children = new Map();
// Spawns waiting for their connection to the run: a kill meanwhile is applied once git starts.
const waiting = new Map();

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

function start(message) {
  if (message.stdio) connectThenStart(message);
  else launch(message, ['pipe', 'pipe', 'pipe'], null);
}

// Spawns git; with a socket, git's fd 0 and 1 are dups of it, and its output goes to the run
// directly. The socket field of 'close' says whether the run is to wait for that connection.
function launch({ id, command, args, env }, stdio, socket) {
  const connected = socket !== null;
  let child;
  try {
    child = spawn(command, args, { env, stdio });
  } catch (error) {
    channel.send({ kind: 'error', id, error: describe(error), exitCode: null });
    channel.send({ kind: 'close', id, code: null, signal: null, socket: connected });
    return null;
  }
  children.set(id, child);
  if (!connected) {
    child.stdout.on('data', (chunk) => channel.sendData('stdout', id, chunk, child.stdout));
    child.stdin.on('error', () => undefined);
  }
  child.stderr.on('data', (chunk) => channel.sendData('stderr', id, chunk, child.stderr));
  child.on('error', (error) =>
    channel.send({ kind: 'error', id, error: describe(error), exitCode: child.exitCode }),
  );
  child.on('exit', (code, signal) => channel.send({ kind: 'exit', id, code, signal }));
  child.on('close', (code, signal) => {
    children.delete(id);
    channel.send({ kind: 'close', id, code, signal, socket: connected });
  });
  return child;
}

// Connects to the run's socket, says which git the connection is for, and only once that is
// written starts git on it. This process never reads from the connection (it is paused before it
// connects, so what the run writes stays for git), never ends it, and closes its own copy once
// git holds its dups: the connection lives as long as git's end of it.
function connectThenStart(message) {
  const { id, stdio } = message;
  const socket = net.connect(stdio.path);
  socket.pause();
  socket.on('error', () => undefined);
  const wanted = { signal: null };
  waiting.set(id, wanted);
  let settled = false;
  socket.write(stdio.secret + ' ' + id + '\n', (error) => {
    if (settled) return;
    settled = true;
    waiting.delete(id);
    if (error) {
      socket.destroy();
      const failure = { message: 'cannot reach the run: ' + error.message, code: 'EVMT_STDIO' };
      channel.send({ kind: 'error', id, error: failure, exitCode: null });
      channel.send({ kind: 'close', id, code: null, signal: null, socket: false });
      return;
    }
    const child = launch(message, [socket, socket, 'pipe'], socket);
    socket.destroy();
    if (child && wanted.signal) child.kill(wanted.signal);
  });
}

channel.listen((message) => {
  if (message.kind === 'spawn') return start(message);
  const child = children.get(message.id);
  if (child === undefined) {
    const pending = waiting.get(message.id);
    if (pending && message.kind === 'kill') pending.signal = message.signal;
    return;
  }
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
