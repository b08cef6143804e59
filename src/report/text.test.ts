import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import { textReporter } from './text';
import type { TextDetail } from './reporters';

const LONG_URL =
  'https://opendev.org/openstack/governance/src/commit/' +
  `${'c7e4f290'.padEnd(40, '0')}/reference/projects.yaml#L812`;

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'official-project',
    clause: '2',
    severity: 'info',
    repository: 'openstack/sushy',
    message: 'Official (policy clause 2).',
    file: 'repos-overseen.yaml',
    line: 3,
    evidence: { owner: { team: 'ironic', ref: { file: 'reference/projects.yaml', line: 812 } } },
    ...overrides,
  };
}

const noGerrit = (repository: string): Finding =>
  finding({
    rule: 'evidence-unavailable',
    clause: '—',
    severity: 'warning',
    repository,
    message: `Cannot check team-consent for ${repository}: no --gerrit/--change given.`,
    evidence: {
      rule: 'team-consent',
      source: 'gerrit',
      kind: 'change',
      reason: 'no --gerrit/--change given',
    },
  });

const REPORT: Report = {
  tool: { name: 'vmt-oversight', version: '0.0.0' },
  list: { path: 'repos-overseen.yaml', format: 'native' },
  base: 'a'.repeat(40),
  baseLabel: 'merge-base with origin/master',
  head: 'WORKTREE',
  asOf: '2026-06-01',
  changes: { added: ['openstack/sushy', 'openstack/tool'], removed: [], modified: [] },
  findings: [
    finding({
      citations: [{ source: 'governance', text: 'deliverable sushy (team ironic)', url: LONG_URL }],
    }),
    finding({ rule: 'security-liaison', clause: '6', message: 'Liaison (policy clause 6).' }),
    finding({ rule: 'automated-tests', clause: '7', message: 'CI tests (policy clause 7).' }),
    finding({
      rule: 'automated-tests',
      clause: '7',
      severity: 'warning',
      message: 'No local tests (policy clause 7).',
    }),
    noGerrit('openstack/sushy'),
    finding({
      rule: 'embargo',
      clause: '1',
      severity: 'error',
      repository: 'openstack/tool',
      line: 6,
      message: 'embargo-days is 120 (policy clause 1).',
      citations: [
        { source: 'list', text: 'embargo-days: 120', file: 'repos-overseen.yaml', line: 6 },
      ],
    }),
    noGerrit('openstack/tool'),
  ],
  verdict: 'fail',
  vote: -1,
};

const render = (detail: TextDetail, report: Report = REPORT): string =>
  textReporter(report, { color: false, rules: [], detail });

describe('text report', () => {
  it('heads with the list, base and why, head and the date', () => {
    const [first, second] = render('normal').split('\n');
    expect(first).toBe('vmt-oversight repos-overseen.yaml (native format), as of 2026-06-01');
    expect(second).toBe('base aaaaaaaaaaaa (merge-base with origin/master) → head the work tree');
  });

  it('collapses notes to one line per repository, ticking only clauses with nothing worse', () => {
    expect(render('normal')).toContain('  ✓ clause 2 · ✓ clause 6 · 3 notes\n');
  });

  it('shows errors and warnings with their citations in full', () => {
    const text = render('normal');
    expect(text).toContain(
      '  ✗ error [clause 1, embargo] repos-overseen.yaml:6 embargo-days is 120 (policy clause 1).\n' +
        '      ↳ embargo-days: 120 — repos-overseen.yaml:6\n',
    );
    expect(text).toContain('! warning [clause 7, automated-tests]');
    expect(render('verbose')).toContain(`↳ deliverable sushy (team ironic) — ${LONG_URL}\n`);
  });

  it('says a run-wide condition once, with advice the user can follow', () => {
    const text = render('normal');
    expect(text).not.toContain('Cannot check team-consent');
    expect(text.match(/team-consent is not checked here \(2 repositories\)/g)).toHaveLength(1);
    expect(text).toContain('`git review`');
    expect(text).not.toContain('Provide the gerrit data');
  });

  it('ends with the verdict, in correct plurals', () => {
    expect(render('normal').trimEnd().split('\n').at(-1)).toBe(
      'Verdict: FAIL (vote -1) — 1 error, 3 warnings, 3 notes; fix the 1 error above',
    );
  });

  it('--quiet keeps only what blocks and the verdict', () => {
    const text = render('quiet');
    expect(text).toContain('✗ error [clause 1, embargo]');
    expect(text).not.toContain('warning [');
    expect(text).not.toContain('notes ·');
    expect(text).not.toContain('team-consent is not checked');
    expect(text).not.toContain('openstack/sushy (added)');
  });

  it('--verbose adds the raw evidence as an indented tree, nothing cut', () => {
    const text = render('verbose');
    expect(text).toContain(
      '      evidence:\n        owner:\n          team: ironic\n          ref:\n' +
        '            file: reference/projects.yaml\n            line: 812\n',
    );
    expect(text).not.toContain('…');
  });

  it('says when nothing changed', () => {
    const report = { ...REPORT, changes: { added: [], removed: [], modified: [] }, findings: [] };
    expect(render('normal', { ...report, verdict: 'pass', vote: 1 })).toContain(
      'No repository was added, removed or modified.',
    );
  });
});

describe('warnings of the run (stale evidence)', () => {
  it('are said in the header, after the changes, and never without them', () => {
    const warnings = ['--offline: 2 cached repositories used as they are, last fetched 2026-05-20'];
    const lines = textReporter({ ...REPORT, warnings }, { color: false, rules: [] }).split('\n');
    expect(lines.slice(2, 4)).toEqual([
      'Changes: + openstack/sushy, + openstack/tool',
      `! ${warnings[0]}`,
    ]);
    expect(textReporter(REPORT, { color: false, rules: [] })).not.toContain('--offline');
  });
});
