/** The output side of a git process, as its readers use it. */
export interface GitOutput {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
}

/** The input side of a git process. */
export interface GitInput {
  write(text: string): unknown;
  end(text?: string): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * What this module uses of a running git process: a ChildProcess spawned here, or the stand-in
 * for one the spawner's helper process started (src/git/spawner.ts). Events come in a
 * ChildProcess's order: output, then `error` (git could not be started) or `exit`, then `close`.
 */
export interface GitChild {
  readonly stdin: GitInput;
  readonly stdout: GitOutput;
  readonly stderr: GitOutput;
  /** Null while it runs, and after it was ended by a signal. */
  readonly exitCode: number | null;
  kill(signal: NodeJS.Signals): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  on(
    event: 'close',
    listener: (code: number | null, signal: NodeJS.Signals | null) => void,
  ): unknown;
}
