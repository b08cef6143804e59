import { spawn, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';

/** Where the spawner program runs: a helper process (the default) or a worker thread. */
export type SpawnerTransport = 'process' | 'thread';

/** What the spawner needs of the program's home, whichever it is. */
export interface SpawnerChannel {
  post(message: object): void;
  /** Holds the run open (a git runs) or lets it end (none does). */
  hold(held: boolean): void;
  /** Ends the program; it kills what it still runs. */
  stop(): Promise<void>;
  /** The helper process's pid (tests), undefined on a thread. */
  readonly pid: number | undefined;
}

export interface ChannelEvents {
  message(message: unknown): void;
  /** The program is gone or never started; called at most once. */
  gone(error: Error): void;
}

export interface ChannelOptions {
  transport: SpawnerTransport;
  source: string;
  /** The node that runs the helper process (tests give one that is missing). */
  execPath?: string;
}

export function openChannel(options: ChannelOptions, events: ChannelEvents): SpawnerChannel {
  return options.transport === 'thread'
    ? threadChannel(options.source, events)
    : processChannel(options.source, options.execPath ?? process.execPath, events);
}

function threadChannel(source: string, events: ChannelEvents): SpawnerChannel {
  const worker = new Worker(source, { eval: true, name: 'vmt-oversight git spawner' });
  worker.unref();
  worker.on('message', (message) => events.message(message));
  worker.on('error', (error) => events.gone(error));
  worker.on('exit', (code) => events.gone(new Error(`exit code ${code}`)));
  return {
    post: (message) => worker.postMessage(message),
    hold: (held) => (held ? worker.ref() : worker.unref()),
    stop: () => worker.terminate().then(() => undefined),
    pid: undefined,
  };
}

/**
 * A small node process of its own (~40 MB against this one's ~200 MB), so forking git costs
 * little and stalls nothing here. It gets no environment (node needs none, and nothing of ours,
 * like NODE_OPTIONS, should load into it): every git gets its own explicit, scrubbed one.
 */
function processChannel(source: string, execPath: string, events: ChannelEvents): SpawnerChannel {
  const child: ChildProcess = spawn(execPath, ['-e', source], {
    env: {},
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  let held = true;
  const hold = (wanted: boolean): void => {
    held = wanted;
    if (wanted) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };
  hold(false);
  child.on('message', (messages: unknown[]) => {
    for (const message of messages) events.message(message);
  });
  child.on('error', (error) => events.gone(error));
  child.on('exit', (code, signal) => events.gone(new Error(`exit ${signal ?? `code ${code}`}`)));
  child.on('disconnect', () => events.gone(new Error('its channel closed')));
  return {
    post: batched((messages) => {
      if (child.connected) child.send(messages, (error) => error && events.gone(error));
    }),
    hold: (wanted) => {
      if (wanted !== held) hold(wanted);
    },
    stop: () => {
      hold(true); // until it has exited, so that it is waited for
      return stopProcess(child);
    },
    get pid() {
      return child.pid;
    },
  };
}

/**
 * Each message is a write and a read on the channel: those of one task (a spawn and its first
 * input) go together, sent when the task ends, so nothing waits for a later turn of the loop.
 */
function batched(send: (messages: object[]) => void): (message: object) => void {
  let batch: object[] | null = null;
  const flush = (): void => {
    const messages = batch ?? [];
    batch = null;
    send(messages);
  };
  return (message) => {
    if (batch === null) {
      batch = [];
      queueMicrotask(flush);
    }
    batch.push(message);
  };
}

/** Lets go of the channel (the helper then exits, killing its gits), or kills it if it lingers. */
function stopProcess(child: ChildProcess): Promise<void> {
  const ended = child.exitCode !== null || child.signalCode !== null;
  if (ended || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill('SIGKILL');
  });
}
