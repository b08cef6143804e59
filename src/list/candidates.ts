import type { AllOfficialScope, DeclaredField, ListEntry, ListProblem } from './model';
import type { Position } from './problems';

/** An entry as a format reader found it: its name is not yet known to be safe. */
export interface Candidate {
  name: string;
  position: Position;
  declared: ListEntry['declared'];
  fieldLines: Partial<Record<DeclaredField, number>>;
  link?: string;
  linkAt?: ListEntry['linkAt'];
  governance?: ListEntry['governance'];
}

/** What one format reader returns. */
export interface ReadResult {
  candidates: Candidate[];
  problems: ListProblem[];
  /** rst only: the page says every official repository is overseen. */
  allOfficial?: AllOfficialScope;
}

export const DECLARED_FIELDS: readonly DeclaredField[] = [
  'team',
  'tracker',
  'embargo-days',
  'liaison',
  'threat-analysis',
  'removal',
];
