import { visibleFinding } from './visible';
import { visible } from '../util/visible';

describe('visible', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a\u001b[2Kb', 'a\\u{1b}[2Kb'],
    ['line\rforged', 'line\\u{d}forged'],
    ['ok\u202e', 'ok\\u{202e}'],
    ['two\nlines', 'two\\u{a}lines'],
  ])('%j → %j', (input, output) => {
    expect(visible(input)).toBe(output);
  });

  it('reaches into the evidence of a finding', () => {
    const finding = visibleFinding({
      rule: 'list-schema',
      clause: '—',
      severity: 'error',
      repository: null,
      message: 'bad \u001b',
      file: 'l.yaml',
      line: 1,
      evidence: { value: ['x\u202e', { deep: '\r' }] },
    });
    expect(finding.message).toBe('bad \\u{1b}');
    expect(finding.evidence).toEqual({ value: ['x\\u{202e}', { deep: '\\u{d}' }] });
  });
});

describe('visibleFinding without anything to escape', () => {
  const plain = {
    rule: 'embargo' as const,
    clause: '1',
    severity: 'info' as const,
    repository: 'openstack/nova',
    message: 'embargo-days is 90',
    file: 'l.yaml',
    line: 1,
    evidence: { value: ['x', { deep: 'y', n: 3, none: null }] },
  };

  it('is the finding itself, not a copy', () => {
    expect(visibleFinding(plain)).toBe(plain);
  });

  it('copies only the parts that change, leaving the input as it was', () => {
    const tainted = { ...plain, evidence: { ...plain.evidence, other: 'a\u001b' } };
    const shown = visibleFinding(tainted);
    expect(shown).not.toBe(tainted);
    expect(shown.evidence).toEqual({
      value: ['x', { deep: 'y', n: 3, none: null }],
      other: 'a\\u{1b}',
    });
    expect(shown.evidence.value).toBe(plain.evidence.value);
    expect(tainted.evidence.other).toBe('a\u001b');
  });
});
