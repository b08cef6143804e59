import type { ConfigChange, ConfigSettings } from '../../evidence/config-change';
import type { Citation, RuleId, Severity } from '../../findings/finding';
import { compareText } from '../../util/compare';
import { defineListRule, type DefinedListRuleContext } from '../define';

const RANK = { off: 0, info: 1, warning: 2, error: 3 } as const;
type Level = keyof typeof RANK;

const messages = {
  deleted: 'This change deletes {{file}}: later checks use the defaults.',
  invalid: '{{reason}}. Every later check would stop on it: fix it.',
  edited: 'This change edits {{file}}; it applies from the next change on.',
  weakened:
    'This change {{what}} in {{file}}. The file is read at the base revision, so this does not ' +
    'apply to the change itself; VMT reviewers: make sure the checker is meant to judge later ' +
    'changes this way.',
} as const;
type MessageId = keyof typeof messages;

/**
 * A change to `.vmt-oversight.yaml` never applies to itself (the file is read at base), but it
 * shapes every later judgment: an invalid file blocks (it would stop every later check), and a
 * weaker rule level or a moved evidence path is flagged for reviewers.
 */
export const rule = defineListRule({
  scope: 'list',
  meta: {
    id: 'configuration',
    clause: '—',
    title:
      'A change to .vmt-oversight.yaml leaves it valid; weakening it is flagged for reviewers.',
    defaultSeverity: 'error',
    canBlock: true,
    needs: [],
    wants: [],
    messages,
  },
  check(context) {
    const { configChange } = context;
    if (configChange !== undefined) judge(configChange, context);
  },
});

function judge(change: ConfigChange, context: DefinedListRuleContext<MessageId>): void {
  const { file, head } = change;
  const report = (
    messageId: MessageId,
    severity: Severity,
    data: Record<string, string>,
    citations: Citation[],
    cite = {},
  ) => context.report({ messageId, severity, data, cite: { file, ...cite }, citations, file });
  const whole = (text: string): Citation[] => [{ source: 'configuration', text, file }];
  if (head.state === 'deleted') {
    return report('deleted', 'warning', { file }, whole(`${file}, deleted by the change`));
  }
  if (head.state === 'invalid') {
    const text = `${file}, invalid as the change leaves it`;
    return report('invalid', 'error', { reason: head.reason }, whole(text));
  }
  const levels = weakenedLevels(change.base, head.settings, context.ruleDefaults);
  const weakened = levels.map((w) => `${w.id} (${w.before} → ${w.after})`);
  const places = movedPlaces(change.base, head.settings);
  if (weakened.length === 0 && places.length === 0) {
    return report('edited', 'info', { file }, whole(`${file}, edited by the change`));
  }
  const what = [
    ...(weakened.length > 0 ? [`weakens ${weakened.join(', ')}`] : []),
    ...(places.length > 0 ? [`changes ${places.join(', ')}`] : []),
  ].join(' and ');
  const citations = [
    ...levels.map((w) => citeSetting(file, head.settings, `rules.${w.id}`, levelText(w))),
    ...places.map((key) => citeSetting(file, head.settings, key, placeText(change, key))),
  ];
  report('weakened', 'warning', { what, file }, citations, { weakened, paths: places });
}

interface WeakenedLevel {
  id: string;
  before: Level;
  after: Level;
  /** The base level is the rule's default (the base file does not set it). */
  byDefault: boolean;
}

function levelText({ id, before, after, byDefault }: WeakenedLevel): string {
  return `rules.${id}: ${after} (${before} ${byDefault ? 'by default' : 'at base'})`;
}

function placeText(change: ConfigChange, key: string): string {
  const head = change.head.state === 'valid' ? change.head.settings.places[key] : null;
  const base = change.base?.places[key] ?? null;
  return `${key}: ${head ?? 'unset'} (${base === null ? 'unset' : base} at base)`;
}

/** One setting as the change leaves it, at its line when it is written. */
function citeSetting(file: string, settings: ConfigSettings, key: string, text: string): Citation {
  const line = settings.lines?.[key];
  const citation: Citation = { source: 'configuration', text, file };
  if (line !== undefined) citation.line = line;
  return citation;
}

function weakenedLevels(
  base: ConfigSettings | null,
  head: ConfigSettings,
  defaults: Readonly<Partial<Record<RuleId, Severity>>>,
): WeakenedLevel[] {
  const before = (id: string): Level => base?.rules[id] ?? defaults[id as RuleId] ?? 'error';
  return Object.entries(head.rules)
    .filter(([id, level]) => RANK[level] < RANK[before(id)])
    .map(([id, after]) => ({ id, before: before(id), after, byDefault: !base?.rules[id] }))
    .sort((a, b) => compareText(a.id, b.id));
}

function movedPlaces(base: ConfigSettings | null, head: ConfigSettings): string[] {
  const keys = new Set([...Object.keys(base?.places ?? {}), ...Object.keys(head.places)]);
  return [...keys]
    .filter((key) => (base?.places[key] ?? null) !== (head.places[key] ?? null))
    .sort();
}
