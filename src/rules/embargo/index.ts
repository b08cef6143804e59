import { declaredValue, onField } from '../../openstack/evidence';
import type { RepositoryRule, RuleResult } from '../types';

/** The policy's maximum embargo (clause 1). */
const MAX_EMBARGO_DAYS = 90;

export const rule: RepositoryRule<never, never> = {
  scope: 'repository',
  meta: {
    id: 'embargo',
    clause: '1',
    title: `A declared embargo does not exceed the policy's ${MAX_EMBARGO_DAYS} days.`,
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['embargo-days'],
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => [],
  wants: () => [],
  check({ change }): RuleResult[] {
    const days = change.entry.declared['embargo-days'];
    if (days === undefined) {
      return [
        {
          severity: 'info',
          message:
            `No embargo-days declared: the policy's ${MAX_EMBARGO_DAYS}-day maximum applies ` +
            '(policy clause 1).',
          evidence: { declared: null, maximum: MAX_EMBARGO_DAYS, list: change.entry.location.file },
        },
      ];
    }
    const evidence = {
      ...declaredValue(change, 'embargo-days'),
      declared: days,
      maximum: MAX_EMBARGO_DAYS,
    };
    if (days > MAX_EMBARGO_DAYS) {
      return [
        {
          severity: 'error',
          ...onField(change, 'embargo-days'),
          message:
            `embargo-days is ${days}, above the policy's maximum of ${MAX_EMBARGO_DAYS} days ` +
            `(policy clause 1): set it to ${MAX_EMBARGO_DAYS} or less, or remove it.`,
          evidence,
        },
      ];
    }
    return [
      {
        severity: 'info',
        ...onField(change, 'embargo-days'),
        message: `embargo-days is ${days}, within the policy's ${MAX_EMBARGO_DAYS}-day maximum (policy clause 1).`,
        evidence,
      },
    ];
  },
};
