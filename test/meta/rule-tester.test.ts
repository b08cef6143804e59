import { differences, judgeCase } from '../helpers/rule-tester';
import { change, entry } from '../helpers/evidence-fixtures';
import { rule as embargo } from '../../src/rules/embargo';

// The strict tester must be able to fail: each way a case can be wrong is seen.
const tooLong = {
  name: 'too long',
  change: change('added', entry('openstack/x', { 'embargo-days': 91 })),
  expect: [],
};

describe('the strict rule tester', () => {
  it('agrees with an exact expectation', async () => {
    const judged = await judgeCase(embargo, tooLong);
    const exact = {
      messageId: 'tooLong',
      data: { days: 91, maximum: 90 },
      severity: 'error',
      field: 'embargo-days',
      line: 11,
    } as const;
    expect(differences(judged, [exact], 10)).toEqual([]);
  });

  it.each([
    ['a wrong messageId', { messageId: 'withinMaximum' }, /messageId is not withinMaximum/],
    ['wrong data', { data: { days: 90, maximum: 90 } }, /data .* is not/],
    ['a wrong severity', { severity: 'warning' }, /severity is not warning/],
    ['a wrong field', { field: 'team' }, /field embargo-days is not team/],
    ['a wrong line', { line: 12 }, /line 11 is not 12/],
  ] as const)('sees %s', async (_what, change, problem) => {
    const judged = await judgeCase(embargo, tooLong);
    const want = {
      messageId: 'tooLong',
      data: { days: 91, maximum: 90 },
      severity: 'error',
      field: 'embargo-days',
      line: 11,
      ...change,
    } as const;
    expect(differences(judged, [want], 10).join('\n')).toMatch(problem);
  });

  it('sees a missing or an extra finding', async () => {
    const judged = await judgeCase(embargo, tooLong);
    expect(differences(judged, [], 10)).toEqual([
      expect.stringMatching(/expected 0 findings, got 1/),
    ]);
  });

  it('refuses an unknown key in an expectation', async () => {
    const judged = await judgeCase(embargo, tooLong);
    const typo = { messageId: 'tooLong', severity: 'error', feild: 'embargo-days' } as never;
    expect(() => differences(judged, [typo], 10)).toThrow(/unknown key\(s\) feild/);
  });
});
