import { compareText } from '../util/compare';
import type { Proposal } from '../diff/model';
import type { OversightList } from '../list/model';
import type { RepositoryChange } from '../rules/types';

/** Every repository the change touches, sorted by name. */
export function repositoryChanges(proposal: Proposal): RepositoryChange[] {
  const changes: RepositoryChange[] = [
    ...proposal.added.map((entry) => ({
      kind: 'added' as const,
      repository: entry.name,
      entry,
      before: null,
      changedFields: [],
    })),
    ...proposal.removed.map((entry) => ({
      kind: 'removed' as const,
      repository: entry.name,
      entry,
      before: entry,
      changedFields: [],
      ...(proposal.scopeChange?.kind === 'widened' ? { widened: true as const } : {}),
    })),
    ...proposal.modified.map(({ before, after, changedFields }) => ({
      kind: 'modified' as const,
      repository: after.name,
      entry: after,
      before,
      changedFields,
    })),
  ];
  return changes.sort((a, b) => compareText(a.repository, b.repository));
}

/** Every entry of a list, for an audit of the whole list. */
export function auditChanges(list: OversightList): RepositoryChange[] {
  return list.entries
    .map((entry) => ({
      kind: 'audited' as const,
      repository: entry.name,
      entry,
      before: null,
      changedFields: [],
    }))
    .sort((a, b) => compareText(a.repository, b.repository));
}
