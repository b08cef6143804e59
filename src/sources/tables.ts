import type { DataLabel } from './data-dir';
import { Unavailable } from './unavailable';
import { YamlShapeError } from './yaml/document';

/**
 * One entry of a data file read, or why it cannot be: the data's shape (unavailable evidence for
 * the repositories it concerns) or a bug met reading it. Plain data, as the parsing thread sends.
 */
export type Read<T> = { value: T } | { shape: string } | { internal: string };

/** Each entry read by `read`; an error is kept for the entry it was met in. */
export function readRows<K, E, T>(entries: Map<K, E>, read: (entry: E) => T): Map<K, Read<T>> {
  const rows = new Map<K, Read<T>>();
  for (const [key, entry] of entries) {
    try {
      rows.set(key, { value: read(entry) });
    } catch (error) {
      if (error instanceof YamlShapeError) rows.set(key, { shape: error.message });
      else rows.set(key, { internal: error instanceof Error ? error.message : String(error) });
    }
  }
  return rows;
}

/**
 * The value read, or the error met reading it thrown again: a shape error as `readShaped` makes
 * it unavailable evidence, a bug as an error.
 */
export function valueOf<T>(read: Read<T>, data: Pick<DataLabel, 'source' | 'label'>): T {
  if ('value' in read) return read.value;
  if ('shape' in read) throw new Unavailable(data.source, `${data.label}: ${read.shape}`);
  throw new Error(read.internal);
}
