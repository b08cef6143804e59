import type { Expected, RunInput } from '../test-helpers';
import { change, entry, mismatches, runRule } from '../test-helpers';
import { rule } from './index';

const sushy = 'openstack/sushy';

const cases: [string, RunInput, Expected[]][] = [
  [
    'undeclared (rst, governance, or native without the field)',
    { change: change('added', entry(sushy)), format: 'rst' },
    [{ severity: 'info', message: ['90-day maximum applies'] }],
  ],
  [
    'declared at the maximum',
    { change: change('added', entry(sushy, { 'embargo-days': 90 })) },
    [{ severity: 'info', field: 'embargo-days', message: ['90'] }],
  ],
  [
    'declared below the maximum',
    { change: change('added', entry(sushy, { 'embargo-days': 30 })) },
    [{ severity: 'info', field: 'embargo-days' }],
  ],
  [
    'declared above the maximum',
    { change: change('added', entry(sushy, { 'embargo-days': 91 })) },
    [{ severity: 'error', field: 'embargo-days', message: ['91', 'clause 1', 'set it to 90'] }],
  ],
  [
    'changed above the maximum on a modified entry',
    {
      change: change('modified', entry(sushy, { 'embargo-days': 120 }), {
        changedFields: ['embargo-days'],
      }),
    },
    [{ severity: 'error', field: 'embargo-days' }],
  ],
];

describe('embargo', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('needs no evidence and skips deleted entries', () => {
    const removed = change('removed', entry(sushy, { 'embargo-days': 120 }));
    expect(rule.needs(removed)).toEqual([]);
    expect(rule.appliesTo(removed)).toBe(false);
    expect(rule.appliesTo(change('audited', entry(sushy)))).toBe(true);
  });

  it('points at the field line', () => {
    const results = runRule(rule, {
      change: change('added', entry(sushy, { 'embargo-days': 91 })),
    });
    expect(results).toEqual([expect.objectContaining({ line: 11 })]);
  });
});
