import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import type { GitChild, GitInput } from './child';
import { GitError } from './errors';

export type Command =
  | { kind: 'write'; text: string }
  | { kind: 'end'; text: string | undefined }
  | { kind: 'kill'; signal: NodeJS.Signals };

export interface ErrorFields {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** What the helper says of a process (its output, when it has no socket, too). */
export type Report =
  | { kind: 'stdout' | 'stderr'; id: number; data: ArrayBuffer | Uint8Array }
  | { kind: 'error'; id: number; error: ErrorFields; exitCode: number | null }
  | { kind: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null }
  | {
      kind: 'close';
      id: number;
      code: number | null;
      signal: NodeJS.Signals | null;
      /** False when no connection for it will come (it could not reach the run's socket). */
      socket?: boolean;
    };

/** The code of the helper's error when it could not connect a git to the run. */
const STDIO_FAILED = 'EVMT_STDIO';

/** How long a process that has closed may wait for a connection the helper said it made. */
const LATE_SOCKET_MS = 5000;

/**
 * A process the helper runs, as seen here: the events of a ChildProcess. Its stdin and stdout
 * are either messages through the helper, or (`viaSocket`) a connection of its own to this
 * process, which the helper made and git holds as its fd 0 and 1: then 'error', 'exit' and
 * 'close' wait until that connection has ended, so that all of the output comes first, as a
 * ChildProcess's does.
 */
export class ThreadChild extends EventEmitter implements GitChild {
  readonly stdout = new EventEmitter();
  readonly stderr = new EventEmitter();
  readonly stdin: GitInput;
  exitCode: number | null = null;

  private viaSocket = false;
  private socket: Socket | null = null;
  /** The connection has ended (or will never come): nothing more is read from it. */
  private outputDone = true;
  private cutOff = false;
  private closed = false;
  private readonly input: Command[] = [];
  private readonly deferred: (() => void)[] = [];
  private closeArgs: [number | null, NodeJS.Signals | null] | null = null;
  private lateTimer: NodeJS.Timeout | null = null;
  private cutShortBy: NodeJS.ErrnoException | null = null;

  constructor(
    private readonly send: (command: Command) => void,
    private readonly args: readonly string[],
    /** Called once it has closed (the run stops awaiting its connection). */
    private readonly onClosed: () => void,
  ) {
    super();
    const stdin: GitInput = {
      write: (text) => send({ kind: 'write', text }),
      end: (text) => send({ kind: 'end', text }),
      // A broken pipe is ignored, as a session ignores it on a ChildProcess.
      on: () => stdin,
    };
    this.stdin = stdin;
  }

  kill(signal: NodeJS.Signals): boolean {
    this.send({ kind: 'kill', signal });
    return true;
  }

  /** From now on its stdin and stdout are a connection that is to come. */
  awaitSocket(): void {
    this.viaSocket = true;
    this.outputDone = false;
  }

  get socketed(): boolean {
    return this.viaSocket;
  }

  /** Input for the connection: written once it is there, dropped once it is gone. */
  feed(command: Command): void {
    if (command.kind === 'kill') {
      // What it still writes is dropped; the connection is destroyed once it is dead, not
      // before, so that it dies of the signal and not of a broken pipe.
      this.cutOff = true;
      return;
    }
    if (this.outputDone || this.closed) return;
    if (this.socket === null) this.input.push(command);
    else writeTo(this.socket, command);
  }

  /** The connection the helper made for it (`rest`: what came after its header). */
  attach(socket: Socket, rest: Buffer): void {
    this.socket = socket;
    const done = (): void => this.outputEnded();
    socket.on('data', (chunk: Buffer) => {
      if (!this.cutOff) this.stdout.emit('data', chunk);
    });
    // stdin and stdout are one connection: a failed write (git exited before reading it all)
    // destroys it, and what git wrote but this thread had not read yet is gone with it. With
    // pipes a broken stdin left stdout whole; here the output may be cut short, so it fails.
    socket.on('error', (error: NodeJS.ErrnoException) => this.cutShort(error));
    socket.on('end', done);
    socket.on('close', done);
    if (this.closed) {
      socket.destroy();
      return;
    }
    if (this.cutOff) return;
    if (rest.length > 0) this.stdout.emit('data', rest);
    for (const command of this.input.splice(0)) writeTo(socket, command);
  }

  /** A report of the helper's about it. */
  receive(report: Report): void {
    if (this.closed) return;
    switch (report.kind) {
      case 'stdout':
      case 'stderr':
        this[report.kind].emit('data', asBuffer(report.data));
        return;
      case 'error':
        this.exitCode = report.exitCode;
        return this.defer(() => this.emit('error', this.toError(report.error)));
      case 'exit':
        this.exitCode = report.code;
        if (this.cutOff) this.dropSocket();
        return this.defer(() => this.emit('exit', report.code, report.signal));
      case 'close':
        this.closeArgs = [report.code, report.signal];
        if (report.socket === false) this.outputDone = true;
        else if (!this.outputDone && this.socket === null) this.awaitLateSocket();
        this.settle();
    }
  }

  /** The helper is gone: it fails now, with what it still waited for. */
  abandon(error: Error): void {
    if (this.closed) return;
    this.outputDone = true;
    this.deferred.length = 0;
    this.emit('error', error);
    this.closeArgs = [null, null];
    this.settle();
  }

  /** Its connection to the run could not be made: unavailable, as when git fails. */
  private toError(fields: ErrorFields): Error {
    if (fields.code !== STDIO_FAILED) return toError(fields);
    return new GitError(this.args, fields.message, null);
  }

  private defer(event: () => void): void {
    this.deferred.push(event);
    this.settle();
  }

  /** Killed and dead: whatever still holds its connection (a process git started) is cut off. */
  private dropSocket(): void {
    this.socket?.destroy();
    this.outputDone = true;
  }

  /** Its connection failed before its end: if git still exits 0, that output is not whole. */
  private cutShort(error: NodeJS.ErrnoException): void {
    if (!this.outputDone && !this.cutOff) this.cutShortBy = error;
    this.outputEnded();
  }

  private outputEnded(): void {
    if (this.outputDone) return;
    this.outputDone = true;
    this.settle();
  }

  private awaitLateSocket(): void {
    const expire = (): void => {
      if (this.outputDone) return;
      const reason = 'its output never reached the run';
      this.deferred.push(() => this.emit('error', new GitError(this.args, reason, null)));
      this.outputEnded();
    };
    // On expiry the loop first gets a few turns of I/O: after a long busy stretch of this thread
    // the connection may be waiting to be accepted and read.
    this.lateTimer = setTimeout(() => (this.lateTimer = setTimeout(expire, 100)), LATE_SOCKET_MS);
  }

  private settle(): void {
    if (!this.outputDone || this.closed) return;
    for (const event of this.deferred.splice(0)) event();
    if (this.closeArgs === null) return;
    this.closed = true;
    if (this.lateTimer) clearTimeout(this.lateTimer);
    this.socket?.destroy();
    this.onClosed();
    // A git that failed says why itself; one that succeeded with output cut short fails here.
    if (this.cutShortBy && this.closeArgs[0] === 0) {
      const reason = `its output was cut short (${this.cutShortBy.code ?? this.cutShortBy.message})`;
      this.emit('error', new GitError(this.args, reason, null));
    }
    this.emit('close', ...this.closeArgs);
  }
}

function writeTo(socket: Socket, command: Command): void {
  if (socket.destroyed) return;
  if (command.kind === 'write') socket.write(command.text);
  else if (command.kind === 'end' && command.text !== undefined) socket.end(command.text);
  else if (command.kind === 'end') socket.end();
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
