import { SingleBar } from 'cli-progress';
import type { ProgressEvents } from '../engine/types';
import type { CliIO } from './io';

/** A progress bar on stderr while repositories are judged, only on a terminal. */
export function progressBar(io: CliIO): ProgressEvents & { stop(): void } {
  if (!io.stderr.isTTY) return { stop: () => undefined };
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: 'judging {bar} {value}/{total} repositories {repository}',
    clearOnComplete: true,
    hideCursor: true,
  });
  let started = false;
  return {
    onStart(total) {
      if (total < 2) return;
      started = true;
      bar.start(total, 0, { repository: '' });
    },
    onRepositoryDone(repository) {
      if (started) bar.increment({ repository });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
