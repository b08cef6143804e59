import { UsageError } from '../errors';

/** A stream the CLI writes text to. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /**
   * Resolves once everything written has reached the operating system, and rejects with the
   * first write error (ENOSPC, EIO, EPIPE...). Absent when writes cannot fail (tests).
   */
  flush?(): Promise<void>;
}

/** What the CLI touches of its process, passed in so tests can run it in-process. */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Today as YYYY-MM-DD (UTC); injectable for reproducible runs. */
  today(): string;
}

export function processIO(): CliIO {
  return {
    stdout: guarded(process.stdout),
    // The stream itself (the progress bar draws on it), with its errors kept rather than thrown.
    stderr: Object.assign(process.stderr, { flush: flusher(process.stderr) }),
    env: process.env,
    cwd: process.cwd(),
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/**
 * A process stream whose write errors are kept for {@link OutputStream.flush} instead of
 * crashing the process with an unhandled 'error' event; nothing more is written after one.
 */
function guarded(stream: NodeJS.WriteStream): OutputStream {
  return {
    isTTY: stream.isTTY,
    write: (text: string) => !broken(stream) && stream.write(text),
    flush: flusher(stream),
  };
}

function broken(stream: NodeJS.WriteStream): boolean {
  return stream.destroyed || stream.errored !== null;
}

/** Keeps the first error of `stream`; the flush waits for pending writes and rejects with it. */
function flusher(stream: NodeJS.WriteStream): () => Promise<void> {
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  return () =>
    new Promise<void>((resolve, reject) => {
      const settle = () => {
        // `errored` holds the write's own error (ENOSPC) before the 'error' event is emitted.
        const error = failure ?? stream.errored ?? undefined;
        if (error) reject(error);
        else resolve();
      };
      // Nothing queued: every write has reached the OS (files and pipes are written at once).
      if (broken(stream) || stream.writableLength === 0) settle();
      else stream.write('', (error) => ((failure ??= error ?? undefined), settle()));
    });
}

/** The errno code of a write error, e.g. `EPIPE`. */
function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A closed pipe: the reader has what it wanted (`check | head -1`); not an error of ours. */
export function isBrokenPipe(error: unknown): boolean {
  return errorCode(error) === 'EPIPE';
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColor(stream: CliIO['stdout'], env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

/** A failed write to stdout, as the message the user sees (exit 2). */
export function outputError(error: unknown): UsageError {
  const reason = error instanceof Error ? error.message : String(error);
  return new UsageError(`cannot write to standard output: ${reason}`);
}
