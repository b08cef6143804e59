import { bool, entries, entry, get, items, kindOf, text, texts } from './access';
import { YamlDocument, YamlShapeError } from './document';

const parse = (source: string) => YamlDocument.parse('f.yaml', source);

describe('YAML read the way PyYAML reads upstream data', () => {
  it('accepts duplicate keys, the last value winning at the first position', () => {
    const doc = parse('a: 1\nb: 2\na: 3\n');
    const result = entries(doc, doc.root, 'top');
    expect(result.map((e) => [e.key, text(doc, e.value, 'v'), e.line])).toEqual([
      ['a', '3', 3],
      ['b', '2', 2],
    ]);
  });

  it('finds one entry as entries reads it: the last duplicate, its line, non-scalar keys skipped', () => {
    const doc = parse('a: 1\n? [a]\n: 9\nb: 2\na: 3\n1: x\n');
    for (const key of ['a', 'b', '1', '[a]', 'absent']) {
      const all = entries(doc, doc.root, 'top').find((e) => e.key === key);
      expect(entry(doc, doc.root, key, 'top')).toEqual(all);
      expect(get(doc, doc.root, key, 'top')).toBe(all?.value ?? null);
    }
    expect(entry(doc, doc.root, 'a', 'top')?.line).toBe(5);
    expect(entry(doc, null, 'a', 'top')).toBeUndefined();
    const list = parse('- a\n');
    expect(() => entry(list, list.root, 'a', 'top')).toThrow('expected a mapping, found a list');
  });

  it('keeps scalars as their source text: versions, release-ids, dates', () => {
    const doc = parse("v: 1.10\nid: 2024.1\nd: 2019-05-22\nq: '1.10'\nn: null\ne:\nt: ~\n");
    const value = (key: string) => text(doc, get(doc, doc.root, key, 'top'), key);
    expect(['v', 'id', 'd', 'q'].map(value)).toEqual(['1.10', '2024.1', '2019-05-22', '1.10']);
    expect(['n', 'e', 't'].map(value)).toEqual([null, null, null]);
    const quoted = parse("x: 'null'");
    expect(text(quoted, get(quoted, quoted.root, 'x', 'top'), 'x')).toBe('null');
  });

  it('reads YAML 1.1 booleans only where a boolean is expected', () => {
    const doc = parse('a: yes\nb: off\nc: maybe\n');
    expect(bool(doc, get(doc, doc.root, 'a', 't'), 'a', false)).toBe(true);
    expect(bool(doc, get(doc, doc.root, 'b', 't'), 'b', true)).toBe(false);
    expect(bool(doc, null, 'absent', true)).toBe(true);
    expect(() => bool(doc, get(doc, doc.root, 'c', 't'), 'c', true)).toThrow(YamlShapeError);
  });

  it('follows aliases and ignores unknown tags', () => {
    const doc = parse('base: &b {k: v}\nuse: *b\nsecret: !encrypted/pkcs1-oaep [abc]\n');
    expect(text(doc, get(doc, get(doc, doc.root, 'use', 't'), 'k', 'use'), 'k')).toBe('v');
    expect(kindOf(doc, get(doc, doc.root, 'secret', 't'))).toBe('list');
  });

  it('says where a shape is wrong instead of crashing', () => {
    const doc = parse('list:\n  - a\nmap: {a: 1}\n');
    expect(() => entries(doc, get(doc, doc.root, 'list', 't'), 'list')).toThrow(
      'f.yaml line 2 list: expected a mapping, found a list',
    );
    expect(() => items(doc, get(doc, doc.root, 'map', 't'), 'map')).toThrow('expected a list');
    expect(texts(doc, get(doc, doc.root, 'list', 't'), 'list')).toEqual(['a']);
  });

  it('rejects text that is not YAML, with the line', () => {
    expect(() => parse('a: [1, 2\nb: c\n')).toThrow(YamlShapeError);
  });
});
