import type { ChangeFacts, Evidence } from '../evidence/types';
import { changeFacts } from './gerrit-facts';
import { CHANGE_FACT_OPTIONS, createGerritClient } from '../gerrit/client';
import { GerritError } from '../gerrit/errors';
import type { TransportOptions } from '../gerrit/http';
import { parseChangeArgument, parseGerritUrl } from '../gerrit/url';
import type { EvidenceSource } from './source';
import { Unavailable } from './unavailable';

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

/** The change under review (team-consent): one answer per run, its unavailability as it is. */
export const changeSource: EvidenceSource<'change'> = {
  id: 'gerrit',
  kind: 'change',
  dependencies: [],
  scope: 'run',
  subject: 'the change',
  read: async (_repository, { options }) => {
    if (!options.change) throw new Unavailable('gerrit', 'no --gerrit/--change given');
    const evidence = await options.change();
    if (evidence.status === 'unavailable') throw new Unavailable(evidence.source, evidence.reason);
    return evidence.value;
  },
};
