import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/**
 * What a stopped or refused git fetch leaves in a repository: a killed git leaves its
 * temporary pack (`objects/pack/tmp_*`) and quarantine (`objects/incoming-*`); a fetch refused
 * after it ended (over the size cap) leaves complete packs no ref may point at yet.
 */
export async function packFiles(gitDir: string): Promise<Set<string>> {
  const names = await fs.readdir(join(gitDir, 'objects', 'pack')).catch(() => []);
  return new Set(names);
}

/** Removes the temporary files of an interrupted fetch: never referenced, always safe. */
export async function removeIncomplete(gitDir: string): Promise<void> {
  const objects = join(gitDir, 'objects');
  const pack = join(objects, 'pack');
  const temporary = [
    ...(await fs.readdir(pack).catch(() => []))
      .filter((name) => name.startsWith('tmp_'))
      .map((name) => join(pack, name)),
    ...(await fs.readdir(objects).catch(() => []))
      .filter((name) => name.startsWith('incoming-'))
      .map((name) => join(objects, name)),
  ];
  await Promise.all(temporary.map((path) => fs.rm(path, { recursive: true, force: true })));
}

/**
 * Removes the packs that were not there `before` (and any temporary file). Only for a fetch of
 * objects by id, which moves no ref: nothing can point at what it brought.
 */
export async function removeNewPacks(gitDir: string, before: ReadonlySet<string>): Promise<void> {
  const pack = join(gitDir, 'objects', 'pack');
  const added = [...(await packFiles(gitDir))].filter((name) => !before.has(name));
  await Promise.all(added.map((name) => fs.rm(join(pack, name), { recursive: true, force: true })));
  await removeIncomplete(gitDir);
}
