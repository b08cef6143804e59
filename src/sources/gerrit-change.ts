import type { ChangeFacts, Evidence } from '../evidence/types';
import { changeFacts } from './gerrit-facts';
import { CHANGE_FACT_OPTIONS, createGerritClient } from '../gerrit/client';
import { GerritError } from '../gerrit/errors';
import type { TransportOptions } from '../gerrit/http';
import { parseChangeArgument, parseGerritUrl } from '../gerrit/url';

export interface GerritChangeSourceOptions {
  /** `--gerrit`: the server's base URL. */
  gerrit: string;
  /** `--change`: a number, or `project~number`. */
  change: string;
  transport?: TransportOptions;
}

/**
 * The change under review, for `SourceOptions.change`: read anonymously (no `/a/`, no
 * credentials: Zuul's check pipeline has none) once, on first use. A failed read is
 * *unavailable* evidence with Gerrit's reason, never an exception. A bad URL or change number
 * is a usage error, thrown at once.
 */
export function gerritChangeSource(
  options: GerritChangeSourceOptions,
): () => Promise<Evidence<ChangeFacts>> {
  const site = parseGerritUrl(options.gerrit);
  const ref = parseChangeArgument(options.change);
  const client = createGerritClient({ ...options.transport, site, credentials: null });
  let pending: Promise<Evidence<ChangeFacts>> | undefined;
  const read = async (): Promise<Evidence<ChangeFacts>> => {
    try {
      const change = await client.getChange(ref, CHANGE_FACT_OPTIONS);
      return { status: 'available', value: changeFacts(site, change) };
    } catch (error) {
      if (!(error instanceof GerritError)) throw error;
      return { status: 'unavailable', source: 'gerrit', reason: error.message };
    }
  };
  return () => (pending ??= read());
}
