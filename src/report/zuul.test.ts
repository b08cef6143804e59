import { finding, mixedReport, report, REPORTER_CONTEXT } from '../../test/zuul/report-fixture';
import { assertValidZuulReturn, zuulReturnProblems } from '../../test/zuul/zuul-schema';
import { byteLength } from './brief';
import { toZuulReturn, ZUUL_LIMITS, zuulReporter } from './zuul';

describe('zuul reporter', () => {
  it('puts line findings on the list file, unlocated errors and warnings into warnings', () => {
    const data = toZuulReturn(mixedReport());
    assertValidZuulReturn(data);
    const comments = data.zuul.file_comments['repos-overseen.yaml'] ?? [];
    expect(comments.map((c) => [c.line, c.level])).toEqual([
      [12, 'error'],
      [20, 'warning'],
    ]);
    expect(Object.keys(comments[0] ?? {}).sort()).toEqual(['level', 'line', 'message']);
    expect(data.zuul.warnings).toHaveLength(2);
    expect(data.zuul.warnings[0]).toMatch(
      /^vmt-oversight: FAIL \(vote -1\) — 2 errors, 1 warning, 1 note\./,
    );
    expect(data.zuul.warnings[1]).toContain('[official-project, clause 2]');
  });

  it('never shows a note (info) in warnings or comments', () => {
    const notes = [
      finding({ severity: 'info', rule: 'embargo', clause: '1', message: 'embargo ok' }),
      finding({ severity: 'info', line: null, file: null, message: 'deliverable found' }),
    ];
    const data = toZuulReturn(report(notes));
    expect(data.zuul.warnings).toEqual([]);
    expect(data.zuul.file_comments).toEqual({});
    const warning = finding({ severity: 'warning', line: null, message: 'check by hand' });
    expect(toZuulReturn(report([...notes, warning])).zuul.warnings).toEqual([
      'vmt-oversight warning [versioned-releases, clause 3] (repos-overseen.yaml) openstack/sushy: check by hand',
    ]);
  });

  it('merges the findings on one line into one comment at the worst level', () => {
    const data = toZuulReturn(
      report([
        finding({ severity: 'warning', rule: 'automated-tests', clause: '7', message: 'no tox' }),
        finding(),
        finding({ line: 13, severity: 'warning', message: 'other line' }),
      ]),
    );
    const comments = data.zuul.file_comments['repos-overseen.yaml'] ?? [];
    expect(comments.map((c) => [c.line, c.level])).toEqual([
      [12, 'error'],
      [13, 'warning'],
    ]);
    expect(comments[0]?.message).toBe(
      'vmt-oversight error [versioned-releases, clause 3] openstack/sushy: ' +
        'openstack/sushy has no official final release\n\n' +
        'vmt-oversight warning [automated-tests, clause 7] openstack/sushy: no tox\n\n' +
        'Details: vmt-oversight explain versioned-releases, vmt-oversight explain automated-tests',
    );
  });

  it('names the rule, the clause and the citations in each comment, not the raw evidence', () => {
    const cited = finding({
      citations: [
        { source: 'releases', text: 'tag 1.0.0rc1, 2024-02-20', file: 'deliverables/x.yaml' },
      ],
    });
    const [comment] = toZuulReturn(report([cited])).zuul.file_comments['repos-overseen.yaml'] ?? [];
    expect(comment?.message).toBe(
      'vmt-oversight error [versioned-releases, clause 3] openstack/sushy: ' +
        'openstack/sushy has no official final release\n' +
        'Rests on:\n- tag 1.0.0rc1, 2024-02-20 (deliverables/x.yaml)\n\n' +
        'Details: vmt-oversight explain versioned-releases',
    );
  });

  it('returns nothing to say for a clean pass', () => {
    expect(JSON.parse(zuulReporter(report([]), REPORTER_CONTEXT))).toEqual({
      zuul: { file_comments: {}, warnings: [] },
    });
  });

  it('keeps findings on unsafe paths out of file comments', () => {
    const data = toZuulReturn(
      report([
        finding({ file: '/etc/passwd' }),
        finding({ file: '../x.yaml' }),
        finding({ line: 0 }),
      ]),
    );
    expect(data.zuul.file_comments).toEqual({});
    expect(data.zuul.warnings).toHaveLength(4);
  });

  it('truncates long messages well below 16 KiB without breaking characters', () => {
    const data = toZuulReturn(report([finding({ message: 'é'.repeat(20000) })]));
    const message = data.zuul.file_comments['repos-overseen.yaml']?.[0]?.message ?? '';
    expect(byteLength(message)).toBeLessThanOrEqual(ZUUL_LIMITS.commentBytes);
    expect(message.endsWith('… (truncated)')).toBe(true);
    expect(message).not.toContain('\uFFFD');
  });

  it('caps the number of comments and says how many were left out', () => {
    const many = Array.from({ length: 150 }, (_, i) => finding({ line: i + 1 }));
    const data = toZuulReturn(report(many));
    assertValidZuulReturn(data);
    expect(data.zuul.file_comments['repos-overseen.yaml']).toHaveLength(ZUUL_LIMITS.maxComments);
    expect(data.zuul.warnings).toContain(
      'vmt-oversight: 50 more findings on the list not commented inline (limit reached); see the JSON report.',
    );
  });

  it('bounds the warnings in total', () => {
    const notes = Array.from({ length: 200 }, (_, i) =>
      finding({ severity: 'warning', line: null, message: `note ${i} ${'x'.repeat(300)}` }),
    );
    const warnings = toZuulReturn(report(notes)).zuul.warnings;
    const total = warnings.reduce((sum, w) => sum + byteLength(w), 0);
    expect(total).toBeLessThanOrEqual(ZUUL_LIMITS.totalWarningBytes + 200);
    expect(warnings[warnings.length - 1]).toMatch(/^vmt-oversight: \d+ more warnings left out/);
  });

  it('explains an inconclusive verdict', () => {
    const data = toZuulReturn(
      report([finding({ rule: 'evidence-unavailable', clause: '—', line: null })], {
        verdict: 'inconclusive',
        vote: 0,
      }),
    );
    expect(data.zuul.warnings[0]).toMatch(/^vmt-oversight: INCONCLUSIVE \(no vote\)/);
  });
});

