import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { GitChild, GitInput } from './child';
import { SPAWNER_THREAD_SOURCE } from './spawner-thread';

/**
 * Starting a process forks the whole of this one, synchronously, for a cost that grows with its
 * memory (1–4 ms each); an audit starts one git per repository. The spawner does that on a
 * thread of its own, so the main thread keeps judging: one worker thread for the whole run,
 * started with the first process, holding the run open only while a process it started runs.
 * If the thread cannot start, processes are started here instead, as before.
 */
export interface Spawner {
  /** Starts `command args` with exactly `env` and three pipes. */
  spawn(command: string, args: readonly string[], env: Record<string, string>): GitChild;
  /** Ends the thread (the next spawn starts another). */
  stop(): Promise<void>;
  /** Where the processes so far were started, and how many the thread runs now (tests, bench). */
  stats(): { inThread: number; here: number; running: number };
}

type Command =
  | { kind: 'write'; text: string }
  | { kind: 'end'; text: string | undefined }
  | { kind: 'kill'; signal: NodeJS.Signals };

interface Request {
  command: string;
  args: readonly string[];
  env: Record<string, string>;
}

type Received =
  | { kind: 'ready' }
  | { kind: 'stdout' | 'stderr'; id: number; data: ArrayBuffer }
  | { kind: 'error'; id: number; error: ErrorFields; exitCode: number | null }
  | { kind: 'exit' | 'close'; id: number; code: number | null; signal: NodeJS.Signals | null };

interface ErrorFields {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** A process the thread runs, as the main thread sees it: the events of a ChildProcess. */
class ThreadChild extends EventEmitter implements GitChild {
  readonly stdout = new EventEmitter();
  readonly stderr = new EventEmitter();
  readonly stdin: GitInput;
  exitCode: number | null = null;

  constructor(private readonly send: (command: Command) => void) {
    super();
    const stdin: GitInput = {
      write: (text) => send({ kind: 'write', text }),
      end: (text) => send({ kind: 'end', text }),
      // A broken pipe is ignored in the thread, as a session ignores it on a ChildProcess.
      on: () => stdin,
    };
    this.stdin = stdin;
  }

