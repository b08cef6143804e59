import { compareText } from '../util/compare';
import type { Proposal } from '../diff/model';
import type {
  Evidence,
  EvidenceKind,
  EvidenceMap,
  EvidenceProvider,
  RepositoryMirror,
} from '../evidence/types';
import type { ConfigChange } from '../evidence/config-change';
import type { Finding, RuleId, Severity } from '../findings/finding';
import type { DeclaredField } from '../list/model';
import type {
  AnyRepositoryRule,
  ListRule,
  RepositoryChange,
  RepositoryRule,
  RuleResult,
  RunSettings,
} from '../rules/types';
import { onMirror } from '../openstack/cite';
import { baseListUnreadable, evidenceUnavailable } from './unavailable';
import { effectiveRule, type EffectiveRule } from './severity';
import type { MissingEvidence, SeverityOverrides } from './types';

export interface EvaluationInput {
  proposal: Proposal;
  changes: RepositoryChange[];
  listRules: readonly ListRule[];
  repositoryRules: readonly AnyRepositoryRule[];
  provider: EvidenceProvider;
  settings: RunSettings;
  severities?: SeverityOverrides;
  /** Called after each repository is judged. */
  onRepositoryDone?: (repository: string) => void;
  /** What the change does to `.vmt-oversight.yaml`, when it edits it. */
  configChange?: ConfigChange;
  /** Repositories judged at once (default `REPOSITORY_CONCURRENCY`). */
  concurrency?: number;
}

/**
 * Repositories judged at once by default. An audit forgets each repository's evidence once it
 * is judged, so this bounds the evidence it holds; git processes are bounded on their own.
 */
export const REPOSITORY_CONCURRENCY = 4;

function defaultSeverities(input: EvaluationInput): Partial<Record<RuleId, Severity>> {
  const rules = [...input.listRules, ...input.repositoryRules];
  return Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
}

/** Runs every rule and returns the findings, sorted. */
export async function evaluate(input: EvaluationInput): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of input.listRules) {
    const effective = effectiveRule(rule.meta, input.severities);
    if (!effective.enabled) continue;
    const results = rule.check({
      proposal: input.proposal,
      settings: input.settings,
      ruleDefaults: defaultSeverities(input),
      ...(input.configChange ? { configChange: input.configChange } : {}),
    });
    findings.push(...results.map((r) => toFinding(rule, effective, r, null, input.settings)));
  }
  const unreadableBase = baseListUnreadable(input.proposal, removalBlocks(input), input.settings);
  if (unreadableBase) findings.push(unreadableBase);
  const pending = countByRepository(input.changes);
  input.provider.expect?.(pending.size);
  const limit = input.concurrency ?? REPOSITORY_CONCURRENCY;
  const perRepository = await mapLimit(input.changes, limit, async (change, index) => {
    // The one that starts about when this one ends: its evidence can be read meanwhile.
    const upcoming = input.changes[index + limit];
    if (upcoming) hintAhead(upcoming, input);
    const found = await judgeRepository(change, input);
    const left = (pending.get(change.repository) ?? 1) - 1;
    pending.set(change.repository, left);
    // Judged for the last time: its evidence need not stay in memory to the end of the run.
    if (left === 0) input.provider.forget?.(change.repository);
    input.onRepositoryDone?.(change.repository);
    return found;
  });
  findings.push(...perRepository.flat());
  return sortFindings(findings);
}

/** Tells the provider of a change to judge soon, with the evidence its enabled rules ask. */
function hintAhead(change: RepositoryChange, input: EvaluationInput): void {
  if (!input.provider.prefetch) return;
  const kinds = new Set<EvidenceKind>();
  for (const rule of input.repositoryRules) {
    if (!rule.appliesTo(change) || !effectiveRule(rule.meta, input.severities).enabled) continue;
    for (const kind of [...rule.needs(change), ...rule.wants(change)]) kinds.add(kind);
  }
  if (kinds.size > 0) input.provider.prefetch(change.repository, [...kinds]);
}

