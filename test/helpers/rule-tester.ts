/**
 * The strict rule tester (ESLint's RuleTester, for our rules): every case runs through the real
 * engine (`judgeRule`: evidence gating, severities, scope, the evidence-unavailable factory) with
 * evidence from the table, and must produce exactly the findings it lists — messageId, data,
 * severity, field and line. It fails on unknown keys, duplicate case names, an invalid case that
 * reports no error, a valid case that reports one, and a message of the rule no case produces.
 */
import { isDeepStrictEqual } from 'node:util';
import { computeProposal } from '../../src/diff/compute';
import type { Proposal } from '../../src/diff/model';
import { judgeRule, type JudgedFinding } from '../../src/engine/evaluate';
import type {
  Evidence,
  EvidenceKind,
  EvidenceMap,
  EvidenceProvider,
  SourceId,
} from '../../src/evidence/types';
import type { Citation, Severity } from '../../src/findings/finding';
import type { DeclaredField, ListFormat, OversightList } from '../../src/list/model';
import {
  engineListRule,
  engineRepositoryRule,
  type DefinedListRule,
  type DefinedListRuleContext,
  type DefinedRepositoryRule,
} from '../../src/rules/define';
import type { RepositoryChange } from '../../src/rules/types';
import type { SeverityOverrides } from '../../src/engine/types';
import { LIST_FILE } from './evidence-fixtures';

/** A finding the case expects, in the order the rule reports them. */
export interface ExpectedMessage<M extends string> {
  messageId: M;
  data?: Readonly<Record<string, string | number>>;
  severity: Severity;
  field?: DeclaredField;
  /** The list line; by default the entry's. */
  line?: number | null;
  /** The facts it cites, exactly and in order. */
  citations?: readonly Citation[];
}

/** An `evidence-unavailable` the case expects (from the engine's gate or the rule itself). */
export interface ExpectedUnavailable {
  unavailable: EvidenceKind;
  severity?: Severity;
  /** A part of the reason, or a pattern it must match. */
  reason?: string | RegExp;
}

export type Expected<M extends string> = ExpectedMessage<M> | ExpectedUnavailable;

export interface RuleTestCase<M extends string> {
  name: string;
  change: RepositoryChange;
  /** Evidence by kind; a kind left out is unavailable (with `missing[kind]` as its reason). */
  evidence?: Partial<EvidenceMap>;
  missing?: Partial<Record<EvidenceKind, string>>;
  asOf?: string;
  format?: ListFormat;
  severities?: SeverityOverrides;
  expect: Expected<M>[];
}

const CASE_KEYS = new Set([
  'name',
  'change',
  'evidence',
  'missing',
  'asOf',
  'format',
  'severities',
  'expect',
]);
const MESSAGE_KEYS = new Set(['messageId', 'data', 'severity', 'field', 'line', 'citations']);
const UNAVAILABLE_KEYS = new Set(['unavailable', 'severity', 'reason']);

const SOURCE_OF: Record<EvidenceKind, SourceId> = {
  governance: 'governance',
  releases: 'releases',
  projectConfig: 'project-config',
  repository: 'repository',
  change: 'gerrit',
  launchpad: 'launchpad',
  coreReviewers: 'gerrit',
};

/** A provider that answers from the table: given kinds are available, the rest are not. */
export function tableProvider(testCase: Pick<RuleTestCase<string>, 'evidence' | 'missing'>) {
  const provider: EvidenceProvider = {
    get<K extends EvidenceKind>(kind: K): Promise<Evidence<EvidenceMap[K]>> {
      const value = testCase.evidence?.[kind] as EvidenceMap[K] | undefined;
      if (value !== undefined) return Promise.resolve({ status: 'available', value });
      const reason = testCase.missing?.[kind] ?? `no ${kind} data in this case`;
      return Promise.resolve({ status: 'unavailable', source: SOURCE_OF[kind], reason });
    },
  };
  return provider;
}

/** Runs one case through the engine. */
export function judgeCase<M extends string>(
  rule: DefinedRepositoryRule<EvidenceKind, EvidenceKind, M>,
  testCase: RuleTestCase<M>,
): Promise<JudgedFinding[]> {
  return judgeRule(engineRepositoryRule(rule), testCase.change, {
    provider: tableProvider(testCase),
    settings: {
      asOf: testCase.asOf ?? '2026-08-21',
      listFile: LIST_FILE,
      format: testCase.format ?? 'native',
    },
    ...(testCase.severities ? { severities: testCase.severities } : {}),
  });
}

