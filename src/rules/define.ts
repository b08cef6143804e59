import type { EvidenceKind, EvidenceMap } from '../evidence/types';
import type { Citation, EvidenceRecord, Severity } from '../findings/finding';
import type { RuleDoc } from '../findings/rule-doc';
import type { DeclaredField } from '../list/model';
import type {
  ListRule,
  ListRuleContext,
  RepositoryChange,
  RepositoryRule,
  RuleResult,
  RunSettings,
} from './types';

/** Values a message template may name: `{{name}}` is replaced by `data.name`. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A rule's metadata, as data: what it is, what it may block on, what it reads, what it says. */
export interface DefinedRuleMeta<
  K extends EvidenceKind,
  W extends EvidenceKind,
  M extends string,
> extends RuleDoc {
  /** False for a recommendation: it never blocks, and its missing evidence is a warning. */
  canBlock: boolean;
  /** The declared fields it judges: on a modified entry, only changes to these can block. */
  fields?: readonly DeclaredField[];
  /** Evidence without which it cannot judge: missing → `evidence-unavailable`. */
  needs: readonly K[];
  /** Evidence it uses when present. */
  wants: readonly W[];
  /** Every message it can report, by id: templates with `{{name}}` placeholders. */
  messages: Readonly<Record<M, string>>;
}

/** One finding, as a rule reports it; the engine renders the message and adds the clause. */
export interface RuleReport<M extends string> {
  messageId: M;
  data?: MessageData;
  severity: Severity;
  /** The declared field it is about (a modified entry blocks only on the fields it touched). */
  field?: DeclaredField;
  /** Line in the list file; defaults to the entry's line. */
  line?: number;
  /** What the finding rests on, for a reviewer to check by hand. */
  cite: EvidenceRecord;
  /**
   * The facts it rests on, typed (file, line, commit, URL): what reporters show people. At least
   * one: an absence is cited as what was read and found empty.
   */
  citations: readonly Citation[];
  /** Set by list rules only; repository rules get it from the change. */
  repository?: string;
  /** The file the finding is about, when it is not the list (`.vmt-oversight.yaml`). */
  file?: string;
}

/** A finding a rule's helper has judged, before the rule places it (field, line). */
export type Judgment<M extends string> = Required<
  Pick<RuleReport<M>, 'messageId' | 'data' | 'severity' | 'cite' | 'citations'>
>;

/** How a repository rule answers: what it found, or that the evidence cannot settle it. */
export interface RuleOut<M extends string> {
  report(finding: RuleReport<M>): void;
  /** The evidence it was given cannot settle the question: `evidence-unavailable`, never a pass. */
  unavailable(kind: EvidenceKind, reason: string): void;
}

/** What `check` is given, and how it answers. */
export interface RepositoryRuleContext<
  K extends EvidenceKind,
  W extends EvidenceKind,
  M extends string,
> extends RuleOut<M> {
  change: RepositoryChange;
  evidence: { [P in K]: EvidenceMap[P] } & { [P in W]?: EvidenceMap[P] };
  /** Why each wanted-but-missing kind is missing, so the rule can say it could not verify. */
  missing: Partial<Record<W, string>>;
  settings: RunSettings;
}

/** A rule judged once per changed repository. `check` is pure and synchronous. */
export interface DefinedRepositoryRule<
  K extends EvidenceKind = EvidenceKind,
  W extends EvidenceKind = EvidenceKind,
  M extends string = string,
> {
  scope: 'repository';
  meta: DefinedRuleMeta<K, W, M>;
  /** Whether the rule has anything to say about this change at all. */
  appliesTo(change: RepositoryChange): boolean;
  check(context: RepositoryRuleContext<K, W, M>): void;
}

export interface DefinedListRuleContext<M extends string> extends ListRuleContext {
  report(finding: RuleReport<M>): void;
}

/** A rule about the list file as a whole. */
export interface DefinedListRule<M extends string = string> {
  scope: 'list';
  meta: DefinedRuleMeta<never, never, M>;
  check(context: DefinedListRuleContext<M>): void;
}

/**
 * Defines a repository rule (ESLint's model): metadata as data and a `check` that reports
 * through its context. The type parameters are inferred, so `report` only takes the rule's own
 * message ids and `evidence` only the kinds it declared.
 */
export function defineRule<K extends EvidenceKind, W extends EvidenceKind, M extends string>(
  rule: DefinedRepositoryRule<K, W, M>,
): DefinedRepositoryRule<K, W, M> {
  return rule;
}

