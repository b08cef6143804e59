import { join } from 'node:path';
import { LIST_CANDIDATES } from '../diff/list-paths';
import { existingWorktreeFiles } from '../diff/files';
import { validateListPath } from '../diff/validate';
import { UsageError } from '../errors';
import { detectFormat } from '../list';
import type { ListFormat } from '../list/model';
import { FileRefusedError, readRegularFile } from '../util/regular-file';

export interface ListFormatChoice {
  format: ListFormat;
  /** The list it was detected from (relative to the repository), or null: none, native. */
  path: string | null;
}

/**
 * The format the draft is written in, found as check finds the list: `--list` in `repo`'s work
 * tree, else the first of the usual list files there; native when there is none.
 */
export async function listFormatIn(repo: string, list?: string): Promise<ListFormatChoice> {
  const wanted = list === undefined ? LIST_CANDIDATES : [validateListPath(list)];
  const [path] = await existingWorktreeFiles(repo, wanted);
  if (path === undefined) {
    if (list !== undefined)
      throw new UsageError(`the list '${wanted[0]}' does not exist in ${repo}`);
    return { format: 'native', path: null };
  }
  return { format: detectFormat(path, await listText(repo, path)), path };
}

async function listText(repo: string, path: string): Promise<string> {
  try {
    const bytes = await readRegularFile(join(repo, path), { symlinks: 'refuse' });
    return bytes === null ? '' : bytes.toString('utf8');
  } catch (error) {
    if (error instanceof FileRefusedError) {
      throw new UsageError(`the list '${path}' cannot be read: ${error.message}`);
    }
    throw error;
  }
}
