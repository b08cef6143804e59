import { realpathSync } from 'node:fs';
import { namesOnChangedLines } from '../diff/change-size';
import { loadProposal } from '../diff/diff';
import { openRepository, type ListRepository } from '../diff/git';
import { resolveRevisions, type Revisions } from '../diff/revisions';
import { validateListPath } from '../diff/validate';
import type { Proposal } from '../diff/model';
import type { EvidenceProvider } from '../evidence/types';
import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import type { TrackerDeclaration } from '../list/model';
import type { SourceOptions } from '../sources/options';
import { visibleFinding } from '../findings/visible';
import type { RepositoryChange } from '../rules/types';
import { listRules, repositoryRules } from '../rules';
import { createEvidenceProvider } from '../sources';
import { TOOL_VERSION } from '../version';
import { repositoryChanges } from './changes';
import { evaluate, sortFindings } from './evaluate';
import type { CheckOptions } from './types';
import { verdictOf } from './verdict';

/** `vmt-oversight check`: diff the list, gather evidence, judge, and build the report. */
export async function runCheck(options: CheckOptions): Promise<Report> {
  // In loadProposal's order, so that the first error is the one it gives.
  if (options.list !== undefined) validateListPath(options.list);
  const repository = options.repository ?? (await openRepository(options.repo));
  const revisions = options.revisions ?? (await resolveRevisions(repository, options));
  // Filled from the head list once it is parsed, before any rule asks Launchpad.
  const trackers = new Map<string, TrackerDeclaration>();
  const early = earlySources(options, repository, revisions);
  const provider = early && createEvidenceProvider({ ...early, declaredTrackers: trackers });
  const warmUp = provider && early ? prefetchRunData(provider, early) : undefined;
  const proposal = await loadProposal({
    repo: options.repo,
    ...(options.list !== undefined ? { list: options.list } : {}),
    repository,
    revisions,
    ...(warmUp ? { warmUp } : {}),
    ...(provider
      ? { onRead: (base: Buffer, head: Buffer) => guessSize(provider, base, head) }
      : {}),
  });
  for (const [name, tracker] of declaredTrackers(proposal)) trackers.set(name, tracker);
  const sources = early ?? governanceAtBase(options, repository, revisions);
  return judgeProposal(
    proposal,
    repositoryChanges(proposal),
    provider ?? createEvidenceProvider({ ...sources, declaredTrackers: trackers }),
    { ...options, sources, concurrency: CHECK_CONCURRENCY },
  );
}

/**
 * Repositories a check judges at once. A check judges tens of repositories, each waiting on
 * git most of the time: with more in flight the main thread judges one while others wait
 * (git processes stay bounded by the git layer's own limit). An audit keeps the default, which
 * bounds the evidence it holds.
 */
const CHECK_CONCURRENCY = 8;

/** Repositories hinted from the lists' bytes, at most: some room is left (see MAX_AHEAD) for the engine, which hints the rest as it goes. */
const EARLY_HINTS = 48;

/**
 * Tells the provider early which repositories the change looks to add or remove: it can start
 * its parsing thread, and read their refs there while this thread parses the data files and
 * the lists.
 */
function guessSize(provider: EvidenceProvider, base: Buffer, head: Buffer): void {
  try {
    const names = namesOnChangedLines(base, head);
    provider.expectAbout?.(names.length);
    for (const name of names.slice(0, EARLY_HINTS)) provider.prefetch?.(name, ['repository']);
  } catch {
    // A hint that fails is no hint: the lists are read and judged all the same.
  }
}

/** The sources before the lists are read; null when that fails (it fails after, as it did). */
function earlySources(
  options: CheckOptions,
  repository: ListRepository,
  revisions: Revisions,
): SourceOptions | null {
  try {
    return governanceAtBase(options, repository, revisions);
  } catch {
    return null;
  }
}

/**
 * Starts reading governance and project-config (git, then parsing whole files) while git reads
 * the lists, instead of after them; settles when both are read, for the lists to be parsed
 * after them. The first answer of each source reads its files for the run; this one, for no
 * repository, is thrown away (a failure is the next reader's to report). Only checkouts given
 * on the command line: a clone into the git cache is not started before the lists are known
 * to be readable.
 */
function prefetchRunData(provider: EvidenceProvider, sources: SourceOptions): Promise<unknown> {
  const given = { governance: sources.governance, projectConfig: sources.projectConfig };
  const reads = (['governance', 'projectConfig'] as const)
    .filter((kind) => given[kind] !== undefined)
    .map((kind) => provider.get(kind, '').catch(() => undefined));
  return Promise.all(reads);
}

/** The trackers the entries at head declare, so Launchpad is asked about the names they give. */
export function withDeclaredTrackers(
  sources: SourceOptions,
  proposal: Pick<Proposal, 'headList'>,
): SourceOptions {
  const trackers = declaredTrackers(proposal);
  return trackers.size > 0 ? { ...sources, declaredTrackers: trackers } : sources;
}

function declaredTrackers(proposal: Pick<Proposal, 'headList'>): Map<string, TrackerDeclaration> {
  const trackers = new Map<string, TrackerDeclaration>();
  for (const entry of proposal.headList.entries) {
    const tracker = entry.declared.tracker;
    if (tracker) trackers.set(entry.name, tracker);
  }
  return trackers;
}

/**
 * A governance-format list lives in openstack/governance itself: when `--governance` is the list
 * repository, its data is read at the base revision, so a change cannot make a repository
 * official and tag it in one go.
 */
function governanceAtBase(
  options: CheckOptions,
  repository: ListRepository,
  revisions: Revisions,
): SourceOptions {
  const governance = options.sources.governance;
  if (governance === undefined) return options.sources;
  if (realpathSync(governance) !== realpathSync(repository.root)) return options.sources;
  const governanceRevision = revisions.base.commit ?? 'the base revision (the list is new)';
  return { ...options.sources, governanceRevision };
}

/** Judges the given repository changes of a loaded proposal with the given evidence. */
export async function judgeProposal(
  proposal: Proposal,
  changes: RepositoryChange[],
  provider: EvidenceProvider,
  options: Pick<CheckOptions, 'sources' | 'severities' | 'progress' | 'configChange'> & {
    /** Repositories judged at once (see `evaluate`). */
    concurrency?: number;
  },
): Promise<Report> {
  options.progress?.onStart?.(changes.length);
  const findings = await evaluate({
    proposal,
    changes,
    listRules,
    repositoryRules,
    provider,
    settings: { asOf: options.sources.asOf, listFile: proposal.listPath, format: proposal.format },
    ...(options.severities ? { severities: options.severities } : {}),
    ...(options.progress?.onRepositoryDone
      ? { onRepositoryDone: options.progress.onRepositoryDone }
      : {}),
    ...(options.configChange ? { configChange: options.configChange } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  const all = sortFindings(findings);
  return buildReport(proposal, all, options.sources.asOf);
}

export function buildReport(proposal: Proposal, findings: Finding[], asOf: string): Report {
  return {
    tool: { name: 'vmt-oversight', version: TOOL_VERSION },
    list: { path: proposal.listPath, format: proposal.format },
    base: proposal.base.commit ?? proposal.base.label,
    ...(proposal.base.commit !== null ? { baseLabel: proposal.base.label } : {}),
    head: proposal.head.commit ?? proposal.head.label,
    asOf,
    changes: {
      added: proposal.added.map((e) => e.name),
      removed: proposal.removed.map((e) => e.name),
      modified: proposal.modified.map((m) => m.after.name),
    },
    findings: findings.map(visibleFinding),
    ...verdictOf(findings),
  };
}