/** Defines a list rule. */
export function defineListRule<M extends string>(rule: DefinedListRule<M>): DefinedListRule<M> {
  return rule;
}

/** A rule of either scope, as the registry and the engine hold it. */
export type AnyDefinedRule = DefinedRepositoryRule | DefinedListRule;

/**
 * The message of `messageId` with its `{{placeholders}}` filled from `data`. A placeholder
 * without a value, or a value no placeholder names, is a bug in the rule: it throws.
 */
export function renderMessage(
  messages: Readonly<Record<string, string>>,
  messageId: string,
  data: MessageData = {},
): string {
  const template = Object.hasOwn(messages, messageId) ? messages[messageId] : undefined;
  if (template === undefined) throw new Error(`unknown messageId '${messageId}'`);
  const { texts, names } = compiled(template);
  let text = texts[0]!;
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i]!;
    if (!Object.hasOwn(data, name)) throw new Error(`message '${messageId}' lacks {{${name}}}`);
    text += String(data[name]) + texts[i + 1]!;
  }
  const unused = Object.keys(data).filter((name) => !names.includes(name));
  if (unused.length > 0) {
    throw new Error(`message '${messageId}' has no placeholder for ${unused.join(', ')}`);
  }
  return text;
}

/** A template split at its placeholders: `texts[i]`, then `names[i]`'s value, …, `texts[n]`. */
interface CompiledTemplate {
  texts: string[];
  names: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g;
// The rules' own templates, each split once; a fixed set, bounded all the same.
const MAX_TEMPLATES = 1000;
const templates = new Map<string, CompiledTemplate>();

function compiled(template: string): CompiledTemplate {
  let known = templates.get(template);
  if (!known) {
    known = { texts: [], names: [] };
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      known.texts.push(template.slice(last, match.index));
      known.names.push(match[1]!);
      last = match.index + match[0].length;
    }
    known.texts.push(template.slice(last));
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(template, known);
  }
  return known;
}

/**
 * The finding's message as users read it: the rendered text, ending with the clause it cites
 * (`, a recommendation` for a clause of expectations the policy only recommends).
 */
export function withClause(message: string, clause: string, recommendation = false): string {
  if (clause === '—') return message;
  const numbered = /^\d+$/.test(clause);
  const label = numbered
    ? `policy clause ${clause}${recommendation ? ', a recommendation' : ''}`
    : `policy: ${clause}`;
  const stop = message.endsWith('.') ? '.' : '';
  return `${stop ? message.slice(0, -1) : message} (${label})${stop}`;
}

/**
 * The engine's view of a defined repository rule: `check` collects what the rule reports, with
 * each message rendered and its clause appended, and what it could not settle.
 */
export function engineRepositoryRule<
  K extends EvidenceKind,
  W extends EvidenceKind,
  M extends string,
>(rule: DefinedRepositoryRule<K, W, M>): RepositoryRule<K, W> {
  const { meta } = rule;
  return {
    scope: 'repository',
    meta,
    appliesTo: (change) => rule.appliesTo(change),
    needs: () => meta.needs,
    wants: () => meta.wants,
    check(context) {
      const results: RuleResult[] = [];
      rule.check({
        ...context,
        report: (finding) => results.push(rendered(meta, finding)),
        unavailable: (kind, reason) =>
          results.push({
            severity: 'error',
            message: reason,
            unavailable: { kind, reason },
            evidence: {},
          }),
      });
      return results;
    },
  };
}

/** The engine's view of a defined list rule. */
export function engineListRule<M extends string>(rule: DefinedListRule<M>): ListRule {
  return {
    scope: 'list',
    meta: rule.meta,
    check(context) {
      const results: RuleResult[] = [];
      rule.check({ ...context, report: (finding) => results.push(rendered(rule.meta, finding)) });
      return results;
    },
  };
}

function rendered<M extends string>(
  meta: DefinedRuleMeta<EvidenceKind, EvidenceKind, M>,
  finding: RuleReport<M>,
): RuleResult {
  const { messageId, data, severity, field, line, cite, citations, repository, file } = finding;
  return {
    severity,
    message: withClause(renderMessage(meta.messages, messageId, data), meta.clause, !meta.canBlock),
    evidence: cite,
    ...(citations.length > 0 ? { citations } : {}),
    messageId,
    ...(data !== undefined ? { data } : {}),
    ...(field !== undefined ? { field } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(repository !== undefined ? { repository } : {}),
    ...(file !== undefined ? { file } : {}),
  };
}
