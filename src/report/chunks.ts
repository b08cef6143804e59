import { reporters, chunkedReporters } from './index';
import type { Report } from '../findings/report';
import type { ReportFormat, ReporterContext } from './reporters';

/** About what one write takes: large enough that a report of thousands of findings makes few. */
const BATCH_CHARS = 64 * 1024;

/**
 * The report in `format` as pieces of about {@link BATCH_CHARS} characters, rendered as they
 * are taken: a format that renders in pieces is never one string in memory; the others are
 * rendered whole and handed out as one piece. Null when the format has no reporter.
 */
export function reportChunks(
  format: ReportFormat,
  report: Report,
  context: ReporterContext,
): Iterable<string> | null {
  const chunked = chunkedReporters[format];
  if (chunked) return batched(chunked(report, context), BATCH_CHARS);
  const reporter = reporters[format];
  return reporter ? [reporter(report, context)] : null;
}

/** The pieces joined into runs of at least `size` characters (the last one may be shorter). */
export function* batched(pieces: Iterable<string>, size: number): Generator<string> {
  let run: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    run.push(piece);
    length += piece.length;
    if (length >= size) {
      yield run.join('');
      run = [];
      length = 0;
    }
  }
  if (length > 0) yield run.join('');
}
