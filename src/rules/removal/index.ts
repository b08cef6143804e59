import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { RepositoryChange, RunSettings } from '../types';
import type { BranchState, Coverage, UnresolvedBranch } from '../../openstack/branches';
import {
  branchCoverage,
  branchSummary,
  branchText,
  branchValue,
  leavesOn,
} from '../../openstack/branches';
import { sample } from '../../openstack/evidence';
import { defineRule, type RuleOut } from '../define';
import { citeEntry } from '../evidence-values';
import { citeBranch, citeBranches, citeNoStableBranch } from './cite';
import { noBranchProof, unprovenReason, type NoBranchProof } from './no-branch';
import { retirementOf, type Retirement } from './retired';
import { checkScheduled, SCHEDULED_MESSAGES } from './scheduled';
import { judgeWidened, WIDENED_MESSAGES } from './widened';

// Unavailable reasons are shown as they are (the engine appends no clause to them).
const CLAUSE = 'policy, Deprecation';

const STILL_MAINTAINED =
  'Deleted while {{branch}} ({{series}}) is still maintained as of {{asOf}}{{caveats}}, ' +
  '{{leaves}}: maintained branches stay covered until they become unmaintained or reach end of ' +
  'life.';

const DELETED_MESSAGES = {
  deletedWhileMaintained:
    `${STILL_MAINTAINED} Keep the entry and schedule the removal with removal.effective ` +
    '(a future X.Y.0 release) instead; delete it {{when}}.',
  deletedWhileMaintainedScheduled:
    `${STILL_MAINTAINED} Keep the entry (its removal at {{effective}} is scheduled) and delete ` +
    'it {{when}}.',
  deletedWhileMaintainedRst: `${STILL_MAINTAINED} Keep the entry and delete it {{when}}.`,
  retiredWhileMaintained:
    'Deleted while {{branch}} ({{series}}) is still maintained as of {{asOf}}{{caveats}}, ' +
    '{{leaves}}, but the repository is retired: {{retired}}. No team is left to fix ' +
    'vulnerabilities on that branch, so it cannot stay covered ("if at all possible"); the ' +
    'change should say that {{branch}} leaves oversight before it leaves maintenance.',
  retiredUnsettled:
    'The repository is retired ({{retired}}), so no team is left to cover its branches; ' +
    'whether {{branches}} was still maintained on {{asOf}} cannot be established, and if it ' +
    'was it cannot stay covered either ({{why}}).',
  noMaintainedBranch:
    'No maintained stable branch as of {{asOf}}, so the repository may leave oversight: ' +
    '{{branches}}.',
  noStableBranch:
    'No maintained stable branch as of {{asOf}}, so the repository may leave oversight: it had ' +
    'no stable branch then ({{proof}}).',
} as const;

type DeletedMessageId = keyof typeof DELETED_MESSAGES;

