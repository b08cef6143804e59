import type { ListFormat } from '../list/model';
import type { Finding } from './finding';

export type Verdict = 'pass' | 'fail' | 'inconclusive';
export type Vote = 1 | 0 | -1;

/** The JSON report of DESIGN.md; schemas/report.schema.json describes it. */
export interface Report {
  tool: { name: 'vmt-oversight'; version: string };
  list: { path: string; format: ListFormat };
  base: string;
  /** How the base was named or chosen: `--base` as given, or the default rule that picked it. */
  baseLabel?: string;
  head: string;
  asOf: string;
  changes: { added: string[]; removed: string[]; modified: string[] };
  findings: Finding[];
  /**
   * Said of the run as a whole, not of a rule: evidence that may be out of date (a data
   * checkout far older than the date judged, cached repositories not refreshed). Shown in the
   * report header; never changes the verdict. Absent when there is nothing to say.
   */
  warnings?: string[];
  verdict: Verdict;
  vote: Vote;
}
