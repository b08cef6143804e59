import { allRuleMetas } from '../../src/rules';
import type { ReporterContext } from '../../src/report/reporters';
/** Hand-built reports for the reporter tests (zuul, sarif, markdown). */
import type { Finding } from '../../src/findings/finding';
import type { Report } from '../../src/findings/report';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'versioned-releases',
    clause: '3',
    severity: 'error',
    repository: 'openstack/sushy',
    message: 'openstack/sushy has no official final release',
    file: 'repos-overseen.yaml',
    line: 12,
    evidence: { deliverable: 'deliverables/2025.1/sushy.yaml', tags: ['1.0.0rc1'] },
    ...overrides,
  };
}

export function report(findings: Finding[], overrides: Partial<Report> = {}): Report {
  const errors = findings.some((f) => f.severity === 'error');
  return {
    tool: { name: 'vmt-oversight', version: '0.1.0' },
    list: { path: 'repos-overseen.yaml', format: 'native' },
    base: '1111111111111111111111111111111111111111',
    head: '2222222222222222222222222222222222222222',
    asOf: '2026-01-15',
    changes: { added: ['openstack/sushy'], removed: [], modified: [] },
    findings,
    verdict: errors ? 'fail' : 'pass',
    vote: errors ? -1 : 1,
    ...overrides,
  };
}

/** A failing report touching every case: inline error and warning, a note, a list-level error. */
export function mixedReport(): Report {
  return report([
    finding(),
    finding({
      rule: 'list-consistency',
      clause: '—',
      severity: 'warning',
      repository: null,
      message: 'entries are not sorted: openstack/aodh should come before openstack/sushy',
      line: 20,
      evidence: {},
    }),
    finding({
      rule: 'embargo',
      clause: '1',
      severity: 'info',
      message: 'no embargo period is declared; the policy default of 90 days applies',
      line: 12,
      evidence: {},
    }),
    finding({
      rule: 'official-project',
      clause: '2',
      severity: 'error',
      message: 'openstack/sushy is not a deliverable repository of an official team',
      line: null,
      file: null,
      evidence: { governance: 'reference/projects.yaml' },
    }),
  ]);
}

/** What the CLI hands every reporter: no colours, the registry's rule metadata. */
export const REPORTER_CONTEXT: ReporterContext = { color: false, rules: allRuleMetas() };