function countByRepository(changes: readonly RepositoryChange[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const change of changes)
    counts.set(change.repository, (counts.get(change.repository) ?? 0) + 1);
  return counts;
}

async function judgeRepository(
  change: RepositoryChange,
  input: EvaluationInput,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of input.repositoryRules) {
    const judged = await judgeRule(rule, change, input);
    findings.push(...judged.map((j) => j.finding));
  }
  return findings;
}

/** A finding with the message a defined rule reported (what a strict rule test compares). */
export interface JudgedFinding {
  finding: Finding;
  messageId?: string;
  data?: Readonly<Record<string, string | number>>;
  /** The declared field the finding is about. */
  field?: DeclaredField;
}

type RuleInput = Pick<EvaluationInput, 'provider' | 'settings' | 'severities'>;

/** One rule on one change, gated exactly as a run gates it: evidence, severity, scope. */
export async function judgeRule<K extends EvidenceKind, W extends EvidenceKind>(
  rule: RepositoryRule<K, W>,
  change: RepositoryChange,
  input: RuleInput,
): Promise<JudgedFinding[]> {
  if (!rule.appliesTo(change)) return [];
  const effective = effectiveRule(rule.meta, input.severities);
  if (!effective.enabled) return [];
  const unavailable = (missing: MissingEvidence): JudgedFinding => ({
    finding: evidenceUnavailable(
      rule.meta,
      missingBlocks(rule, effective, change),
      change,
      missing,
      input.settings,
    ),
  });
  const needs = rule.needs(change);
  const needed = await gather(input.provider, needs, change.repository);
  // Each kind is either available or missing, so this is exactly "nothing needed is missing".
  if (!hasEvery(needed.available, needs)) return needed.missing.map(unavailable);
  const wanted = await gather(input.provider, rule.wants(change), change.repository);
  const missing: Partial<Record<W, string>> = {};
  for (const m of wanted.missing) missing[m.kind] = m.reason;
  const evidence = { ...wanted.available, ...needed.available };
  let results: RuleResult[];
  try {
    results = rule.check({ change, evidence, missing, settings: input.settings });
  } catch (error) {
    // A rule that breaks on unexpected data has not judged: never a pass.
    const reason = `the rule failed on this evidence (${(error as Error).message})`;
    return [unavailable({ kind: null, source: 'rule', reason, internal: true })];
  }
  const mirror = (evidence as Partial<EvidenceMap>).repository?.mirror;
  if (mirror) results = results.map((result) => citedOnMirror(result, change.repository, mirror));
  return results.map((result) =>
    result.unavailable
      ? unavailable({ ...result.unavailable, source: SOURCE_OF[result.unavailable.kind] })
      : {
          finding: toFinding(rule, effective, result, change, input.settings),
          ...(result.messageId !== undefined ? { messageId: result.messageId } : {}),
          ...(result.data !== undefined ? { data: result.data } : {}),
          ...(result.field !== undefined ? { field: result.field } : {}),
        },
  );
}

/** A result whose facts of the candidate were read from its GitHub mirror cites the mirror. */
function citedOnMirror(
  result: RuleResult,
  repository: string,
  mirror: Pick<RepositoryMirror, 'url'>,
): RuleResult {
  if (result.citations === undefined) return result;
  return { ...result, citations: result.citations.map((c) => onMirror(c, repository, mirror)) };
}

const SOURCE_OF: Record<EvidenceKind, string> = {
  governance: 'governance',
  releases: 'releases',
  projectConfig: 'project-config',
  repository: 'repository',
  change: 'gerrit',
  launchpad: 'launchpad',
  coreReviewers: 'gerrit',
};

/**
 * Whether missing evidence blocks (an inconclusive verdict): only for a rule that can block, as
 * configured and by nature (team-consent's missing Gerrit data never blocks), and on a modified
 * entry only when the change touched a field the rule judges.
 */
