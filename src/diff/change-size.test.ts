import { changedNameLines } from './change-size';

const entry = (name: string) =>
  `  - name: openstack/${name}\n    team: Bench\n    embargo-days: 90\n`;
const native = (...names: string[]) => `repositories:\n${names.map(entry).join('')}`;

describe('changedNameLines', () => {
  const cases: { title: string; base: string; head: string; changed: number }[] = [
    {
      title: 'the same list',
      base: native('nova', 'swift'),
      head: native('nova', 'swift'),
      changed: 0,
    },
    {
      title: 'two entries added',
      base: native('nova'),
      head: native('nova', 'swift', 'cinder'),
      changed: 2,
    },
    { title: 'one entry removed', base: native('nova', 'swift'), head: native('nova'), changed: 1 },
    {
      title: 'one renamed (out and in)',
      base: native('nova'),
      head: native('neutron'),
      changed: 2,
    },
    {
      title: 'entries reordered',
      base: native('nova', 'swift'),
      head: native('swift', 'nova'),
      changed: 0,
    },
    {
      title: 'a field changed, no name on the line',
      base: native('nova'),
      head: native('nova').replace('embargo-days: 90', 'embargo-days: 60'),
      changed: 0,
    },
    {
      title: 'a repeated line added once more',
      base: native('nova'),
      head: native('nova', 'nova'),
      changed: 1,
    },
    {
      title: 'rst bullets',
      base: '* `openstack/nova <https://opendev.org/openstack/nova>`_\n',
      head:
        '* `openstack/nova <https://opendev.org/openstack/nova>`_\n' +
        '* `openstack/swift <https://opendev.org/openstack/swift>`_\n',
      changed: 1,
    },
  ];
  it('counts nothing of a text over the list limit, nor of an overlong line', () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    expect(changedNameLines(Buffer.from(native('nova')), big)).toBe(0);
    const long = `  - name: openstack/${'a'.repeat(2000)}\n`;
    expect(changedNameLines(Buffer.from(native('nova')), Buffer.from(native('nova') + long))).toBe(
      0,
    );
  });

  it.each(cases)('$title: $changed', ({ base, head, changed }) => {
    expect(changedNameLines(Buffer.from(base), Buffer.from(head))).toBe(changed);
    expect(changedNameLines(Buffer.from(head), Buffer.from(base))).toBe(changed);
  });
});
