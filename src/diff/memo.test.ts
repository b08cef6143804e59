import { newMemo, treeEntries, type TreeEntry } from './memo';

/** A fake `ls-tree` over a fixed tree that records what each call asked. */
function lister(tree: Record<string, TreeEntry>) {
  const calls: string[][] = [];
  const list = (paths: readonly string[]) => {
    calls.push([...paths]);
    return Promise.resolve(new Map(paths.flatMap((p) => (tree[p] ? [[p, tree[p]] as const] : []))));
  };
  return { calls, list };
}

const blob = (object: string): TreeEntry => ({ type: 'blob', object });

describe('treeEntries', () => {
  it('lists a commit once per path, asking the known paths along', async () => {
    const memo = newMemo(['a.yaml', 'b.yaml']);
    const { calls, list } = lister({ 'a.yaml': blob('1'), 'c.yaml': blob('3') });

    const first = await treeEntries(memo, 'c1', ['c.yaml'], list);
    const again = await treeEntries(memo, 'c1', ['a.yaml', 'b.yaml', 'c.yaml'], list);

    expect(first).toEqual(new Map([['c.yaml', blob('3')]]));
    expect(again).toEqual(
      new Map([
        ['a.yaml', blob('1')],
        ['b.yaml', null],
        ['c.yaml', blob('3')],
      ]),
    );
    expect(calls).toEqual([['c.yaml', 'a.yaml', 'b.yaml']]);
    // Another commit is listed afresh, with every path asked so far.
    await treeEntries(memo, 'c2', ['a.yaml'], list);
    expect(calls[1]).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('never asks a path together with one inside it (ls-tree would hide the outer one)', async () => {
    const memo = newMemo(['doc/source/list.rst']);
    const { calls, list } = lister({ 'doc/source': { type: 'tree', object: 't' } });

    const entries = await treeEntries(memo, 'c1', ['doc/source', 'doc/source/list.rst'], list);

    expect(entries.get('doc/source')).toEqual({ type: 'tree', object: 't' });
    expect(calls).toEqual([['doc/source'], ['doc/source/list.rst']]);
  });

  it('gives a failed listing to whoever asked for it, and to no one else', async () => {
    const memo = newMemo(['known.yaml']);
    const failing = () => Promise.reject(new Error('git failed'));

    await expect(treeEntries(memo, 'c1', ['x.yaml'], failing)).rejects.toThrow('git failed');
    // The prefetched path shares the failed listing; nothing is left unhandled.
    await expect(treeEntries(memo, 'c1', ['known.yaml'], failing)).rejects.toThrow('git failed');
  });
});