function missingBlocks(
  rule: AnyRepositoryRule,
  effective: EffectiveRule,
  change: RepositoryChange,
): boolean {
  if (!effective.canBlock || !rule.meta.canBlock) return false;
  if (change.kind !== 'modified') return true;
  return (rule.meta.fields ?? []).some((field) => change.changedFields.includes(field));
}

/**
 * Whether unknown removals block: the removal rule judges them, so they do unless it is
 * configured off or non-blocking. A rule set without it (never the real registry) fails closed.
 */
function removalBlocks(input: EvaluationInput): boolean {
  const removal = input.repositoryRules.find((rule) => rule.meta.id === 'removal');
  if (!removal) return true;
  return removal.meta.canBlock && effectiveRule(removal.meta, input.severities).canBlock;
}

/** The evidence of the kinds `K`, each one present. */
type EvidenceOf<K extends EvidenceKind> = { [P in K]: EvidenceMap[P] };

/** What the provider answered for the kinds `K`: the values it had, and why the rest are missing. */
interface Gathered<K extends EvidenceKind> {
  available: Partial<EvidenceOf<K>>;
  missing: (MissingEvidence & { kind: K })[];
}

async function gather<K extends EvidenceKind>(
  provider: EvidenceProvider,
  kinds: readonly K[],
  repository: string,
): Promise<Gathered<K>> {
  const results = await Promise.all(
    kinds.map(async (kind) => [kind, await provider.get(kind, repository)] as const),
  );
  const gathered: Gathered<K> = { available: {}, missing: [] };
  for (const [kind, evidence] of results) record(gathered, kind, evidence);
  return gathered;
}

/** Whether every one of `kinds` was gathered (none missing): the rule may then be given it. */
function hasEvery<K extends EvidenceKind>(
  available: Partial<EvidenceOf<K>>,
  kinds: readonly K[],
): available is EvidenceOf<K> {
  return kinds.every((kind) => kind in available);
}

function record<K extends EvidenceKind, P extends K>(
  gathered: Gathered<K>,
  kind: P,
  evidence: Evidence<EvidenceMap[P]>,
): void {
  if (evidence.status === 'available') gathered.available[kind] = evidence.value;
  else {
    const { source, reason } = evidence;
    gathered.missing.push({
      kind,
      source,
      reason,
      ...(evidence.internal ? { internal: true } : {}),
    });
  }
}

function toFinding(
  rule: ListRule | AnyRepositoryRule,
  effective: EffectiveRule,
  result: RuleResult,
  change: RepositoryChange | null,
  settings: RunSettings,
): Finding {
  let severity = effective.severityOf(result.severity);
  if (!effective.canBlock && severity === 'error') severity = 'warning';
  if (severity === 'error' && !introducedByChange(change, result)) severity = 'warning';
  // A deleted entry has no line in the head file; its base line goes into the evidence.
  const removed = change?.kind === 'removed';
  const line = removed ? null : (result.line ?? change?.entry.location.line ?? null);
  const evidence = removed
    ? { ...result.evidence, lineAtBase: change.entry.location.line }
    : result.evidence;
  return {
    rule: rule.meta.id,
    clause: rule.meta.clause,
    severity,
    repository: result.repository ?? change?.repository ?? null,
    message: result.message,
    file: result.file ?? settings.listFile,
    line,
    evidence,
    ...(result.citations !== undefined && result.citations.length > 0
      ? { citations: [...result.citations] }
      : {}),
  };
}

/** A modified entry blocks only on the fields the change touched (DESIGN: only what it introduces). */
function introducedByChange(change: RepositoryChange | null, result: RuleResult): boolean {
  if (change?.kind !== 'modified') return true;
  return result.field !== undefined && change.changedFields.includes(result.field);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.repository ?? '', b.repository ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.rule, b.rule) ||
      compareText(a.message, b.message),
  );
}

/** Runs `work` over `items` with at most `limit` at once, keeping order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(runners);
  return results;
}