  kill(signal: NodeJS.Signals): boolean {
    this.send({ kind: 'kill', signal });
    return true;
  }
}

interface Entry {
  id: number;
  child: ThreadChild;
  request: Request;
  /** Commands given before the thread was ready. */
  queued: Command[];
  /** Set when the thread failed to start and the process was started here instead. */
  local?: ChildProcessWithoutNullStreams;
}

function spawnHere(request: Request): ChildProcessWithoutNullStreams {
  return spawn(request.command, [...request.args], {
    env: request.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function apply(child: ChildProcessWithoutNullStreams, command: Command): void {
  if (command.kind === 'write') child.stdin.write(command.text);
  else if (command.kind === 'end') child.stdin.end(command.text);
  else child.kill(command.signal);
}

function toError(fields: ErrorFields): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(fields.message);
  if (fields.code !== undefined) error.code = fields.code;
  if (fields.errno !== undefined) error.errno = fields.errno;
  if (fields.syscall !== undefined) error.syscall = fields.syscall;
  if (fields.path !== undefined) error.path = fields.path;
  return error;
}

/** The one thread and the processes it runs. */
class SpawnerThread {
  private readonly worker: Worker;
  private ready = false;
  private ended = false;
  private readonly entries = new Map<number, Entry>();
  private nextId = 0;

  constructor(
    source: string,
    /** Told how many processes it had not started yet (they are started here instead). */
    private readonly onFailure: (adopted: number) => void,
  ) {
    this.worker = new Worker(source, { eval: true, name: 'vmt-oversight git spawner' });
    this.worker.unref();
    this.worker.on('message', (message: Received) => this.receive(message));
    this.worker.on('error', (error) => this.failed(error));
    this.worker.on('exit', (code) => this.failed(new Error(`exit code ${code}`)));
  }

  spawn(request: Request): GitChild {
    const id = this.nextId++;
    const entry: Entry = {
      id,
      child: new ThreadChild((command) => this.route(id, command)),
      request,
      queued: [],
    };
    this.entries.set(id, entry);
    if (this.entries.size === 1) this.worker.ref();
    if (this.ready) this.worker.postMessage({ kind: 'spawn', id, ...request });
    return entry.child;
  }

  /** Processes it started (or will start) that have not closed. */
  running(): number {
    return this.entries.size;
  }

  /** Ends the thread; a process still running fails, as if the thread had stopped. */
  stop(): Promise<void> {
    this.ended = true;
    this.abandon('stopped');
    return this.worker.terminate().then(() => undefined);
  }

  private route(id: number, command: Command): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return; // closed: as on a ChildProcess, nothing more happens
    if (entry.local) apply(entry.local, command);
    else if (!this.ready) entry.queued.push(command);
    else this.worker.postMessage({ ...command, id });
  }

  private receive(message: Received): void {
    if (message.kind === 'ready') return this.started();
    const entry = this.entries.get(message.id);
    if (entry === undefined) return;
    const child = entry.child;
    switch (message.kind) {
      case 'stdout':
      case 'stderr':
        child[message.kind].emit('data', Buffer.from(message.data));
        return;
      case 'error':
        child.exitCode = message.exitCode;
        child.emit('error', toError(message.error));
        return;
      case 'exit':
        child.exitCode = message.code;
        child.emit('exit', message.code, message.signal);
        return;
      case 'close':
        this.forget(message.id);
        child.emit('close', message.code, message.signal);
    }
  }

  private started(): void {
    this.ready = true;
    for (const [id, entry] of this.entries) {
      this.worker.postMessage({ kind: 'spawn', id, ...entry.request });
      for (const command of entry.queued.splice(0)) this.worker.postMessage({ ...command, id });
    }
  }

  private forget(id: number): void {
    this.entries.delete(id);
    if (this.entries.size === 0) this.worker.unref();
  }

  /** The thread is gone: what it never started starts here; what it ran has failed. */
  private failed(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    if (this.ready) {
      this.onFailure(0);
      this.abandon(error.message);
      return;
    }
    this.onFailure(this.entries.size);
    for (const entry of this.entries.values()) this.adopt(entry);
    void this.worker.terminate();
  }

  private abandon(reason: string): void {
    for (const entry of [...this.entries.values()]) {
      this.forget(entry.id);
      entry.child.emit('error', new Error(`the git spawner thread stopped: ${reason}`));
      entry.child.emit('close', null, null);
    }
  }

  /** Starts an entry's process here and passes its events on, with what was queued for it. */
  private adopt(entry: Entry): void {
    const local = spawnHere(entry.request);
    const child = entry.child;
    entry.local = local;
    local.stdout.on('data', (chunk: Buffer) => child.stdout.emit('data', chunk));
    local.stderr.on('data', (chunk: Buffer) => child.stderr.emit('data', chunk));
    local.stdin.on('error', () => undefined);
    local.on('error', (error) => {
      child.exitCode = local.exitCode;
      child.emit('error', error);
    });
    local.on('exit', (code, signal) => {
      child.exitCode = code;
      child.emit('exit', code, signal);
    });
    local.on('close', (code, signal) => {
      child.exitCode = local.exitCode;
      this.entries.delete(entry.id);
      child.emit('close', code, signal);
    });
    for (const command of entry.queued.splice(0)) apply(local, command);
  }
}

/** A spawner running `source` in its thread (the tests give it one that fails). */
export function createSpawner(source: string = SPAWNER_THREAD_SOURCE): Spawner {
  let thread: SpawnerThread | null = null;
  let unavailable = false;
  const counts = { inThread: 0, here: 0 };
  const current = (): SpawnerThread | null => {
    if (thread === null && !unavailable) {
      try {
        thread = new SpawnerThread(source, (adopted) => {
          unavailable = true;
          thread = null;
          counts.inThread -= adopted;
          counts.here += adopted;
        });
      } catch {
        unavailable = true;
      }
    }
    return thread;
  };
  return {
    spawn(command, args, env) {
      const request = { command, args: [...args], env: { ...env } };
      const running = current();
      if (running === null) {
        counts.here += 1;
        return spawnHere(request);
      }
      counts.inThread += 1;
      return running.spawn(request);
    },
    async stop() {
      const running = thread;
      thread = null;
      await running?.stop();
    },
    stats: () => ({ ...counts, running: thread?.running() ?? 0 }),
  };
}

/** The run's spawner. */
export const gitSpawner: Spawner = createSpawner();
