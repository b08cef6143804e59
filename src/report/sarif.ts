/**
 * `--format sarif`: SARIF 2.1.0, one run. `tool.driver.rules` holds one entry per rule id that
 * has findings, with its name, title, description and doc page as `help` (a `helpUri` only when a
 * docs base URL is configured); each result points at the list file (and the
 * line, when there is one). Report-level facts (verdict, vote, revisions) go in `run.properties`.
 */
import { clauseLabel } from './brief';
import type { EvidenceRecord, Finding, RuleId, Severity } from '../findings/finding';
import type { Report } from '../findings/report';
import type { Reporter } from './reporters';
import { ruleDoc, ruleHelpUri, type RuleDoc } from './rule-docs';
import { compareText } from '../util/compare';

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://opendev.org/openstack/vmt-oversight';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  id: string;
  /** PascalCase of the id (`VersionedReleases`), as SARIF viewers show rule names. */
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  /** Only with a configured docs base URL: there is no public doc site by default. */
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { clause: string; tags: string[] };
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string };
    region?: { startLine: number; startColumn?: number };
  };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  properties: { clause: string; repository: string | null; evidence: EvidenceRecord };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      automationDetails: { id: string };
      tool: {
        driver: {
          name: string;
          version: string;
          informationUri: string;
          rules: SarifRule[];
        };
      };
      results: SarifResult[];
      properties: Pick<Report, 'base' | 'head' | 'asOf' | 'verdict' | 'vote' | 'changes'> & {
        list: Report['list'];
      };
    },
  ];
}

export interface SarifOptions {
  /** Rule metadata (the registry's, from the reporter's context). */
  rules: readonly RuleDoc[];
  /** Base of published rule doc pages (`<base>/<rule-id>/README.md`); absent: no `helpUri`. */
  docsBaseUri?: string;
}

export function createSarifReporter(options: Omit<SarifOptions, 'rules'> = {}): Reporter {
  return (report, context) =>
    `${JSON.stringify(toSarif(report, { ...options, rules: context.rules }), null, 2)}\n`;
}

/** The SARIF reporter, with rule metadata from its context. */
export const sarifReporter: Reporter = createSarifReporter();

export function toSarif(report: Report, options: SarifOptions): SarifLog {
  const ids = [...new Set(report.findings.map((f) => f.rule))].sort(compareText);
  const rules = ids.map((id) => sarifRule(ruleDoc(id, options.rules), options.docsBaseUri));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        automationDetails: { id: `vmt-oversight/${report.list.path}/` },
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        results: report.findings.map((f) => sarifResult(f, report, ids)),
        properties: {
          list: report.list,
          base: report.base,
          head: report.head,
          asOf: report.asOf,
          changes: report.changes,
          verdict: report.verdict,
          vote: report.vote,
        },
      },
    ],
  };
}

function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

function sarifRule(doc: RuleDoc, docsBaseUri?: string): SarifRule {
  const clause = clauseLabel(doc.clause);
  const policy = clause ? ` Policy: ${clause} of the VMT oversight policy.` : '';
  const explain = `Run \`vmt-oversight explain ${doc.id}\` for the full documentation.`;
  const page = doc.page?.trim();
  return {
    id: doc.id,
    name: pascalCase(doc.id),
    shortDescription: { text: doc.title },
    fullDescription: { text: `${firstParagraph(page) ?? doc.title}${policy}` },
    ...(docsBaseUri ? { helpUri: ruleHelpUri(doc.id, docsBaseUri) } : {}),
    help: page
      ? { text: page, markdown: page }
      : {
          text: `${doc.title}${policy} ${explain}`,
          markdown: `${doc.title}${policy}\n\n${explain}`,
        },
    defaultConfiguration: { level: sarifLevel(doc.defaultSeverity) },
    properties: { clause: doc.clause, tags: ['vmt-oversight', ...(clause ? [clause] : [])] },
  };
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The doc page's first paragraph after its title, on one line. */
function firstParagraph(page: string | undefined): string | undefined {
  const paragraph = page
    ?.split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !block.startsWith('#'));
  return paragraph?.replace(/\s+/g, ' ');
}

function sarifResult(finding: Finding, report: Report, ids: readonly RuleId[]): SarifResult {
  const region =
    finding.line !== null && finding.line >= 1
      ? {
          region: {
            startLine: finding.line,
            ...(finding.column !== undefined && finding.column >= 1
              ? { startColumn: finding.column }
              : {}),
          },
        }
      : {};
  return {
    ruleId: finding.rule,
    ruleIndex: ids.indexOf(finding.rule),
    level: sarifLevel(finding.severity),
    message: {
      text: finding.repository ? `${finding.repository}: ${finding.message}` : finding.message,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(finding.file ?? report.list.path) },
          ...region,
        },
      },
    ],
    properties: {
      clause: finding.clause,
      repository: finding.repository,
      evidence: finding.evidence,
    },
  };
}

/** A repository-relative path as a relative URI reference (each segment percent-encoded). */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
