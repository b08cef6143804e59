import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { GitChild, GitInput } from './child';
import { GitError } from './errors';
import {
  openChannel,
  type ChannelOptions,
  type SpawnerChannel,
  type SpawnerTransport,
} from './spawner-channel';
import { SPAWNER_SOURCE } from './spawner-program';

export type { SpawnerTransport } from './spawner-channel';

/**
 * Starting a process forks the whole of this one, synchronously, for a cost that grows with its
 * memory (1–4 ms each, a ~200 MB process), and while the kernel copies its page tables every
 * thread of this process that touches memory waits; an audit starts one git per repository. So
 * git is started by a small helper process instead (src/git/spawner-program.ts), one for the
 * whole run, started with the first git, holding the run open only while a git it started runs,
 * and ending when this process does. It is told exactly what to run and with which environment;
 * the limits, timeouts and caps stay here. If it cannot start, processes are started here
 * instead, as before; if it dies later, what it ran fails.
 */
export interface Spawner {
  /** Starts `command args` with exactly `env` and three pipes. */
  spawn(command: string, args: readonly string[], env: Record<string, string>): GitChild;
  /** Ends the helper (the next spawn starts another). */
  stop(): Promise<void>;
  /** Where the processes so far were started, and how many the helper runs now (tests). */
  stats(): { away: number; here: number; running: number };
  /** The helper process's pid while there is one (tests). */
  helperPid(): number | undefined;
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
  | { kind: 'stdout' | 'stderr'; id: number; data: ArrayBuffer | Uint8Array }
  | { kind: 'error'; id: number; error: ErrorFields; exitCode: number | null }
  | { kind: 'exit' | 'close'; id: number; code: number | null; signal: NodeJS.Signals | null };

interface ErrorFields {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** A process the helper runs, as seen here: the events of a ChildProcess. */
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
      // A broken pipe is ignored in the helper, as a session ignores it on a ChildProcess.
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
  /** Commands given before the helper was ready. */
  queued: Command[];
  /** Set when the helper failed to start and the process was started here instead. */
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

/** A moved ArrayBuffer (thread) or a deserialized Uint8Array (process), wrapped, not copied. */
function asBuffer(data: ArrayBuffer | Uint8Array): Buffer {
  return data instanceof Uint8Array
    ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    : Buffer.from(data);
}

function toError(fields: ErrorFields): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(fields.message);
  if (fields.code !== undefined) error.code = fields.code;
  if (fields.errno !== undefined) error.errno = fields.errno;
  if (fields.syscall !== undefined) error.syscall = fields.syscall;
  if (fields.path !== undefined) error.path = fields.path;
  return error;
}

/** The one spawner program (a helper process or a thread) and the processes it runs. */
class SpawnerHost {
  private readonly channel: SpawnerChannel;
  private ready = false;
  private ended = false;
  private readonly entries = new Map<number, Entry>();
  private nextId = 0;

  constructor(
    options: ChannelOptions,
    /** Told how many processes it had not started yet (they are started here instead). */
    private readonly onFailure: (adopted: number) => void,
  ) {
    this.channel = openChannel(options, {
      message: (message) => this.receive(message as Received),
      gone: (error) => this.failed(error),
    });
  }

  get pid(): number | undefined {
    return this.channel.pid;
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
    if (this.entries.size === 1) this.channel.hold(true);
    if (this.ready) this.channel.post({ kind: 'spawn', id, ...request });
    return entry.child;
  }

  /** Processes it started (or will start) that have not closed. */
  running(): number {
    return this.entries.size;
  }

  /** Ends the program; a process still running fails, as if the program had stopped. */
  stop(): Promise<void> {
    this.ended = true;
    this.abandon('stopped');
    return this.channel.stop();
  }

  private route(id: number, command: Command): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return; // closed: as on a ChildProcess, nothing more happens
    if (entry.local) apply(entry.local, command);
    else if (!this.ready) entry.queued.push(command);
    else this.channel.post({ ...command, id });
  }

  private receive(message: Received): void {
    if (message.kind === 'ready') return this.started();
    const entry = this.entries.get(message.id);
    if (entry === undefined) return;
    const child = entry.child;
    switch (message.kind) {
      case 'stdout':
      case 'stderr':
        child[message.kind].emit('data', asBuffer(message.data));
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
      this.channel.post({ kind: 'spawn', id, ...entry.request });
      for (const command of entry.queued.splice(0)) this.channel.post({ ...command, id });
    }
  }

  private forget(id: number): void {
    this.entries.delete(id);
    if (this.entries.size === 0) this.channel.hold(false);
  }

  /** The program is gone: what it never started starts here; what it ran has failed. */
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
    void this.channel.stop();
  }

  private abandon(reason: string): void {
    for (const entry of [...this.entries.values()]) {
      this.forget(entry.id);
      // A GitError, as when git itself fails: the evidence is unavailable, not a bug of this tool.
      const error = new GitError(entry.request.args, `the git spawner stopped: ${reason}`, null);
      entry.child.emit('error', error);
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

export interface SpawnerOptions {
  /** Where the program runs; 'process' unless a test or a comparison asks for the thread. */
  transport?: SpawnerTransport;
  /** The program (the tests give one that fails). */
  source?: string;
  /** The node for the helper process (the tests give one that is missing). */
  execPath?: string;
}

/** A spawner running its program in a helper process or a thread. */
export function createSpawner(options: SpawnerOptions = {}): Spawner {
  const channel: ChannelOptions = {
    transport: options.transport ?? 'process',
    source: options.source ?? SPAWNER_SOURCE,
    ...(options.execPath === undefined ? {} : { execPath: options.execPath }),
  };
  let host: SpawnerHost | null = null;
  let unavailable = false;
  const counts = { away: 0, here: 0 };
  const stop = async (): Promise<void> => {
    process.removeListener('beforeExit', stopAtExit);
    const running = host;
    host = null;
    await running?.stop();
  };
  // When the run has nothing left to do, the helper is let go and waited for, so it ends before
  // this process does (and its CPU time, and its gits', counts as this process's children's).
  const stopAtExit = (): void => {
    if (host?.running() === 0) void stop();
  };
  const current = (): SpawnerHost | null => {
    if (host === null && !unavailable) {
      try {
        host = new SpawnerHost(channel, (adopted) => {
          unavailable = true;
          host = null;
          counts.away -= adopted;
          counts.here += adopted;
        });
        process.once('beforeExit', stopAtExit);
      } catch {
        unavailable = true;
      }
    }
    return host;
  };
  return {
    spawn(command, args, env) {
      const request = { command, args: [...args], env: { ...env } };
      const running = current();
      if (running === null) {
        counts.here += 1;
        return spawnHere(request);
      }
      counts.away += 1;
      return running.spawn(request);
    },
    stop,
    stats: () => ({ ...counts, running: host?.running() ?? 0 }),
    helperPid: () => host?.pid,
  };
}

/** The run's spawner. */
export const gitSpawner: Spawner = createSpawner();
