import type {
  AllOfficialScope,
  DeclaredField,
  ListEntry,
  ListFormat,
  OversightList,
} from '../list/model';

/** A revision as the user named it, and the commit it resolved to (none for the work tree). */
export interface Revision {
  label: string;
  commit: string | null;
}

export interface ModifiedEntry {
  before: ListEntry;
  after: ListEntry;
  changedFields: DeclaredField[];
}

/** What a change does to the oversight list. Entries are sorted by name. */
export interface Proposal {
  listPath: string;
  format: ListFormat;
  base: Revision;
  head: Revision;
  /** null when the list does not exist at base (a new list). */
  baseList: OversightList | null;
  headList: OversightList;
  added: ListEntry[];
  /** Entries present at base and deleted at head (taken from the base list). */
  removed: ListEntry[];
  modified: ModifiedEntry[];
  /**
   * The change makes the list mean every official repository, or stops it meaning that: what it
   * does to oversight as a whole (the entries it lists are then not what changes).
   */
  scopeChange?: ScopeChange;
  /** List files the change adds beside the judged list (they would go unjudged). */
  secondLists?: SecondLists;
}

/** A second list file the change adds beside the one it is judged on: a fact for list-consistency. */
export interface SecondLists {
  /** The added files, in LIST_CANDIDATES order. */
  paths: string[];
  /** The list the change is judged on. */
  listed: string;
  /** The change deletes `listed` (so the new file would replace it unjudged). */
  listDeleted: boolean;
  /** The base had no list: `listed` is the first of the usual names. */
  listIsNew: boolean;
}

/**
 * `widened`: the head page says every official repository is overseen and the base did not;
 * the entries the base listed stay overseen (as official repositories), so none is removed.
 * `narrowed`: the base said so and the head does not; every official repository the head does
 * not list would leave oversight, which the list alone cannot enumerate.
 */
export type ScopeChange =
  | { kind: 'widened'; scope: AllOfficialScope; listed: string[] }
  | { kind: 'narrowed'; scope: AllOfficialScope; listed: string[] };
