import type { Evidence, SourceId } from '../evidence/types';

/** Thrown inside a source when its evidence cannot be gathered; becomes `unavailable`. */
export class Unavailable extends Error {
  constructor(
    readonly source: SourceId,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'Unavailable';
  }
}

function available<T>(value: T): Evidence<T> {
  return { status: 'available', value };
}

export function unavailable<T>(source: SourceId, reason: string): Evidence<T> {
  return { status: 'unavailable', source, reason };
}

/** Runs a source's work and turns any failure into `unavailable`, never a crash. */
export async function gather<T>(
  source: SourceId,
  context: string,
  work: () => Promise<T>,
): Promise<Evidence<T>> {
  try {
    return available(await work());
  } catch (error) {
    if (error instanceof Unavailable) return unavailable(error.source, error.reason);
    const message = error instanceof Error ? error.message : String(error);
    return unavailable(source, `${context}: ${message}`);
  }
}
