import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { RepositoryChange, RepositoryRule, RuleResult, RunSettings } from '../types';
import type { BranchState, Coverage, UnresolvedBranch } from '../../openstack/branches';
import {
  branchCoverage,
  branchSummary,
  branchText,
  branchValue,
  leavesOn,
  unresolvedValue,
} from '../../openstack/branches';
import { sample } from '../../openstack/evidence';
import { checkScheduled } from './scheduled';

const CLAUSE = 'policy, Deprecation';

function leaveText(state: BranchState): string {
  if (state.series.basis === 'inferred') return 'until the repository tags its end of maintenance';
  const leaves = leavesOn(state);
  if (leaves) return `until ${leaves.date} (then ${leaves.status})`;
  return 'with no date set yet for it to leave maintenance';
}

function coverageText({ states, unresolved }: Coverage): string {
  const covered = states.filter((s) => s.covered);
  const unknown = states.filter((s) => s.undetermined).map((s) => s.branch);
  const unjudged =
    unresolved.length > 0 ? [sample(unresolved.map((u) => `${u.branch} (${u.reason})`))] : [];
  const rest =
    (unknown.length > 0
      ? `; whether ${unknown.join(', ')} was still maintained on the date cannot be established without a git checkout of openstack/releases`
      : '') +
    (unjudged.length > 0
      ? `; whether ${unjudged.join(', ')} is a maintained stable branch cannot be established`
      : '');
  if (covered.length === 0) return `no stable branch is known to be maintained any more${rest}`;
  return `maintained branches stay covered: ${covered.map((s) => `${s.branch} ${leaveText(s)}`).join(', ')}${rest}`;
}

/** Why a covered branch counts as maintained, when that is inferred rather than recorded. */
function inferenceText(state: BranchState): string {
  if (state.series.basis !== 'inferred') return '';
  const { series, recorded } = state.series;
  return (
    ` (inferred: releases data newer than the date shows ${series.name} ${recorded} now without ` +
    `saying when it left maintenance, and the repository had no eom/eol/em tag for it by then)`
  );
}

/** Why newer releases data cannot settle a branch's state on the date. */
function undeterminedReason(state: BranchState): string {
  const { series, recorded } = state.series;
  const shows = `it is newer than the date and shows ${series.name} ${recorded} now`;
  if (state.transition) {
    return `${shows}, and records the repository's ${state.transition.tag} tag without its date`;
  }
  return `${shows} without saying when it left maintenance, and the repository is not available to show its own eom/eol tags`;
}

/** Why the repository's own eol/eom/em tags for a covered branch's series do not end it. */
function ignoredTagsText(state: BranchState): string {
  if (state.ignoredTags.length === 0) return '';
  const tags = state.ignoredTags.map((t) => `${t.tag} is ${t.reason}`).join('; ');
  return ` (the repository's ${tags}: only an annotated tag dated by its tagger ends coverage)`;
}

function branchWithSeries(state: BranchState): string {
  return `${state.branch} (${state.series.series.name})`;
}

/**
 * Evidence-unavailable naming every branch whose state on the date cannot be established (none
 * if none): the releases data cannot settle it, a git checkout of it (or the repository) can.
 */
function undeterminedResult(states: readonly BranchState[], settings: RunSettings): RuleResult[] {
  const [first, ...others] = states.filter((s) => s.undetermined);
  if (!first) return [];
  const branches = [first, ...others];
  const why =
    others.length === 0
      ? undeterminedReason(first)
      : 'it is newer than the date, and without the repository nothing dated tells when each branch left maintenance';
  const reason =
    `the maintenance state of ${sample(branches.map(branchWithSeries))} on ${settings.asOf} ` +
    `cannot be established from releases data that is not a git checkout: ${why}. ` +
    `Pass a git checkout of openstack/releases as --releases (or --repos-root with the ` +
    `repository) to decide; until then the deletion cannot be allowed, as maintained branches ` +
    `stay covered (${CLAUSE})`;
  return [
    {
      severity: 'error',
      message: reason,
      unavailable: { kind: 'releases', reason },
      evidence: {
        asOf: settings.asOf,
        undetermined: branches.map((s) => ({ ...branchValue(s), reason: undeterminedReason(s) })),
      },
    },
  ];
}

/** At most this many unresolved branches are itemised in the evidence (a repository may have many). */
const EVIDENCE_LIMIT = 20;

const SETTLE: Record<UnresolvedBranch['kind'], string> = {
  releases:
    'pass releases data whose series_status.yaml names every series with its release-id ' +
    '(a git checkout of openstack/releases as --releases)',
  repository: 'pass a complete (not shallow) clone of the repository under --repos-root',
};

/**
 * Evidence-unavailable for the stable branches whose coverage cannot be judged at all (none if
 * none): a series the data cannot name, or a branch git cannot date.
 */
