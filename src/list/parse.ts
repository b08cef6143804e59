import type { ReadResult } from './candidates';
import { detectFormat } from './detect';
import { finishEntries } from './entries';
import { readGovernance } from './governance';
import type { ListFormat, OversightList } from './model';
import { readNative } from './native';
import { finishProblems } from './problems';
import { contentDigest } from './readable';
import { readRst } from './rst';
import { controlCharacterProblems, decodeList } from './text';
import { loadYaml } from './yaml-load';

/**
 * Parses an oversight list in any of its three formats. `file` is the repository-relative path
 * used in locations. Never throws for bad input: every problem is a `ListProblem`, and a file
 * that cannot be read safely yields no entries.
 */
export function parseList(file: string, content: Buffer | string): OversightList {
  const digest = contentDigest(content);
  const decoded = decodeList(content);
  if (!decoded.ok) {
    const format = detectFormat(file, '');
    return { path: file, format, entries: [], duplicates: [], problems: [decoded.problem], digest };
  }
  const { text } = decoded;
  const format = detectFormat(file, text);
  const read = readFormat(format, text);
  const finished = finishEntries(file, read.candidates);
  const problems = [...controlCharacterProblems(text), ...read.problems, ...finished.problems];
  return {
    path: file,
    format,
    entries: finished.entries,
    duplicates: finished.duplicates,
    problems: finishProblems(problems),
    ...(read.allOfficial ? { allOfficial: read.allOfficial } : {}),
    digest,
  };
}

function readFormat(format: ListFormat, text: string): ReadResult {
  if (format === 'rst') return readRst(text);
  const loaded = loadYaml(text);
  if (!loaded.ok) return { candidates: [], problems: loaded.problems };
  return format === 'native' ? readNative(loaded.yaml) : readGovernance(loaded.yaml);
}
