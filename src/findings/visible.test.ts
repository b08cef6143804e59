import { visibleFinding } from './visible';
import { visible } from '../util/visible';
import type { EvidenceValue, Finding } from './finding';

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
      evidence: { value: ['x\u202e', { deep: '\r', 'key\u001b': 'plain' }], plain: 'as is' },
    });
    expect(finding.message).toBe('bad \\u{1b}');
    expect(finding.evidence).toEqual({
      value: ['x\\u{202e}', { deep: '\\u{d}', 'key\\u{1b}': 'plain' }],
      plain: 'as is',
    });
  });

  it('keeps every key of the evidence an own key, in order, even one named __proto__', () => {
    const evidence = JSON.parse('{"b":1,"__proto__":{"x":"\\u001b"},"a":[{"2":"n","1":"m"}]}');
    const finding = visibleFinding(listFinding(evidence));
    expect(JSON.stringify(finding.evidence)).toBe(
      '{"b":1,"__proto__":{"x":"\\\\u{1b}"},"a":[{"1":"m","2":"n"}]}',
    );
    expect(Object.getPrototypeOf(finding.evidence)).toBe(Object.prototype);
  });

  it('never changes the finding it is given, and copies only what it must rewrite', () => {
    const clean = { list: ['a', { b: 1 }], nested: { c: null, d: true } };
    const dirty = { keep: clean.nested, fix: ['ok', 'not\u202eok'] };
    const before = structuredClone({ clean, dirty });
    const finding = (evidence: Record<string, EvidenceValue>) =>
      visibleFinding(listFinding(evidence)).evidence;
    expect(finding(clean)).toBe(clean);
    const shown = finding(dirty);
    expect(shown).toEqual({ keep: { c: null, d: true }, fix: ['ok', 'not\\u{202e}ok'] });
    expect(shown).not.toBe(dirty);
    expect({ clean, dirty }).toEqual(before);
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

/** A list finding carrying `evidence`, with message 'm'. */
function listFinding(evidence: Finding['evidence']): Finding {
  return {
    rule: 'list-schema',
    clause: '—',
    severity: 'error',
    repository: null,
    message: 'm',
    file: 'l.yaml',
    line: 1,
    evidence,
  };
}
