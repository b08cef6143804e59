import { namesOnChangedLines } from './change-size';

const entry = (name: string) =>
  `  - name: openstack/${name}\n    team: Bench\n    embargo-days: 90\n`;
const native = (...names: string[]) => `repositories:\n${names.map(entry).join('')}`;
const rst = (...names: string[]) =>
  names.map((n) => `* \`openstack/${n} <https://opendev.org/openstack/${n}>\`_\n`).join('');

describe('namesOnChangedLines', () => {
  const cases: { title: string; base: string; head: string; names: string[] }[] = [
    {
      title: 'the same list',
      base: native('nova', 'swift'),
      head: native('nova', 'swift'),
      names: [],
    },
    {
      title: 'two entries added',
      base: native('nova'),
      head: native('nova', 'swift', 'cinder'),
      names: ['openstack/cinder', 'openstack/swift'],
    },
    {
      title: 'one entry removed',
      base: native('nova', 'swift'),
      head: native('nova'),
      names: ['openstack/swift'],
    },
    {
      title: 'one renamed (out and in)',
      base: native('nova'),
      head: native('neutron'),
      names: ['openstack/neutron', 'openstack/nova'],
    },
    {
      title: 'entries reordered',
      base: native('nova', 'swift'),
      head: native('swift', 'nova'),
      names: [],
    },
    {
      title: 'a field changed, no name on the line',
      base: native('nova'),
      head: native('nova').replace('embargo-days: 90', 'embargo-days: 60'),
      names: [],
    },
    {
      title: 'a repeated entry added once more',
      base: native('nova'),
      head: native('nova', 'nova'),
      names: ['openstack/nova'],
    },
    {
      title: 'rst bullets, the first name on a line',
      base: rst('nova'),
      head: rst('nova', 'swift'),
      names: ['openstack/swift'],
    },
    {
      title: 'names the list refuses',
      base: '',
      head: '  - name: ../escape\n  - name: -x/y\n',
      names: [],
    },
    {
      title: 'no name without both halves',
      base: '',
      head: 'a line with a / alone\nand //double\nand trailing/\n/leading\n',
      names: [],
    },
  ];
  it.each(cases)('$title', ({ base, head, names }) => {
    expect(namesOnChangedLines(Buffer.from(base), Buffer.from(head))).toEqual(names);
    expect(namesOnChangedLines(Buffer.from(head), Buffer.from(base))).toEqual(names);
  });

  it('looks at no text over the list limit, nor at an overlong line', () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    expect(namesOnChangedLines(Buffer.from(native('nova')), big)).toEqual([]);
    const long = `  - name: openstack/${'a'.repeat(2000)}\n`;
    expect(
      namesOnChangedLines(Buffer.from(native('nova')), Buffer.from(native('nova') + long)),
    ).toEqual([]);
  });

  it('scans a hostile line once: a megabyte of name characters and slashes', () => {
    const hostile = Buffer.from(`${'a/'.repeat(500)}\n`.repeat(1000));
    // A backtracking expression took minutes on such lines; this is one pass over each.
    expect(namesOnChangedLines(Buffer.from(''), hostile)).toEqual(['a/a']);
  });
});
