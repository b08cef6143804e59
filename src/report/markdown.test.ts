import { finding, mixedReport, report, REPORTER_CONTEXT } from '../../test/zuul/report-fixture';
import { byteLength } from './brief';
import { MARKDOWN_LIMITS, markdownReporter, toMarkdown } from './markdown';

describe('markdown reporter', () => {
  it('summarises verdict, changes and findings grouped by repository', () => {
    expect(markdownReporter(mixedReport(), REPORTER_CONTEXT)).toBe(
      [
        '**vmt-oversight: FAIL** (vote -1) — 2 errors, 1 warning, 1 note.',
        '',
        'List `repos-overseen.yaml` (native format), base `111111111111` → head `222222222222`, judged as of 2026-01-15.',
        '',
        'Changes: added `openstack/sushy`; removed none; modified none.',
        '',
        'The list `repos-overseen.yaml`:',
        '',
        '* **warning** list-consistency, line 20: entries are not sorted: openstack/aodh should come before openstack/sushy',
        '',
        'Repository `openstack/sushy`:',
        '',
        '* **error** versioned-releases, clause 3, line 12: openstack/sushy has no official final release (evidence: deliverable: deliverables/2025.1/sushy.yaml; tags: ["1.0.0rc1"])',
        '* **error** official-project, clause 2: openstack/sushy is not a deliverable repository of an official team (evidence: governance: reference/projects.yaml)',
        '* **info** embargo, clause 1, line 12: no embargo period is declared; the policy default of 90 days applies',
        '',
      ].join('\n'),
    );
  });

  it('says a clean pass in one line and an inconclusive run without a vote', () => {
    expect(toMarkdown(report([])).split('\n')[0]).toBe(
      '**vmt-oversight: PASS** (vote +1) — 0 errors, 0 warnings, 0 notes.',
    );
    const inconclusive = report([finding({ rule: 'evidence-unavailable', clause: '—' })], {
      verdict: 'inconclusive',
      vote: 0,
    });
    expect(toMarkdown(inconclusive).split('\n')[0]).toBe(
      '**vmt-oversight: INCONCLUSIVE** (no vote) — 1 error, 0 warnings, 0 notes. Some evidence could not be gathered.',
    );
  });

  it('stays within 16,000 bytes and says how many findings were left out', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      finding({ line: i + 1, message: `problem ${i} ${'ü'.repeat(200)}` }),
    );
    const text = toMarkdown(report(many));
    expect(byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMITS.totalBytes);
    const shown = text.split('\n').filter((line) => line.startsWith('* ')).length;
    expect(text).toContain(`_${400 - shown} more findings left out to keep this message short`);
    expect(shown).toBeGreaterThan(10);
  });

  it('keeps each finding on one bounded line', () => {
    const text = toMarkdown(
      report([finding({ message: `line one\nline two ${'x'.repeat(5000)}` })]),
    );
    const bullet = text.split('\n').find((line) => line.startsWith('* ')) ?? '';
    expect(bullet).toContain('line one line two');
    expect(byteLength(bullet)).toBeLessThanOrEqual(MARKDOWN_LIMITS.findingBytes);
  });

  it('lists at most a bounded number of changed repositories', () => {
    const added = Array.from({ length: 40 }, (_, i) => `openstack/r${i}`);
    const text = toMarkdown(report([], { changes: { added, removed: [], modified: [] } }));
    expect(text).toContain('`openstack/r24` and 15 more;');
  });
});
