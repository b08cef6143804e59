import type { DataDir } from '../data-dir';
import { Unavailable } from '../unavailable';
import { YamlShapeError } from './document';

/**
 * Runs a reader over a data directory's parsed files: data not of the shape the reader knows
 * makes the source's evidence unavailable, naming the data read (its commit) and where the
 * shape went wrong. Any other error passes through as it is.
 */
export function readShaped<T>(data: Pick<DataDir, 'source' | 'label'>, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof YamlShapeError) {
      throw new Unavailable(data.source, `${data.label}: ${error.message}`);
    }
    throw error;
  }
}
