import { listProblemResults } from '../list-problems';
import type { ListRule } from '../types';

export const rule: ListRule = {
  scope: 'list',
  meta: {
    id: 'list-schema',
    clause: '—',
    title: 'The list parses, follows its schema, and names repositories safely.',
    defaultSeverity: 'error',
    canBlock: true,
  },
  check: (context) => listProblemResults('list-schema', context),
};
