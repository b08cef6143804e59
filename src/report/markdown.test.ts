import { finding, mixedReport, report, REPORTER_CONTEXT } from '../../test/zuul/report-fixture';
import { byteLength } from './brief';
import { MARKDOWN_LIMITS, markdownReporter, toMarkdown } from './markdown';

describe('markdown reporter', () => {
  it('gives the verdict, every error first, then warnings, then a count of notes', () => {
    expect(markdownReporter(mixedReport(), REPORTER_CONTEXT)).toBe(
      [
        '**vmt-oversight: FAIL** (vote -1) — 2 errors, 1 warning, 1 note.',
        '',
        'List `repos-overseen.yaml` (native format), base `111111111111` → head `222222222222`, judged as of 2026-01-15.',
        '',
        'Changes: added `openstack/sushy`; removed none; modified none.',
        '',
        'Errors (2), each blocks:',
        '',
        '* `openstack/sushy` — **versioned-releases, clause 3**, line 12: openstack/sushy has no official final release',
        '* `openstack/sushy` — **official-project, clause 2**: openstack/sushy is not a deliverable repository of an official team',
        '',
        'Warnings (1), for reviewers:',
        '',
        '* the list `repos-overseen.yaml` — **list-consistency**, line 20: entries are not sorted: openstack/aodh should come before openstack/sushy',
        '',
        '1 note (checks that passed, information): see the full report.',
        '',
      ].join('\n'),
    );
  });

  it('orders errors across repositories before any warning', () => {
    const text = toMarkdown(
      report([
        finding({ repository: 'openstack/aaa', severity: 'warning', message: 'w-aaa' }),
        finding({ repository: 'openstack/zzz', message: 'e-zzz' }),
        finding({ repository: 'openstack/aaa', message: 'e-aaa' }),
      ]),
    );
    const order = ['e-aaa', 'e-zzz', 'w-aaa'].map((m) => text.indexOf(m));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('shows citations, linked when they have a URL, never the raw evidence', () => {
    const text = toMarkdown(
      report([
        finding({
          citations: [
            {
              source: 'releases',
              text: 'tag 1.0.0rc1',
              url: 'https://opendev.org/openstack/releases/src/commit/abc/deliverables/x.yaml#L3',
            },
            { source: 'repository', text: 'no final tag', url: 'javascript:alert(1)' },
          ],
        }),
      ]),
    );
    expect(text).toContain(
      'Rests on: [tag 1.0.0rc1](https://opendev.org/openstack/releases/src/commit/abc/deliverables/x.yaml#L3); no final tag.',
    );
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('deliverables/2025.1/sushy.yaml');
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

  it('over budget: leaves out notes, then warnings, and keeps every error', () => {
    const errors = Array.from({ length: 20 }, (_, i) =>
      finding({ message: `error ${i} ${'e'.repeat(300)}` }),
    );
    const warnings = Array.from({ length: 100 }, (_, i) =>
      finding({ severity: 'warning', message: `warning ${i} ${'ü'.repeat(200)}` }),
    );
    const notes = Array.from({ length: 500 }, () => finding({ severity: 'info' }));
    const text = toMarkdown(report([...notes, ...warnings, ...errors]));
    expect(byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMITS.totalBytes);
    for (let i = 0; i < 20; i += 1) expect(text).toContain(`error ${i} `);
    const shown = warnings.filter((_, i) => text.includes(`warning ${i} `)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);
    expect(text).toContain(
      `_${100 - shown} warnings and 500 notes left out to keep this message short`,
    );
    expect(text).not.toContain('see the full report.\n\n_');
  });

  it('names every error even when the errors alone exceed the budget, each shortened', () => {
    const errors = Array.from({ length: 300 }, (_, i) =>
      finding({ repository: `openstack/r${i}`, message: `${'x'.repeat(1000)}` }),
    );
    const warning = finding({ severity: 'warning', message: 'a warning' });
    const text = toMarkdown(report([warning, ...errors]));
    expect(byteLength(text)).toBeLessThanOrEqual(MARKDOWN_LIMITS.totalBytes);
    for (let i = 0; i < 300; i += 1) expect(text).toContain(`\`openstack/r${i}\``);
    expect(text).not.toContain('a warning');
    expect(text).toContain('_Error texts are shortened; 1 warning left out');
  });

  it('names every error in the smallest budget, by repository and rule', () => {
    const errors = Array.from({ length: 50 }, (_, i) => finding({ repository: `openstack/r${i}` }));
    const text = toMarkdown(report(errors), { ...MARKDOWN_LIMITS, totalBytes: 2000 });
    for (let i = 0; i < 50; i += 1) {
      expect(text).toContain(`* \`openstack/r${i}\` — versioned-releases`);
    }
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