/** What differs between the findings and the expectations; empty when they agree. */
export function differences<M extends string>(
  judged: readonly JudgedFinding[],
  expected: readonly Expected<M>[],
  defaultLine: number | null,
): string[] {
  const problems: string[] = [];
  if (judged.length !== expected.length) {
    problems.push(
      `expected ${expected.length} findings, got ${judged.length}: ` +
        judged.map(describe).join(' | '),
    );
  }
  expected.forEach((want, i) => {
    const got = judged[i];
    if (got) problems.push(...compareOne(got, want, defaultLine, i));
  });
  return problems;
}

function compareOne<M extends string>(
  got: JudgedFinding,
  want: Expected<M>,
  defaultLine: number | null,
  index: number,
): string[] {
  const where = `finding ${index} (${describe(got)})`;
  const problems: string[] = [];
  const { finding } = got;
  if ('unavailable' in want) {
    strictKeys(want, UNAVAILABLE_KEYS, `expected ${index}`);
    if (finding.rule !== 'evidence-unavailable') return [`${where}: is not evidence-unavailable`];
    if (finding.evidence.kind !== want.unavailable) {
      problems.push(`${where}: unavailable kind is not ${want.unavailable}`);
    }
    if (want.severity !== undefined && finding.severity !== want.severity) {
      problems.push(`${where}: severity is not ${want.severity}`);
    }
    if (!matches(String(finding.evidence.reason), want.reason)) {
      problems.push(`${where}: reason does not match ${String(want.reason)}`);
    }
    if ((finding.citations ?? []).length === 0) problems.push(`${where}: cites no source`);
    return problems;
  }
  strictKeys(want, MESSAGE_KEYS, `expected ${index}`);
  if (got.messageId !== want.messageId)
    problems.push(`${where}: messageId is not ${want.messageId}`);
  if (finding.severity !== want.severity)
    problems.push(`${where}: severity is not ${want.severity}`);
  if (JSON.stringify(got.data ?? {}) !== JSON.stringify(want.data ?? {})) {
    problems.push(
      `${where}: data ${JSON.stringify(got.data ?? {})} is not ${JSON.stringify(want.data ?? {})}`,
    );
  }
  const line = want.line === undefined ? defaultLine : want.line;
  if (finding.line !== line) problems.push(`${where}: line ${finding.line} is not ${line}`);
  if (got.field !== want.field) {
    problems.push(`${where}: field ${String(got.field)} is not ${String(want.field)}`);
  }
  if (Object.keys(finding.evidence).length === 0) problems.push(`${where}: has no evidence`);
  if ((finding.citations ?? []).length === 0) problems.push(`${where}: cites no fact`);
  if (want.citations !== undefined && !isDeepStrictEqual(finding.citations, want.citations)) {
    const [got, wanted] = [finding.citations, want.citations].map((c) => JSON.stringify(c));
    problems.push(`${where}: citations ${got} are not ${wanted}`);
  }
  return problems;
}

function matches(text: string, pattern: string | RegExp | undefined): boolean {
  if (pattern === undefined) return true;
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

function describe(judged: JudgedFinding): string {
  const { finding } = judged;
  return `[${finding.severity}] ${judged.messageId ?? finding.rule}: ${finding.message}`;
}

function strictKeys(object: object, allowed: ReadonlySet<string>, what: string): void {
  const unknown = Object.keys(object).filter((key) => !allowed.has(key));
  if (unknown.length > 0) throw new Error(`${what}: unknown key(s) ${unknown.join(', ')}`);
}

function hasError(expected: readonly Expected<string>[]): boolean {
  return expected.some(
    (e) => (e.severity ?? ('unavailable' in e ? 'error' : undefined)) === 'error',
  );
}

/**
 * Declares the jest tests of a rule: `valid` cases report no error, `invalid` cases at least
 * one; every message the rule declares must be produced by some case.
 */
export function testRule<M extends string>(
  rule: DefinedRepositoryRule<EvidenceKind, EvidenceKind, M>,
  cases: { valid: RuleTestCase<M>[]; invalid: RuleTestCase<M>[] },
): void {
  const all = [...cases.valid, ...cases.invalid];
  const produced = new Set<string>();
  globalThis.describe(rule.meta.id, () => {
    it('has well-formed, uniquely named cases', () => {
      const names = all.map((c) => c.name);
      const repeated = names.filter((name, i) => names.indexOf(name) !== i);
      expect(repeated).toEqual([]);
      for (const testCase of all) strictKeys(testCase, CASE_KEYS, `case '${testCase.name}'`);
      for (const testCase of cases.invalid) {
        if (!hasError(testCase.expect)) {
          throw new Error(`invalid case '${testCase.name}' expects no error`);
        }
      }
      for (const testCase of cases.valid) {
        if (hasError(testCase.expect)) {
          throw new Error(`valid case '${testCase.name}' expects an error`);
        }
      }
    });

    it.each(all.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
      const judged = await judgeCase(rule, testCase);
      for (const j of judged) if (j.messageId !== undefined) produced.add(j.messageId);
      const defaultLine =
        testCase.change.kind === 'removed' ? null : testCase.change.entry.location.line;
      expect(differences(judged, testCase.expect, defaultLine)).toEqual([]);
    });

    it('produces every message it declares', () => {
      const never = Object.keys(rule.meta.messages).filter((id) => !produced.has(id));
      expect(never).toEqual([]);
    });
  });
}

