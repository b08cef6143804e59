import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { RepositoryChange, RepositoryRule, RuleResult, RunSettings } from '../types';
import type { BranchState } from '../../openstack/branches';
import {
  branchSummary,
  branchText,
  branchValue,
  leavesOn,
  stableBranchStates,
} from '../../openstack/branches';
import { checkScheduled } from './scheduled';

const CLAUSE = 'policy, Deprecation';

function leaveText(state: BranchState): string {
  const leaves = leavesOn(state);
  if (leaves) return `until ${leaves.date} (then ${leaves.status})`;
  return 'with no date set yet for it to leave maintenance';
}

function coverageText(states: readonly BranchState[]): string {
  const covered = states.filter((s) => s.covered);
  if (covered.length === 0) return 'no stable branch is maintained any more';
  return `maintained branches stay covered: ${covered.map((s) => `${s.branch} ${leaveText(s)}`).join(', ')}`;
}

function whatToDo(change: RepositoryChange, settings: RunSettings, state: BranchState): string {
  const leaves = leavesOn(state);
  const when = leaves ? `on or after ${leaves.date}` : 'once it leaves maintenance';
  if (settings.format !== 'native') return `Keep the entry and delete it ${when}.`;
  const scheduled = change.before?.declared.removal?.effective;
  if (scheduled)
    return `Keep the entry (its removal at ${scheduled} is scheduled) and delete it ${when}.`;
  return `Keep the entry and schedule the removal with removal.effective (a future X.Y.0 release) instead; delete it ${when}.`;
}

function checkDeleted(
  change: RepositoryChange,
  states: BranchState[],
  settings: RunSettings,
  known: boolean,
): RuleResult[] {
  const covered = states.filter((s) => s.covered);
  // Full series detail where it matters; end-of-life history stays one line per branch.
  const all = states.map((s) =>
    s.series.status === 'end of life' ? branchSummary(s) : branchValue(s),
  );
  if (covered.length > 0) {
    return covered.map((state) => ({
      severity: 'error',
      message:
        `Deleted while ${state.branch} (${state.series.series.name}) is still maintained as of ` +
        `${settings.asOf}, ${leaveText(state)}: maintained branches stay covered until they become ` +
        `unmaintained or reach end of life (${CLAUSE}). ${whatToDo(change, settings, state)}`,
      evidence: {
        branch: branchValue(state),
        asOf: settings.asOf,
        stillCovered: covered.map((c) => c.branch),
      },
    }));
  }
  if (!known) {
    return [
      {
        severity: 'warning',
        message: `Could not tell which stable branches the repository has (no repository and no deliverable files): check by hand that none is maintained (${CLAUSE}).`,
        evidence: { asOf: settings.asOf, branches: all },
      },
    ];
  }
  const detail = states.length > 0 ? `: ${states.map(branchText).join('; ')}` : ' (none found)';
  return [
    {
      severity: 'info',
      message: `No maintained stable branch as of ${settings.asOf}, so the repository may leave oversight${detail} (${CLAUSE}).`,
      evidence: { asOf: settings.asOf, branches: all },
    },
  ];
}

function isKnown(releases: ReleasesFacts, repository: RepositoryFacts | undefined): boolean {
  return repository !== undefined || releases.files.length > 0;
}

export const rule: RepositoryRule<'releases', 'repository'> = {
  scope: 'repository',
  meta: {
    id: 'removal',
    clause: 'Deprecation',
    title: 'Removals drop only future non-patch releases; maintained branches stay covered.',
    defaultSeverity: 'error',
    canBlock: true,
  },
  appliesTo: (change) => change.kind === 'removed' || change.entry.declared.removal !== undefined,
  needs: () => ['releases'],
  wants: () => ['repository'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    const states = stableBranchStates(evidence.releases, evidence.repository, settings.asOf);
    if (change.kind === 'removed') {
      return checkDeleted(
        change,
        states,
        settings,
        isKnown(evidence.releases, evidence.repository),
      );
    }
    const removal = change.entry.declared.removal;
    if (!removal) return [];
    return [
      checkScheduled({
        change,
        effective: String(removal.effective),
        releases: evidence.releases,
        repository: evidence.repository,
        repositoryMissing: missing.repository,
        asOf: settings.asOf,
        coverage: coverageText(states),
      }),
    ];
  },
};
