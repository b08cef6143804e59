/**
 * A citation's URL in the JSON report: https, or the plain http of a configured loopback service
 * (VMT_OVERSIGHT_LAUNCHPAD_API, VMT_OVERSIGHT_GERRIT), which the Launchpad and Gerrit-group
 * citations name as configured. Nothing else a reader could follow (javascript:, data:).
 */
import { parseValidReport } from '../helpers/report-schema';

function reportCiting(url: string): string {
  return JSON.stringify({
    tool: { name: 'vmt-oversight', version: '0.0.0' },
    list: { path: 'repos-overseen.yaml', format: 'native' },
    base: 'HEAD',
    head: 'WORKTREE',
    asOf: '2026-06-01',
    changes: { added: ['openstack/alpha'], removed: [], modified: [] },
    findings: [
      {
        rule: 'private-tracker',
        clause: '4',
        severity: 'info',
        repository: 'openstack/alpha',
        message: 'the tracker alpha exists',
        file: null,
        line: null,
        evidence: {},
        citations: [{ source: 'launchpad', text: 'project alpha', url }],
      },
    ],
    verdict: 'pass',
    vote: 1,
  });
}

describe('citation URLs in the report schema', () => {
  it.each([
    'https://api.launchpad.net/devel/alpha',
    'http://127.0.0.1:8080/devel/alpha',
    'http://localhost:8080/groups/alpha-core',
  ])('accepts %s', (url) => {
    expect(parseValidReport(reportCiting(url)).findings[0]?.citations?.[0]?.url).toBe(url);
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/x', 'httpx://x'])(
    'refuses %s',
    (url) => {
      expect(() => parseValidReport(reportCiting(url))).toThrow(/does not match the schema/);
    },
  );
});
