import type { Candidate } from './candidates';
import { finishEntries } from './entries';
import type { OversightList } from './model';
import { finishProblems } from './problems';

/** A repository an official team's deliverable lists, at its line in `projects.yaml`. */
export interface OfficialListing {
  name: string;
  team: string;
  deliverable: string;
  line: number;
}

/**
 * Every official repository as a governance-format list (`audit --all-official`): as if every
 * deliverable of `file` carried `vulnerability:managed`, each entry located at the line that
 * lists the repository. Names are checked as in any list: an unsafe one is a `list-schema`
 * problem keyed by its text and never becomes an entry.
 */
export function officialList(file: string, listings: readonly OfficialListing[]): OversightList {
  const candidates: Candidate[] = listings.map(({ name, team, deliverable, line }) => ({
    name,
    position: { line },
    declared: {},
    fieldLines: {},
    governance: { team, deliverable },
  }));
  const finished = finishEntries(file, candidates);
  return {
    path: file,
    format: 'governance',
    entries: finished.entries,
    duplicates: finished.duplicates,
    problems: finishProblems(finished.problems),
  };
}
