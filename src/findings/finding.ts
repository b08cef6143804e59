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

/** Where a cited fact lives. */
export type CitationSource =
  | 'list'
  | 'configuration'
  | 'governance'
  | 'releases'
  | 'project-config'
  | 'repository'
  | 'gerrit'
  | 'github'
  | 'launchpad';

/**
 * One fact a finding rests on, for a reviewer to check by hand: "deliverable sushy (team
 * ironic)" in governance `reference/projects.yaml` line 812 at commit c7e4f290.
 */
export interface Citation {
  source: CitationSource;
  /** A short description of the fact: "tag 5.0.0, 2024-02-20". */
  text: string;
  /** The repository holding the fact (`openstack/governance`, a candidate), when there is one. */
  repository?: string;
  file?: string;
  line?: number;
  commit?: string;
  /** A public URL showing the fact (the file at its commit and line), when the source has one. */
  url?: string;
}

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
  /** What the finding rests on, one entry per fact; `evidence` keeps the raw values for machines. */
  citations?: Citation[];
}
