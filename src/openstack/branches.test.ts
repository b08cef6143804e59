import {
  branch,
  deliverableFile,
  releases,
  repository,
  tag,
} from '../../test/helpers/evidence-fixtures';
import { branchCoverage, leavesOn, stableBranchStates } from './branches';

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

describe('branchCoverage', () => {
  const undated = { name: 'stable/2025.1', reason: 'git merge-base master stable/2025.1 failed' };

  it('keeps stable branches it cannot judge apart, never dropping them', () => {
    const repo = repository({
      branches: [branch('master'), branch('stable/2099.1'), branch('stable/3.1')],
      undatedBranches: [undated, { name: 'unmaintained/2024.1', reason: 'no fork point' }],
    });
    const { states, unresolved } = branchCoverage(releases([]), repo, '2026-08-21');
    expect(states).toEqual([]);
    expect(unresolved.map((u) => [u.branch, u.kind])).toEqual([
      ['stable/2025.1', 'repository'],
      ['stable/2099.1', 'releases'],
    ]);
    expect(unresolved[0]?.reason).toContain('git merge-base master stable/2025.1 failed');
  });

  it('ends coverage only with an annotated tag dated by its tagger', () => {
    const repo = (t: ReturnType<typeof tag>) =>
      repository({ branches: [branch('stable/2025.1', '2025-03-10')], tags: [t] });
    const judge = (t: ReturnType<typeof tag>) =>
      branchCoverage(releases([]), repo(t), '2026-08-21').states[0];
    expect(judge(tag('2025.1-eol', '2026-02-01'))?.covered).toBe(false);
    const lightweight = judge(tag('2025.1-eol', '2026-02-01', { annotated: false }));
    expect(lightweight?.covered).toBe(true);
    expect(lightweight?.ignoredTags).toEqual([
      { tag: '2025.1-eol', reason: 'a lightweight tag, with no tagger date of its own' },
    ]);
    expect(judge(tag('2025.1-eol', '2026-02-01', { taggerDate: null }))?.covered).toBe(true);
    expect(judge(tag('2025.1-eol', '2026-02-01', { taggerDate: 'soon' }))?.covered).toBe(true);
    const late = judge(tag('2025.1-eol', '2026-09-01'));
    expect([late?.covered, late?.ignoredTags]).toEqual([true, []]);
  });
});
