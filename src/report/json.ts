import type { Report } from '../findings/report';
import type { ChunkedReporter, Reporter } from './reporters';

/**
 * The JSON report of DESIGN.md (schemas/report.schema.json), in pieces: the same bytes as
 * `JSON.stringify(report, null, 2)`, one finding at a time, so that a report of thousands of
 * findings is never one string in memory. Each value is stringified on its own and indented to
 * its depth; JSON escapes newlines inside strings, so every newline of a piece is its layout.
 */
export function* jsonChunks(report: Report): Generator<string> {
  let separator = '{\n';
  for (const [key, value] of Object.entries(report)) {
    if (JSON.stringify(value) === undefined) continue;
    yield `${separator}  ${JSON.stringify(key)}: `;
    separator = ',\n';
    if (key === 'findings' && Array.isArray(value) && value.length > 0) {
      yield* arrayChunks(value as unknown[]);
    } else {
      yield indented(value, '  ');
    }
  }
  yield '\n}\n';
}

function* arrayChunks(values: readonly unknown[]): Generator<string> {
  let separator = '[\n';
  for (const value of values) {
    yield `${separator}    ${indented(value, '    ')}`;
    separator = ',\n';
  }
  yield '\n  ]';
}

/** `value` as `JSON.stringify(value, null, 2)` writes it at a depth of `indent`. */
function indented(value: unknown, indent: string): string {
  // In an array, what JSON cannot write (undefined, a function) is written null, as stringify does.
  const text = (JSON.stringify(value, null, 2) as string | undefined) ?? 'null';
  return text.replace(/\n/g, `\n${indent}`);
}

export const jsonChunkedReporter: ChunkedReporter = (report) => jsonChunks(report);

export const jsonReporter: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
