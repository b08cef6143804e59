import { branch, deliverableFile, releases, repository, tag } from '../rules/test-helpers';
import { leavesOn, stableBranchStates } from './branches';

describe('stableBranchStates', () => {
  const data = releases([
    deliverableFile('caracal', 'os-brick', {
      releases: ['6.7.0', '2024.1-eom'],
      branches: ['stable/2024.1', 'unmaintained/2024.1'],
    }),
    deliverableFile('epoxy', 'os-brick', { releases: ['6.11.1'], branches: ['stable/2025.1'] }),
  ]);

  it.each([
    // date, covered branches
    ['2026-10-01', ['stable/2025.1']],
    ['2026-10-02', []],
  ])('from the deliverable files as of %s', (asOf, covered) => {
    const states = stableBranchStates(data, undefined, asOf);
    expect(states.map((s) => s.branch)).toEqual(['stable/2024.1', 'stable/2025.1']);
    expect(states.filter((s) => s.covered).map((s) => s.branch)).toEqual(covered);
    expect(states[0]?.transition).toEqual({
      tag: '2024.1-eom',
      origin: 'releases-data',
      date: null,
    });
  });

  it('merges git branches and recorded ones, with git tags deciding transitions', () => {
    const repo = repository({
      branches: [
        branch('master'),
        branch('stable/2025.1', '2025-03-10'),
        branch('unmaintained/2024.1'),
      ],
      tags: [tag('2024.1-eom', '2025-11-01')],
    });
    const states = stableBranchStates(data, repo, '2026-08-21');
    expect(states.map((s) => [s.branch, s.origins, s.covered])).toEqual([
      ['stable/2024.1', ['releases-data'], false],
      ['stable/2025.1', ['git-branch', 'releases-data'], true],
    ]);
    expect(states[1] && leavesOn(states[1])).toEqual({
      date: '2026-10-02',
      status: 'unmaintained',
    });
  });

  it('says when a covered series has no date to leave maintenance', () => {
    const repo = repository({ branches: [branch('stable/2026.2', '2026-09-10')] });
    const [state] = stableBranchStates(releases([]), repo, '2026-09-15');
    expect(state?.covered).toBe(true);
    expect(state && leavesOn(state)).toBeNull();
  });
});
