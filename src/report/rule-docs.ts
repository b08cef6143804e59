/**
 * What a reporter needs to know about a rule it has findings for. The rule registry
 * (`src/rules`) is the source of truth; this table is the fallback for a rule the caller did not
 * pass, so a reporter never fails for lack of metadata.
 */
import type { RuleId, Severity } from './finding';

export interface RuleDoc {
  id: RuleId;
  /** `1`…`8`, `Deprecation`, `Updating`, or `—`. */
  clause: string;
  /** One line: what the rule checks. */
  title: string;
  defaultSeverity: Severity;
}

export const DEFAULT_DOCS_BASE_URI =
  'https://opendev.org/openstack/vmt-oversight/src/branch/master/src/rules';

const FALLBACK: Record<RuleId, Omit<RuleDoc, 'id'>> = {
  'list-schema': fallback(
    '—',
    'The list parses, follows its schema, and names repositories safely.',
  ),
  'list-consistency': fallback(
    '—',
    'The change adds no duplicate entry and no link to another repository; entries are sorted.',
  ),
  embargo: fallback('1', 'A declared embargo period does not exceed the policy’s 90 days.'),
  'official-project': fallback(
    '2',
    'The repository is a deliverable repository of an official OpenStack team, not retired.',
  ),
  'versioned-releases': fallback('3', 'The repository has an official final release.'),
  'private-tracker': fallback('4', 'The defect tracker keeps security reports private by default.'),
  'security-contact': fallback('5', 'A security contact or core security reviewer group exists.'),
  'security-liaison': fallback('6', 'The team has a security liaison or a PTL.'),
  'automated-tests': fallback('7', 'The repository runs automated tests in check and gate.'),
  'threat-analysis': fallback(
    '8',
    'A threat analysis exists and is current (a recommendation).',
    'warning',
  ),
  removal: fallback(
    'Deprecation',
    'A removal drops only future non-patch releases; maintained branches stay covered.',
  ),
  'team-consent': fallback(
    'Updating',
    'The team’s PTL or security liaison uploaded or approved the change.',
    'warning',
  ),
  'evidence-unavailable': fallback('—', 'The evidence a blocking rule needs could be gathered.'),
};

function fallback(clause: string, title: string, defaultSeverity: Severity = 'error') {
  return { clause, title, defaultSeverity };
}

/** The doc of `id` from `known` (the registry's metadata), else the built-in fallback. */
export function ruleDoc(id: RuleId, known: readonly RuleDoc[] = []): RuleDoc {
  return known.find((doc) => doc.id === id) ?? { id, ...FALLBACK[id] };
}

/** Where the rule's documentation page lives. */
export function ruleHelpUri(id: RuleId, base = DEFAULT_DOCS_BASE_URI): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(id)}/README.md`;
}
