import type { SourceId } from '../evidence/types';
import { dataLabel, type DataDir } from './data-dir';
import { governanceTables, type GovernanceTables, type GovernanceTexts } from './governance/tables';
import {
  projectConfigTables,
  type ProjectConfigTables,
  type ProjectConfigTexts,
} from './project-config/tables';
import { readShaped } from './yaml/shape';

/** The run-wide data files a source reads into tables. */
export type TablesJob =
  | { kind: 'governance'; texts: GovernanceTexts }
  | { kind: 'projectConfig'; texts: ProjectConfigTexts };

type TablesOf<J extends TablesJob> = J extends { kind: 'governance' }
  ? GovernanceTables
  : ProjectConfigTables;

/** A job with what its citations and messages need of the data directory. */
export type TablesRequest = TablesJob & { source: SourceId; label: string; commit?: string };

/** Reads tables elsewhere (the parsing thread): null when it will not, or could not. */
export interface TablesReader {
  tables(request: TablesRequest): Promise<unknown> | null;
}

/** The tables of a request, read on this thread; throws what makes a file unreadable. */
export function buildTables(request: TablesRequest): GovernanceTables | ProjectConfigTables {
  const data = dataLabel(request.source, request.label, request.commit);
  return request.kind === 'governance'
    ? governanceTables(request.texts, data)
    : projectConfigTables(request.texts, data);
}

/**
 * The tables of `job`: from `reader` (the parsing thread: ~200 ms of YAML a check no longer
 * waits on before its lists), or read here when it answers null, as a thread that dies or meets
 * an error does: here the same code then gives the error its message.
 */
export async function readTables<J extends TablesJob>(
  reader: TablesReader | null,
  job: J,
  data: DataDir,
): Promise<TablesOf<J>> {
  const request: TablesRequest = {
    ...job,
    source: data.source,
    label: data.label,
    ...(data.commit !== undefined ? { commit: data.commit } : {}),
  };
  const answer = await reader?.tables(request);
  // The thread ran buildTables on this request: its answer has the type this returns.
  if (answer) return answer as TablesOf<J>;
  return readShaped(data, () => buildTables(request) as TablesOf<J>);
}
