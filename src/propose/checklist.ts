import type { Report } from '../findings/report';
import { allRuleMetas } from '../rules';

export type ChecklistMark = 'met' | 'missing' | 'unverified';

export interface ChecklistItem {
  rule: string;
  clause: string;
  title: string;
  mark: ChecklistMark;
  notes: string[];
}

const CLAUSE_ORDER = ['1', '2', '3', '4', '5', '6', '7', '8', 'Deprecation', 'Updating'];

/**
 * One line per clause rule that had something to say (every applicable rule reports, a note when
 * met), in clause order: met, missing (an error) or unverified (a warning).
 */
export function checklist(report: Report): ChecklistItem[] {
  return allRuleMetas()
    .filter((meta) => CLAUSE_ORDER.includes(meta.clause))
    .sort((a, b) => CLAUSE_ORDER.indexOf(a.clause) - CLAUSE_ORDER.indexOf(b.clause))
    .flatMap((meta) => {
      const own = report.findings.filter(
        (f) =>
          f.rule === meta.id || (f.rule === 'evidence-unavailable' && f.evidence.rule === meta.id),
      );
      if (own.length === 0) return [];
      const mark: ChecklistMark = own.some((f) => f.severity === 'error')
        ? 'missing'
        : own.some((f) => f.severity === 'warning')
          ? 'unverified'
          : 'met';
      const notes = own.filter((f) => f.severity !== 'info').map((f) => f.message);
      return [{ rule: meta.id, clause: meta.clause, title: meta.title, mark, notes }];
    });
}

const MARKS: Record<ChecklistMark, string> = { met: '[x]', missing: '[ ]', unverified: '[?]' };

export function checklistText(items: readonly ChecklistItem[]): string {
  return items
    .map((item) => {
      const head = `${MARKS[item.mark]} clause ${item.clause.padEnd(11)} ${item.rule}: ${item.title}`;
      return [head, ...item.notes.map((note) => `      - ${note}`)].join('\n');
    })
    .join('\n');
}
