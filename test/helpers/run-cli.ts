import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as a terminal-less CI would. */
export async function runCli(
  args: string[],
  options: { cwd?: string; tty?: boolean; today?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    // `tty`: both streams are terminals (colours on stdout, progress bars on stderr).
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    // Nothing remote in the tests: the network sources are off as `--offline` makes them.
    // A test that runs a local service sets `env` (e.g. VMT_OVERSIGHT_OFFLINE: '0' and its URL).
    env: {
      ...(options.tty ? {} : { NO_COLOR: '1' }),
      VMT_OVERSIGHT_OFFLINE: '1',
      ...options.env,
    },
    cwd: options.cwd ?? process.cwd(),
    today: () => options.today ?? '2026-06-01',
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}
