// The program behind the binary (bin.ts): run from these modules, or from its bundle, which the
// build makes of this file and everything it imports (build/bundle.ts).
import { isBrokenPipe, outputError, processIO, type CliIO } from './io';
import { handleError, internalErrorMessage, run } from './main';
import { removeStdioDirectories } from '../git/spawner-socket';
import { removePendingReports } from './report-files';

const io = processIO();

// Until the run returns, the exit code says "error": a run that stops before its verdict (an
// event loop left with nothing to wait for) never exits 0.
process.exitCode = 2;
let finished = false;
process.on('exit', () => {
  removePendingReports();
  if (!finished) io.stderr.write('vmt-oversight: internal error: the run stopped before its end\n');
});
process.on('uncaughtException', (error) => {
  // A failure outside the awaited chain (a stray callback, an unhandled rejection): one line,
  // exit 2, no half-written report. The run's state is unknown, so it ends here.
  finished = true;
  removePendingReports();
  io.stderr.write(internalErrorMessage(error, io.env));
  // eslint-disable-next-line no-restricted-syntax
  process.exit(2);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removePendingReports();
    removeStdioDirectories(); // re-raised, the signal ends the run without 'exit' listeners
    process.kill(process.pid, signal);
  });
}

void run(process.argv.slice(2), io)
  .then(
    (code) => settleOutput(code, io),
    (error: unknown) => handleError(error, io),
  )
  .then((code) => {
    finished = true;
    process.exitCode = code;
  });

/**
 * The exit code once stdout and stderr have taken everything: a write error (ENOSPC on a full
 * disk, EIO) is exit 2 with a message; a closed pipe (`| head -1`) keeps the run's own code.
 */
async function settleOutput(code: number, cli: CliIO): Promise<number> {
  try {
    await cli.stdout.flush?.();
  } catch (error) {
    if (!isBrokenPipe(error) && code !== 2) return handleError(outputError(error), cli);
  }
  try {
    await cli.stderr.flush?.();
  } catch (error) {
    // Nowhere left to say it; the code still says it.
    if (!isBrokenPipe(error)) return 2;
  }
  return code;
}
