import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { GitChild } from './child';
import { GitError } from './errors';
import { ThreadChild, type Command, type Report } from './spawner-child';
import {
  openChannel,
  type ChannelOptions,
  type SpawnerChannel,
  type SpawnerTransport,
} from './spawner-channel';
import { SPAWNER_SOURCE } from './spawner-program';
import { openStdioServer, type StdioServer } from './spawner-socket';

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
 *
 * The bytes of git's stdin and stdout do not pass through it: this process listens on a Unix
 * socket of its own (src/git/spawner-socket.ts), the helper connects once per git with a secret
 * and the git's id and hands the connection to git as its fd 0 and 1, and the process's stand-in
 * here reads and writes it directly. The helper only starts, kills and reports (stderr, exit).
 * Where no socket can be made (Windows, a temp path too long), and on a thread, stdin and stdout
 * travel through the helper's channel instead.
 */
export interface Spawner {
  /** Starts `command args` with exactly `env`, its stdin and stdout readable and writable here. */
  spawn(command: string, args: readonly string[], env: Record<string, string>): GitChild;
  /** Ends the helper (the next spawn starts another). */
  stop(): Promise<void>;
  /** Where the processes so far were started, and how many the helper runs now (tests). */
  stats(): { away: number; here: number; running: number };
  /** The helper process's pid while there is one (tests). */
  helperPid(): number | undefined;
  /** The socket the gits' stdin and stdout connect to while there is one (tests). */
  socketPath(): string | undefined;
}

interface Request {
  command: string;
  args: readonly string[];
  env: Record<string, string>;
}

type Received = { kind: 'ready' } | Report;

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

/** The one spawner program (a helper process or a thread) and the processes it runs. */
class SpawnerHost {
  private readonly channel: SpawnerChannel;
  /** Where the gits' stdin and stdout meet this process; null: they travel through the helper. */
  private server: StdioServer | null;
  private ready = false;
  private ended = false;
  private readonly entries = new Map<number, Entry>();
  private nextId = 0;

  constructor(
    options: ChannelOptions,
    /** Told how many processes it had not started yet (they are started here instead). */
    private readonly onFailure: (adopted: number) => void,
    /** Where the socket's directory is made (the temp directory unless a test says). */
    socketRoot?: string,
  ) {
    this.channel = openChannel(options, {
      message: (message) => this.receive(message as Received),
      gone: (error) => this.failed(error),
    });
    this.server = options.transport === 'process' ? openStdioServer(socketRoot) : null;
  }

  get pid(): number | undefined {
    return this.channel.pid;
  }

  /** The socket the gits' stdin and stdout connect to, if there is one (tests). */
  get socketPath(): string | undefined {
    return this.server?.address.path;
  }

  spawn(request: Request): GitChild {
    const id = this.nextId++;
    const child = new ThreadChild(
      (command) => this.route(id, command),
      request.args,
      () => this.forget(id),
    );
    const entry: Entry = { id, child, request, queued: [] };
    this.entries.set(id, entry);
    if (this.entries.size === 1) this.channel.hold(true);
    if (this.ready) this.post(entry);
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
    this.closeServer();
    return this.channel.stop();
  }

  private route(id: number, command: Command): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return; // closed: as on a ChildProcess, nothing more happens
    if (entry.local) apply(entry.local, command);
    else if (!this.ready) entry.queued.push(command);
    else if (!entry.child.socketed) this.channel.post({ ...command, id });
    else {
      if (command.kind === 'kill') this.channel.post({ ...command, id });
      entry.child.feed(command);
    }
  }

  /** Asks the helper to start it, on a connection of its own to this process if there is one. */
  private post(entry: Entry): void {
    const { id, child, request } = entry;
    const server = this.server;
    if (server === null) {
      this.channel.post({ kind: 'spawn', id, ...request });
      for (const command of entry.queued.splice(0)) this.channel.post({ ...command, id });
      return;
    }
    child.awaitSocket();
    server.expect(id, (socket, rest) => child.attach(socket, rest));
    this.channel.post({ kind: 'spawn', id, ...request, stdio: server.address });
    for (const command of entry.queued.splice(0)) this.route(id, command);
  }

  private receive(message: Received): void {
    if (message.kind === 'ready') return this.started();
    this.entries.get(message.id)?.child.receive(message);
  }

  private started(): void {
    this.ready = true;
    for (const entry of this.entries.values()) this.post(entry);
  }

  private forget(id: number): void {
    this.server?.cancel(id);
    if (!this.entries.delete(id)) return;
    if (this.entries.size === 0) this.channel.hold(false);
  }

  private closeServer(): void {
    this.server?.close();
    this.server = null;
  }

  /** The program is gone: what it never started starts here; what it ran has failed. */
  private failed(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.closeServer();
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
      // A GitError, as when git itself fails: the evidence is unavailable, not a bug of this tool.
      const error = new GitError(entry.request.args, `the git spawner stopped: ${reason}`, null);
      entry.child.abandon(error);
      this.forget(entry.id);
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
  /** Where the gits' socket gets its directory (the tests give one too long for a socket). */
  socketRoot?: string;
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
        const failed = (adopted: number): void => {
          unavailable = true;
          host = null;
          counts.away -= adopted;
          counts.here += adopted;
        };
        host = new SpawnerHost(channel, failed, options.socketRoot);
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
    socketPath: () => host?.socketPath,
  };
}

/** The run's spawner. */
export const gitSpawner: Spawner = createSpawner();