describe('the Zuul file-comment validator', () => {
  it('rejects what Zuul rejects', () => {
    const bad = {
      zuul: {
        file_comments: {
          'a.yaml': [
            { line: 1, message: 'm', unresolved: true },
            { line: '2', message: 3, level: 'fatal' },
            { line: 3, range: { start_line: 3, start_character: 0, end_line: 3 } },
          ],
          'b.yaml': { line: 1 },
        },
        warnings: ['ok', 7],
        message: 'no such key',
      },
    };
    expect(zuulReturnProblems(bad)).toEqual([
      'zuul.message: not a key Zuul understands',
      'zuul.file_comments["a.yaml"][0].unresolved: extra keys not allowed (Zuul would drop every comment)',
      'zuul.file_comments["a.yaml"][1].line: a positive integer',
      'zuul.file_comments["a.yaml"][1].message: must be a string',
      'zuul.file_comments["a.yaml"][1].level: one of info, warning, error',
      'zuul.file_comments["a.yaml"][2].range.end_character: non-negative integer',
      'zuul.file_comments["b.yaml"]: must be a list',
      'zuul.warnings[1]: must be a string',
    ]);
  });

  it('accepts ranges, Gerrit magic paths and artifacts', () => {
    expect(
      zuulReturnProblems({
        zuul: {
          file_comments: {
            '/COMMIT_MSG': [{ line: 1, message: 'm' }],
            'x.yaml': [
              {
                line: 2,
                message: 'm',
                level: 'info',
                range: { start_line: 1, start_character: 0, end_line: 2, end_character: 4 },
              },
            ],
          },
          artifacts: [{ name: 'report', url: 'vmt-oversight/report.json', metadata: {} }],
        },
      }),
    ).toEqual([]);
  });
});
