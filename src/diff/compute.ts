import type { DeclaredField, ListEntry, OversightList } from '../list/model';
import { isUnreadable } from '../list/readable';
import { sameValue } from './equal';
import type { ModifiedEntry, Proposal, Revision, ScopeChange } from './model';
import { compareText } from '../util/compare';

export interface ProposalRevisions {
  base: Revision;
  head: Revision;
}

// A Record so the compiler fails when the model gains a field this list lacks.
const FIELD_SET: Record<DeclaredField, true> = {
  'embargo-days': true,
  liaison: true,
  removal: true,
  team: true,
  'threat-analysis': true,
  tracker: true,
};
const DECLARED_FIELDS = (Object.keys(FIELD_SET) as DeclaredField[]).sort(compareText);

/** What the change does to the list. Pure; the format is the head list's. */
export function computeProposal(
  base: OversightList | null,
  head: OversightList,
  revisions: ProposalRevisions,
): Proposal {
  // A head list that could not be read at all says nothing about which entries went away: its
  // list-schema error blocks, and no entry is judged as removed. A base list that could not be
  // read says nothing either: every head entry is judged as added, and what the change removes
  // cannot be known (the engine reports that evidence as unavailable; see `baseListUnreadable`).
  const before = isUnreadable(head) ? new Map<string, ListEntry>() : byName(base?.entries ?? []);
  const after = byName(head.entries);
  const modified: ModifiedEntry[] = [];
  for (const [name, entry] of after) {
    const old = before.get(name);
    const changedFields = old === undefined ? [] : changedFieldsOf(old, entry);
    if (old !== undefined && changedFields.length > 0) {
      modified.push({ before: old, after: entry, changedFields });
    }
  }
  const scopeChange = scopeChangeOf(base, head);
  // Once the list means every official repository, what the base listed stays overseen only if it
  // is official: each is still a removal for the removal rule, which settles that with governance.
  const removed = [...before.values()].filter((e) => !after.has(e.name));
  return {
    listPath: head.path,
    format: head.format,
    base: revisions.base,
    head: revisions.head,
    baseList: base,
    headList: head,
    added: [...after.values()].filter((e) => !before.has(e.name)),
    removed,
    modified,
    ...(scopeChange ? { scopeChange } : {}),
  };
}

/** Whether the change makes the list mean every official repository, or stops it. */
function scopeChangeOf(base: OversightList | null, head: OversightList): ScopeChange | null {
  if (isUnreadable(head)) return null;
  const names = (list: OversightList | null) =>
    (list?.entries ?? []).map((e) => e.name).sort(compareText);
  if (head.allOfficial && !base?.allOfficial) {
    return { kind: 'widened', scope: head.allOfficial, listed: names(base) };
  }
  if (base?.allOfficial && !head.allOfficial) {
    return { kind: 'narrowed', scope: base.allOfficial, listed: names(head) };
  }
  return null;
}

/**
 * The declared fields whose values differ, sorted. A governance-format entry that moves to
 * another team or deliverable has its team changed: the move is a change for the new team.
 */
export function changedFieldsOf(before: ListEntry, after: ListEntry): DeclaredField[] {
  const moved = before.governance !== undefined && !sameValue(before.governance, after.governance);
  return DECLARED_FIELDS.filter(
    (field) =>
      !sameValue(before.declared[field], after.declared[field]) || (field === 'team' && moved),
  );
}

/** Entries by name, sorted by name; a duplicate name keeps its first entry. */
function byName(entries: readonly ListEntry[]): Map<string, ListEntry> {
  const sorted = [...entries].sort((a, b) => compareText(a.name, b.name));
  const map = new Map<string, ListEntry>();
  for (const entry of sorted) if (!map.has(entry.name)) map.set(entry.name, entry);
  return map;
}
