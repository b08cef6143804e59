import type { DeliverableFile } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { Unavailable } from '../unavailable';
import type { ParseOutcome } from './parse-text';

/**
 * The evidence an outcome stands for, with the data's own refs (data.ref, as a reader on this
 * thread makes them). A shape error makes the evidence unavailable with the reason readShaped
 * gives (yaml/shape.ts); a failure is thrown as the bug it is.
 */
export function deliverableFileOf(
  outcome: ParseOutcome,
  path: string,
  data: Pick<DataDir, 'source' | 'label' | 'ref'>,
): DeliverableFile | null {
  if ('shape' in outcome) throw new Unavailable(data.source, `${data.label}: ${outcome.shape}`);
  if ('failure' in outcome)
    throw Object.assign(new Error(outcome.failure.message), outcome.failure);
  const { file } = outcome;
  if (file === null) return null;
  return {
    ...file,
    releases: file.releases.map((release) => ({ ...release, ref: data.ref(path, release.ref) })),
    branches: file.branches.map((branch) => ({ ...branch, ref: data.ref(path, branch.ref) })),
    ref: data.ref(path, file.ref),
  };
}
