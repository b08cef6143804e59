import type { Report } from '../findings/report';
import { allRuleMetas } from '../rules';
import type { DraftedValue } from './draft';

/** `to-confirm`: met only on a value the draft wrote itself, so not met until the proposer says so. */
export type ChecklistMark = 'met' | 'missing' | 'unverified' | 'to-confirm';

export interface ChecklistItem {
  rule: string;
  clause: string;
  title: string;
  mark: ChecklistMark;
  notes: string[];
}

const CLAUSE_ORDER = ['1', '2', '3', '4', '5', '6', '7', '8', 'Deprecation', 'Updating'];

/**
 * One line per clause rule that had something to say about `repository` (every applicable rule
 * reports, a note when met), in clause order: met, missing (an error), unverified (a warning),
 * or to confirm (met only on a value of the draft's own).
 */
export function checklist(
  report: Report,
  repository: string,
  drafted: readonly DraftedValue[] = [],
): ChecklistItem[] {
  return allRuleMetas()
    .filter((meta) => CLAUSE_ORDER.includes(meta.clause))
    .sort((a, b) => CLAUSE_ORDER.indexOf(a.clause) - CLAUSE_ORDER.indexOf(b.clause))
    .flatMap((meta): ChecklistItem[] => {
      const own = report.findings.filter(
        (f) =>
          (f.repository === undefined || f.repository === repository) &&
          (f.rule === meta.id ||
            (f.rule === 'evidence-unavailable' && f.evidence.rule === meta.id)),
      );
      if (own.length === 0) return [];
      const notes = own.filter((f) => f.severity !== 'info').map((f) => f.message);
      const mark: ChecklistMark = own.some((f) => f.severity === 'error')
        ? 'missing'
        : own.some((f) => f.severity === 'warning')
          ? 'unverified'
          : 'met';
      const unconfirmed = drafted.filter((value) => value.rule === meta.id);
      const item = { rule: meta.id, clause: meta.clause, title: meta.title };
      if (mark === 'met' && unconfirmed.length > 0) {
        return [{ ...item, mark: 'to-confirm', notes: unconfirmed.map((v) => v.confirm) }];
      }
      return [{ ...item, mark, notes }];
    });
}

const MARKS: Record<ChecklistMark, string> = {
  met: '[x]',
  missing: '[ ]',
  unverified: '[?]',
  'to-confirm': '[~]',
};

export const CHECKLIST_LEGEND =
  '[x] met, [ ] missing, [?] check by hand, [~] to confirm: a value the draft wrote itself';

export function checklistText(items: readonly ChecklistItem[]): string {
  return items
    .map((item) => {
      const head = `${MARKS[item.mark]} clause ${item.clause.padEnd(11)} ${item.rule}: ${item.title}`;
      return [head, ...item.notes.map((note) => `      - ${note}`)].join('\n');
    })
    .join('\n');
}