/** Where a deletion's findings go: the rule context's `report` and `unavailable`. */
type DeletedReporter = RuleOut<DeletedMessageId>;

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
function undeterminedWhy(state: BranchState): string {
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
 * Why the state on the date of every branch releases data cannot settle is unknown (null if
 * none): a git checkout of the releases data (or the repository) can settle it.
 */
function undeterminedReason(states: readonly BranchState[], settings: RunSettings): string | null {
  const [first, ...others] = states.filter((s) => s.undetermined);
  if (!first) return null;
  const branches = [first, ...others];
  const why =
    others.length === 0
      ? undeterminedWhy(first)
      : 'it is newer than the date, and without the repository nothing dated tells when each branch left maintenance';
  return (
    `the maintenance state of ${sample(branches.map(branchWithSeries))} on ${settings.asOf} ` +
    `cannot be established from releases data that is not a git checkout: ${why}. ` +
    `Pass a git checkout of openstack/releases as --releases (or --repos-root with the ` +
    `repository) to decide; until then the deletion cannot be allowed, as maintained branches ` +
    `stay covered (${CLAUSE})`
  );
}

const SETTLE: Record<UnresolvedBranch['kind'], string> = {
  releases:
    'pass releases data whose series_status.yaml names every series with its release-id ' +
    '(a git checkout of openstack/releases as --releases)',
  repository: 'pass a complete (not shallow) clone of the repository under --repos-root',
};

/**
 * Why the stable branches whose coverage cannot be judged at all leave the deletion unsettled
 * (null if none): a series the data cannot name, or a branch git cannot date.
 */
function unresolvedReason(
  unresolved: readonly UnresolvedBranch[],
  asOf: string,
): { kind: UnresolvedBranch['kind']; reason: string } | null {
  const [first] = unresolved;
  if (!first) return null;
  const shown = unresolved.slice(0, 5).map((u) => `${u.branch}: ${u.reason}`);
  const more =
    unresolved.length > shown.length ? `; and ${unresolved.length - shown.length} more` : '';
  const each = `${shown.join('; ')}${more}`;
  const settle = [...new Set(unresolved.map((u) => SETTLE[u.kind]))].join(', and ');
  const reason =
    `whether ${sample(unresolved.map((u) => u.branch))} is a stable branch still maintained on ` +
    `${asOf} cannot be established (${each}). To decide, ${settle}; until then the deletion ` +
    `cannot be allowed, as maintained branches stay covered (${CLAUSE})`;
  return { kind: first.kind, reason };
}

/**
 * Why nothing settles the deletion when there is no repository and the releases data records no
 * stable branch: nothing says whether one is maintained. Never "no maintained branch".
 */
function noBranchesReason(
  change: RepositoryChange,
  releases: ReleasesFacts,
  repositoryMissing: string | undefined,
  asOf: string,
): { kind: UnresolvedBranch['kind']; reason: string } {
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
  return { kind, reason };
}

/** When the entry may be deleted: the covered branch's leaving date, if known. */
function deleteWhen(state: BranchState): string {
  const leaves = leavesOn(state);
  return leaves ? `on or after ${leaves.date}` : 'once it leaves maintenance';
}

interface DeletedInput {
  change: RepositoryChange;
  /** Governance records the repository as retired on the date (null: not, or not known). */
  retirement: Retirement | null;
  coverage: Coverage;
  settings: RunSettings;
  releases: ReleasesFacts;
  repository: RepositoryFacts | undefined;
  repositoryMissing: string | undefined;
}

/** The error for a branch still covered, with what to do instead for the list's format. */
function reportCovered(
  input: DeletedInput,
  state: BranchState,
  covered: string[],
  out: DeletedReporter,
): void {
  const { change, settings } = input;
  const data = {
    branch: state.branch,
    series: state.series.series.name,
    asOf: settings.asOf,
    caveats: `${inferenceText(state)}${ignoredTagsText(state)}`,
    leaves: leaveText(state),
    when: deleteWhen(state),
  };
  // A branch deleted since the date is shown by what it left behind: cite that.
  const presence = state.presence.map((p) => p.citation);
  const finding = {
    severity: 'error',
    cite: { branch: branchValue(state), asOf: settings.asOf, stillCovered: covered },
    citations: [
      citeEntry(change, `entry ${change.repository}, deleted by the change`),
      ...citeBranch(state, change.repository, input.repository),
      ...presence,
    ],
  } as const;
  const scheduled = change.before?.declared.removal?.effective;
  if (settings.format !== 'native') {
    out.report({ ...finding, messageId: 'deletedWhileMaintainedRst', data });
  } else if (scheduled) {
    const effective = String(scheduled);
    out.report({
      ...finding,
      messageId: 'deletedWhileMaintainedScheduled',
      data: { ...data, effective },
    });
  } else {
    out.report({ ...finding, messageId: 'deletedWhileMaintained', data });
  }
}

/** The note that no stable branch is maintained any more: the entry may go. */
function reportNoneMaintained(
  input: DeletedInput,
  proof: NoBranchProof | null,
  out: DeletedReporter,
): void {
  const { states } = input.coverage;
  const { asOf } = input.settings;
  const name = input.change.repository;
  // Full series detail where it matters; end-of-life history stays one line per branch.
  const branches = states.map((s) =>
    s.series.status === 'end of life' ? branchSummary(s) : branchValue(s),
  );
  const cite = { asOf, branches };
  if (states.length === 0 && proof) {
    out.report({
      severity: 'info',
      messageId: 'noStableBranch',
      data: { asOf, proof: proof.text },
      cite,
      citations: [...citeNoStableBranch(name, input.repository, asOf), ...proof.citations],
    });
    return;
  }
  out.report({
    severity: 'info',
    messageId: 'noMaintainedBranch',
    data: { asOf, branches: states.map(branchText).join('; ') },
    cite,
    citations: citeBranches(states, name, input.repository),
  });
}

/**
 * A retired repository's deletion: every branch still covered is a warning naming it and when it
 * leaves maintenance, and what cannot be settled is a warning too, since no team is left to
 * cover any branch. Returns false when there is nothing of the kind (the usual note follows).
 */
function reportRetired(input: DeletedInput, retirement: Retirement, out: DeletedReporter): boolean {
  const { settings } = input;
  const { states, unresolved } = input.coverage;
  const base = { severity: 'warning', citations: [retirement.citation] } as const;
  const name = input.change.repository;
  const covered = states.filter((s) => s.covered);
  for (const state of covered) {
    out.report({
      ...base,
      citations: [retirement.citation, ...citeBranch(state, name, input.repository)],
      messageId: 'retiredWhileMaintained',
      data: {
        branch: state.branch,
        series: state.series.series.name,
        asOf: settings.asOf,
        caveats: `${inferenceText(state)}${ignoredTagsText(state)}`,
        leaves: leaveText(state),
        retired: retirement.text,
      },
      cite: { branch: branchValue(state), asOf: settings.asOf, ...retirement.cite },
    });
  }
  const unsettled = [
    ...states.filter((s) => s.undetermined).map((s) => s.branch),
    ...unresolved.map((u) => u.branch),
  ];
  const none = states.length === 0 && unresolved.length === 0;
  const unproven = none && input.repository && !proofOf(input) ? input.repository : null;
  const noBranches = none && (!input.repository || unproven !== null);
  if (unsettled.length === 0 && !noBranches) return covered.length > 0;
  const noRepository = `no repository to read branches from (${input.repositoryMissing ?? 'not provided'}) and no stable branch in the releases data`;
  const why = noBranches
    ? unproven
      ? unprovenReason(unproven, settings.asOf)
      : noRepository
    : sample([
        ...states
          .filter((s) => s.undetermined)
          .map(
            (s) =>
              `${s.branch}: the releases data is newer than the date and nothing dated tells when it left maintenance`,
          ),
        ...unresolved.map((u) => `${u.branch}: ${u.reason}`),
      ]);
  const undetermined = states.filter((s) => s.undetermined);
  out.report({
    ...base,
    citations: [retirement.citation, ...citeBranches(undetermined, name, input.repository)],
    messageId: 'retiredUnsettled',
    data: {
      retired: retirement.text,
      branches: noBranches ? 'any stable branch' : sample(unsettled),
      asOf: settings.asOf,
      why,
    },
    cite: {
      asOf: settings.asOf,
      unsettled: noBranches ? [] : unsettled,
      ...retirement.cite,
    },
  });
  return true;
}

function checkDeleted(input: DeletedInput, out: DeletedReporter): void {
  const { change, settings } = input;
  const { states, unresolved } = input.coverage;
  if (input.retirement && reportRetired(input, input.retirement, out)) return;
  const covered = states.filter((s) => s.covered);
  const undetermined = undeterminedReason(states, settings);
  const unjudged = unresolvedReason(unresolved, settings.asOf);
  if (covered.length > 0 || undetermined || unjudged) {
    const names = covered.map((c) => c.branch);
    for (const state of covered) reportCovered(input, state, names, out);
    if (undetermined) out.unavailable('releases', undetermined);
    if (unjudged) out.unavailable(unjudged.kind, unjudged.reason);
    return;
  }
  if (!input.repository && states.length === 0) {
    const none = noBranchesReason(change, input.releases, input.repositoryMissing, settings.asOf);
    out.unavailable(none.kind, none.reason);
    return;
  }
  const proof = proofOf(input);
  if (states.length === 0 && !proof && input.repository) {
    out.unavailable('releases', unprovenReason(input.repository, settings.asOf));
    return;
  }
  reportNoneMaintained(input, proof, out);
}

/** Why the repository had no stable branch on the date, when the evidence shows it. */
function proofOf(input: DeletedInput): NoBranchProof | null {
  if (!input.repository) return null;
  return noBranchProof(input.releases, input.repository, input.settings.asOf);
}

export const rule = defineRule({
  scope: 'repository',
  meta: {
    id: 'removal',
    clause: 'Deprecation',
    title: 'Removals drop only future non-patch releases; maintained branches stay covered.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['removal'],
    needs: ['releases'],
    wants: ['repository', 'governance', 'projectConfig'],
    messages: { ...DELETED_MESSAGES, ...SCHEDULED_MESSAGES, ...WIDENED_MESSAGES },
  },
  appliesTo: (change) => change.kind === 'removed' || change.entry.declared.removal !== undefined,
  check({ change, evidence, missing, settings, report, unavailable }) {
    if (judgeWidened(change, evidence.governance, missing.governance, { report, unavailable })) {
      return;
    }
    const coverage = branchCoverage(evidence.releases, evidence.repository, settings.asOf);
    const out = { report, unavailable };
    if (change.kind === 'removed') {
      checkDeleted(
        {
          change,
          retirement: retirementOf(evidence.governance, evidence.projectConfig, settings.asOf),
          coverage,
          settings,
          releases: evidence.releases,
          repository: evidence.repository,
          repositoryMissing: missing.repository,
        },
        out,
      );
      return;
    }
    const removal = change.entry.declared.removal;
    if (!removal) return;
    checkScheduled(
      {
        change,
        effective: String(removal.effective),
        releases: evidence.releases,
        repository: evidence.repository,
        repositoryMissing: missing.repository,
        asOf: settings.asOf,
        coverage: coverageText(coverage),
        coverageCitations: citeBranches(
          coverage.states.filter((s) => s.covered),
          change.repository,
          evidence.repository,
        ),
      },
      out,
    );
  },
});
