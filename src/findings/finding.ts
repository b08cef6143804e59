export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'list-schema'
  | 'list-consistency'
  | 'embargo'
  | 'official-project'
  | 'versioned-releases'
  | 'private-tracker'
  | 'security-contact'
  | 'security-liaison'
  | 'automated-tests'
  | 'threat-analysis'
  | 'removal'
  | 'team-consent'
  | 'configuration'
  | 'evidence-unavailable';

/** JSON-serialisable evidence a finding rests on: files and lines, tags and dates, series. */
export type EvidenceValue =
  string | number | boolean | null | EvidenceValue[] | { [key: string]: EvidenceValue };
export type EvidenceRecord = Record<string, EvidenceValue>;

export interface Finding {
  rule: RuleId;
  clause: string;
  severity: Severity;
  repository: string | null;
  message: string;
  file: string | null;
  line: number | null;
  column?: number;
  evidence: EvidenceRecord;
}
