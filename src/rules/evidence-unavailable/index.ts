import type { RuleMeta } from '../types';

/** Reported by the engine itself when a rule's evidence could not be gathered. */
export const meta: RuleMeta = {
  id: 'evidence-unavailable',
  clause: '—',
  title: 'The evidence a rule needs could be gathered (missing evidence is never a pass).',
  defaultSeverity: 'error',
  canBlock: true,
};
