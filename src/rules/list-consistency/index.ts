import { listProblemResults } from '../list-problems';
import type { ListRule } from '../types';

export const rule: ListRule = {
  scope: 'list',
  meta: {
    id: 'list-consistency',
    clause: '—',
    title: 'No duplicate entries, rst links point at the named repository, entries are sorted.',
    defaultSeverity: 'error',
    canBlock: true,
  },
  check: (context) => listProblemResults('list-consistency', context),
};
