import { YamlShapeError } from '../yaml/document';
import { readDeliverableFile, type DeliverableFileAt } from './deliverable-file';
import { parseBounded } from './nesting';

/**
 * One deliverable file to parse, as its text: what crosses to the parsing thread. Imports here
 * stay light (the yaml reader only), since the parsing thread loads this module.
 */
export interface DeliverableText {
  path: string;
  text: string;
  series: string;
  repository: string;
}

/** A line number (absent for the file as a whole) where the evidence has a DataRef. */
export type LineAt = number | undefined;

/**
 * What parsing one file gave, as plain data that can cross threads: the file's facts with line
 * numbers, null when it does not mention the repository, the shape error's message (`shape`:
 * data this reader does not know), or an error that is a bug (`failure`: its name and message).
 */
export type ParseOutcome =
  | { file: DeliverableFileAt<LineAt> | null }
  | { shape: string }
  | { failure: { name: string; message: string } };

/** Parses and shapes one file; never throws. The same code on either thread. */
export function parseDeliverableText(request: DeliverableText): ParseOutcome {
  const { path, text, series, repository } = request;
  try {
    const doc = parseBounded(path, text);
    return { file: readDeliverableFile(doc, series, repository, { ref: (_file, line) => line }) };
  } catch (error) {
    if (error instanceof YamlShapeError) return { shape: error.message };
    const failure = error instanceof Error ? error : new Error(String(error));
    return { failure: { name: failure.name, message: failure.message } };
  }
}
