import { parseTree } from './tree-walk';

const id = Buffer.alloc(20, 0xab);
const record = (mode: string, name: string | Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${mode} `), Buffer.from(name), Buffer.from([0]), id]);

describe('parseTree', () => {
  it('reads mode, name and id of each record', () => {
    const tree = Buffer.concat([record('100644', 'tox.ini'), record('40000', 'zuul.d')]);
    expect(parseTree(tree, 20)).toEqual([
      { mode: '100644', name: 'tox.ini', sha: 'ab'.repeat(20) },
      { mode: '40000', name: 'zuul.d', sha: 'ab'.repeat(20) },
    ]);
  });

  it.each([
    ['a truncated id', record('100644', 'a').subarray(0, 15)],
    ['a mode that is not octal', record('10064x', 'a')],
    ['a name with a slash', record('100644', 'a/b')],
    ['a name with a newline', record('100644', 'a\nb')],
    ['a dot-dot name', record('40000', '..')],
    ['an empty name', record('100644', '')],
    ['a name that is not UTF-8', record('100644', Buffer.from([0x7a, 0xff]))],
    ['no separator at all', Buffer.from('garbage')],
  ])('refuses %s (the careful way then reads the tree)', (_label, tree) => {
    expect(parseTree(tree, 20)).toBeNull();
  });
});
