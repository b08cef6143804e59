import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import { batched, reportChunks } from './chunks';
import { reporters } from './index';
import { jsonChunks } from './json';
import { REPORT_FORMATS, type ReporterContext } from './reporters';
import { textChunks } from './text';

function finding(index: number, overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'automated-tests',
    clause: '7',
    severity: index % 3 === 0 ? 'warning' : 'info',
    repository: `openstack/repo-${Math.floor(index / 3)}`,
    message: `Finding ${index} — with "quotes", a\nnewline and a tab\t.`,
    file: 'reference/projects.yaml',
    line: index + 1,
    evidence: { nested: { list: [1, 'two', null, { deep: [] }], empty: {} }, index },
    ...(index % 2 === 0 ? { citations: [{ source: 'repository', text: `tag ${index}.0.0` }] } : {}),
    ...overrides,
  };
}

const REPORT: Report = {
  tool: { name: 'vmt-oversight', version: '0.0.0' },
  list: { path: 'reference/projects.yaml', format: 'governance' },
  base: 'none',
  head: 'WORKTREE',
  asOf: '2026-12-01',
  changes: { added: [], removed: ['openstack/old'], modified: [] },
  findings: Array.from({ length: 40 }, (_, index) => finding(index)),
  verdict: 'pass',
  vote: 1,
};

const CONTEXT: ReporterContext = { color: false, rules: [] };

describe('report chunks', () => {
  it.each([
    ['with findings', REPORT],
    ['without findings', { ...REPORT, findings: [] }],
    ['with a base label and warnings', { ...REPORT, baseLabel: 'HEAD~1', warnings: ['stale'] }],
    [
      'with a finding that has a column',
      { ...REPORT, findings: [finding(1, { column: 3 }), finding(2, { line: null })] },
    ],
    [
      'with a hole in the findings (never built; written null, as stringify does)',
      { ...REPORT, findings: [finding(1), undefined as unknown as Finding] },
    ],
  ])('json: the pieces join to JSON.stringify(report, null, 2) (%s)', (_, report: Report) => {
    const pieces = [...jsonChunks(report)];
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    // One piece per finding at least: the findings are never rendered as one string.
    expect(pieces.length).toBeGreaterThan(report.findings.length);
  });

  it.each(['quiet', 'normal', 'verbose'] as const)(
    'text: the pieces join to the text report (%s)',
    (detail) => {
      const context = { ...CONTEXT, detail };
      const pieces = [...textChunks(REPORT, context)];
      expect(pieces.join('')).toBe(reporters.text?.(REPORT, context));
      if (detail !== 'quiet') expect(pieces.length).toBeGreaterThan(10);
    },
  );

  it.each(REPORT_FORMATS)('%s: reportChunks joins to what the reporter returns', (format) => {
    const chunks = reportChunks(format, REPORT, CONTEXT);
    expect(chunks).not.toBeNull();
    expect([...(chunks ?? [])].join('')).toBe(reporters[format]?.(REPORT, CONTEXT));
  });

  it('batches pieces into runs of at least the size, losing nothing', () => {
    const pieces = ['ab', 'c', 'def', 'g', 'hijkl', 'm'];
    const runs = [...batched(pieces, 4)];
    expect(runs).toEqual(['abcdef', 'ghijkl', 'm']);
    expect([...batched([], 4)]).toEqual([]);
  });
});