function unresolvedResult(unresolved: readonly UnresolvedBranch[], asOf: string): RuleResult[] {
  const [first] = unresolved;
  if (!first) return [];
  const shown = unresolved.slice(0, 5).map((u) => `${u.branch}: ${u.reason}`);
  const more =
    unresolved.length > shown.length ? `; and ${unresolved.length - shown.length} more` : '';
  const each = `${shown.join('; ')}${more}`;
  const settle = [...new Set(unresolved.map((u) => SETTLE[u.kind]))].join(', and ');
  const reason =
    `whether ${sample(unresolved.map((u) => u.branch))} is a stable branch still maintained on ` +
    `${asOf} cannot be established (${each}). To decide, ${settle}; until then the deletion ` +
    `cannot be allowed, as maintained branches stay covered (${CLAUSE})`;
  return [
    {
      severity: 'error',
      message: reason,
      unavailable: { kind: first.kind, reason },
      evidence: {
        asOf,
        unresolved: unresolved.slice(0, EVIDENCE_LIMIT).map(unresolvedValue),
        unresolvedCount: unresolved.length,
      },
    },
  ];
}

/**
 * Evidence-unavailable when there is no repository and the releases data records no stable
 * branch: nothing says whether one is maintained. Never "no maintained branch".
 */
function noBranchesResult(
  change: RepositoryChange,
  releases: ReleasesFacts,
  repositoryMissing: string | undefined,
  asOf: string,
): RuleResult {
  const notRead = repositoryMissing ?? 'not provided';
  const [kind, known]: [UnresolvedBranch['kind'], string] =
    releases.files.length === 0
      ? ['releases', `no deliverable file in the releases data names ${change.repository}`]
      : [
          'repository',
          `the deliverable files (${releases.files.map((f) => f.ref.file).join(', ')}) record ` +
            `no stable branch of ${change.repository} that existed on ${asOf}`,
        ];
  const reason =
    `${known}, and there is no repository to read branches from (${notRead}), so whether a ` +
    `maintained stable branch is still covered cannot be established (${CLAUSE})`;
  return {
    severity: 'error',
    message: reason,
    unavailable: { kind, reason },
    evidence: { asOf, deliverableFiles: releases.files.map((f) => f.ref.file) },
  };
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

interface DeletedInput {
  change: RepositoryChange;
  coverage: Coverage;
  settings: RunSettings;
  releases: ReleasesFacts;
  repository: RepositoryFacts | undefined;
  repositoryMissing: string | undefined;
}

function coveredError(input: DeletedInput, state: BranchState, covered: string[]): RuleResult {
  const { change, settings } = input;
  return {
    severity: 'error',
    message:
      `Deleted while ${state.branch} (${state.series.series.name}) is still maintained as of ` +
      `${settings.asOf}${inferenceText(state)}${ignoredTagsText(state)}, ${leaveText(state)}: ` +
      `maintained branches stay covered until they become unmaintained or reach end of life ` +
      `(${CLAUSE}). ${whatToDo(change, settings, state)}`,
    evidence: { branch: branchValue(state), asOf: settings.asOf, stillCovered: covered },
  };
}

function checkDeleted(input: DeletedInput): RuleResult[] {
  const { change, settings } = input;
  const { states, unresolved } = input.coverage;
  const covered = states.filter((s) => s.covered);
  const unknown = [
    ...undeterminedResult(states, settings),
    ...unresolvedResult(unresolved, settings.asOf),
  ];
  if (covered.length > 0 || unknown.length > 0) {
    const names = covered.map((c) => c.branch);
    return [...covered.map((state) => coveredError(input, state, names)), ...unknown];
  }
  if (!input.repository && states.length === 0) {
    return [noBranchesResult(change, input.releases, input.repositoryMissing, settings.asOf)];
  }
  // Full series detail where it matters; end-of-life history stays one line per branch.
  const all = states.map((s) =>
    s.series.status === 'end of life' ? branchSummary(s) : branchValue(s),
  );
  const detail = states.length > 0 ? `: ${states.map(branchText).join('; ')}` : ' (none found)';
  return [
    {
      severity: 'info',
      message: `No maintained stable branch as of ${settings.asOf}, so the repository may leave oversight${detail} (${CLAUSE}).`,
      evidence: { asOf: settings.asOf, branches: all },
    },
  ];
}

export const rule: RepositoryRule<'releases', 'repository'> = {
  scope: 'repository',
  meta: {
    id: 'removal',
    clause: 'Deprecation',
    title: 'Removals drop only future non-patch releases; maintained branches stay covered.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['removal'],
  },
  appliesTo: (change) => change.kind === 'removed' || change.entry.declared.removal !== undefined,
  needs: () => ['releases'],
  wants: () => ['repository'],
  check({ change, evidence, missing, settings }): RuleResult[] {
    const coverage = branchCoverage(evidence.releases, evidence.repository, settings.asOf);
    if (change.kind === 'removed') {
      return checkDeleted({
        change,
        coverage,
        settings,
        releases: evidence.releases,
        repository: evidence.repository,
        repositoryMissing: missing.repository,
      });
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
        coverage: coverageText(coverage),
      }),
    ];
  },
};
