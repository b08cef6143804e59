/** What the CLI touches of its process, passed in so tests can run it in-process. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Today as YYYY-MM-DD (UTC); injectable for reproducible runs. */
  today(): string;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColor(stream: CliIO['stdout'], env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}