/** A case of a list rule: the proposal-wide facts it judges, and the findings it must give. */
export interface ListRuleTestCase<M extends string> {
  name: string;
  context: Omit<DefinedListRuleContext<M>, 'report' | 'settings' | 'ruleDefaults'> & {
    ruleDefaults?: DefinedListRuleContext<M>['ruleDefaults'];
  };
  expect: (ExpectedMessage<M> & { file?: string; cite?: Readonly<Record<string, unknown>> })[];
}

/** The strict tester for list rules (the list, the configuration file): same rules as testRule. */
export function testListRule<M extends string>(
  rule: DefinedListRule<M>,
  cases: { valid: ListRuleTestCase<M>[]; invalid: ListRuleTestCase<M>[] },
): void {
  const all = [...cases.valid, ...cases.invalid];
  const produced = new Set<string>();
  const errs = (c: ListRuleTestCase<M>) => c.expect.some((e) => e.severity === 'error');
  globalThis.describe(rule.meta.id, () => {
    it('has well-formed, uniquely named cases', () => {
      const names = all.map((c) => c.name);
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
      expect(cases.invalid.filter((c) => !errs(c)).map((c) => c.name)).toEqual([]);
      expect(cases.valid.filter(errs).map((c) => c.name)).toEqual([]);
    });
    it.each(all.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
      const results = engineListRule(rule).check({
        ruleDefaults: {},
        ...testCase.context,
        settings: { asOf: '2026-08-21', listFile: LIST_FILE, format: 'native' },
      });
      for (const r of results) if (r.messageId !== undefined) produced.add(r.messageId);
      const got = results.map((r) => ({
        messageId: r.messageId,
        data: r.data ?? {},
        severity: r.severity,
        ...(r.line !== undefined ? { line: r.line } : {}),
        ...(r.file !== undefined ? { file: r.file } : {}),
      }));
      const want = testCase.expect.map(({ cite: _cite, citations: _citations, ...e }) => ({
        ...e,
        data: e.data ?? {},
      }));
      expect(got).toEqual(want);
      expect(results.filter((r) => (r.citations ?? []).length === 0)).toEqual([]);
      testCase.expect.forEach((e, i) => {
        if (e.cite !== undefined) expect(results[i]?.evidence).toMatchObject(e.cite);
        if (e.citations !== undefined) expect(results[i]?.citations).toEqual(e.citations);
      });
    });
    it('produces every message it declares', () => {
      expect(Object.keys(rule.meta.messages).filter((id) => !produced.has(id))).toEqual([]);
    });
  });
}

/** A list rule's findings on a proposal, each with the key of the problem it reports. */
export function listRuleFindings<M extends string>(rule: DefinedListRule<M>, proposal: Proposal) {
  return engineListRule(rule)
    .check({
      proposal,
      ruleDefaults: {},
      settings: { asOf: '2026-08-21', listFile: proposal.listPath, format: proposal.format },
    })
    .map((result) => ({
      rule: rule.meta.id,
      severity: result.severity,
      key: String(result.evidence.problem),
      message: result.message,
      ...(result.line !== undefined ? { line: result.line } : {}),
    }));
}

/** The proposal of a new list (nothing at base): every entry added. */
export function newListProposal(headList: OversightList): Proposal {
  return computeProposal(null, headList, {
    base: { label: 'NONE', commit: null },
    head: { label: 'WORKTREE', commit: null },
  });
}
