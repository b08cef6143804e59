import { ConfigurationError } from '../errors';
import { FileRefusedError, readRegularFileSync } from '../util/regular-file';

/** A configuration file is a few hundred bytes; anything near this is not one. */
const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * The text of a configuration file on disk, or null when there is none. A FIFO, a socket, a
 * device (or a symlink to one) or an oversized file is a configuration error (exit 2), never a
 * hang or an endless read.
 */
export function readConfigText(file: string, what: string): string | null {
  try {
    return readRegularFileSync(file, { maxBytes: CONFIG_MAX_BYTES })?.toString('utf8') ?? null;
  } catch (error) {
    if (error instanceof FileRefusedError)
      throw new ConfigurationError(`${what}: ${error.message}`);
    throw error;
  }
}
