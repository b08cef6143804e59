import { join } from 'node:path';
import type { SourceId } from '../evidence/types';
import { FileRefusedError, readRegularFile } from '../util/regular-file';
import { Unavailable } from './unavailable';

/**
 * Reads files of a data directory that is plain files, not a git repository. Only regular
 * files (or symlinks to them) under the size cap are read: a FIFO, a socket or a device where a
 * data file should be makes the evidence unavailable instead of hanging or reading forever.
 */
export async function readPlainFiles(
  source: SourceId,
  root: string,
  paths: readonly string[],
): Promise<Map<string, string | null>> {
  const contents = await Promise.all(paths.map((path) => readPlainFile(source, root, path)));
  return new Map(paths.map((path, index) => [path, contents[index] ?? null]));
}

async function readPlainFile(source: SourceId, root: string, path: string) {
  try {
    return (await readRegularFile(join(root, path)))?.toString('utf8') ?? null;
  } catch (error) {
    // A directory where a file is expected reads as a missing file, as it always has.
    if (error instanceof FileRefusedError && error.kind === 'directory') return null;
    if (error instanceof FileRefusedError) {
      throw new Unavailable(source, `${source} data: ${error.message}`);
    }
    throw error;
  }
}
