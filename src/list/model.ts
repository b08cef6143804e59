/** The oversight list, whatever format it was written in. */

export type ListFormat = 'native' | 'rst' | 'governance';

/** Where something came from: the list file (repository-relative path) and a 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

export interface Person {
  name?: string;
  email?: string;
  irc?: string;
}

export interface TrackerDeclaration {
  launchpad?: string;
  storyboard?: string;
  'security-group'?: string;
  /** The proposer's statement that private reports are visible only to the VMT at first. */
  'private-by-default'?: boolean;
}

export interface ThreatAnalysisDeclaration {
  url?: string;
  date?: string;
}

export interface RemovalDeclaration {
  effective: string;
  reason?: string;
}

/** The fields the native format can declare. rst and governance entries declare none. */
export interface DeclaredFields {
  team?: string;
  tracker?: TrackerDeclaration;
  'embargo-days'?: number;
  liaison?: Person;
  'threat-analysis'?: ThreatAnalysisDeclaration;
  removal?: RemovalDeclaration;
}

export type DeclaredField = keyof DeclaredFields;

export interface ListEntry {
  /** `namespace/name`, already checked against the safe-name pattern. */
  name: string;
  /** The entry's own line: the `- name:` item, the rst bullet, or the governance tag line. */
  location: SourceLocation;
  declared: DeclaredFields;
  /** Line of each declared top-level field, for findings about one field. */
  fieldLines: Partial<Record<DeclaredField, number>>;
  /** rst only: the link target as written. */
  link?: string;
  /** rst only: where the link target starts. */
  linkAt?: { line: number; column?: number };
  /** governance only: the team and deliverable that carry the tag. */
  governance?: { team: string; deliverable: string };
}

export type ListProblemRule = 'list-schema';

/** A later entry for a repository the list already names: a fact for list-consistency. */
export interface DuplicateEntry {
  name: string;
  line: number;
  column?: number;
  /** The line of the first entry for the same repository. */
  firstLine: number;
  /** governance only: the deliverable the repeated repository is listed under again. */
  deliverable?: string;
}

/**
 * Something wrong with the list file itself, found while parsing it.
 * `key` identifies the same problem across revisions (it never contains a line number), so a
 * problem already present at base can be told apart from one the change introduces.
 */
export interface ListProblem {
  rule: ListProblemRule;
  severity: 'error' | 'warning';
  key: string;
  message: string;
  line?: number;
  column?: number;
  repository?: string;
}

/**
 * The list means every repository of every official team (the VMT page since the 2025 policy
 * change): where the page says so.
 */
export interface AllOfficialScope {
  /** The line of the paragraph that says it. */
  line: number;
  /** The sentence, as the policy words it. */
  clause: string;
}

export interface OversightList {
  path: string;
  format: ListFormat;
  entries: ListEntry[];
  /** Later entries for a repository already listed, in file order (not in `entries`). */
  duplicates: DuplicateEntry[];
  /** What could not be read as a list: parse and schema diagnostics (rule list-schema). */
  problems: ListProblem[];
  /** rst only: the page says every official repository is overseen, instead of listing them. */
  allOfficial?: AllOfficialScope;
  /** sha256 (hex) of the bytes the list was parsed from; absent for a list built otherwise. */
  digest?: string;
}
