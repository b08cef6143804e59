import { officialList } from './official';

describe('officialList (audit --all-official)', () => {
  it('makes a governance-format list located at the lines of projects.yaml', () => {
    const list = officialList('reference/projects.yaml', [
      { name: 'openstack/zeta', team: 'Z', deliverable: 'zeta', line: 4 },
      { name: 'openstack/alpha', team: 'A', deliverable: 'alpha', line: 9 },
    ]);
    expect(list.format).toBe('governance');
    expect(list.problems).toEqual([]); // governance order is the file's, never "unsorted"
    expect(list.entries).toEqual([
      {
        name: 'openstack/zeta',
        location: { file: 'reference/projects.yaml', line: 4 },
        declared: {},
        fieldLines: {},
        governance: { team: 'Z', deliverable: 'zeta' },
      },
      expect.objectContaining({
        name: 'openstack/alpha',
        location: expect.objectContaining({ line: 9 }) as unknown,
      }),
    ]);
  });

  it('refuses an unsafe name as a list-schema problem, never an entry', () => {
    const list = officialList('reference/projects.yaml', [
      { name: '--upload-pack=touch pwned', team: 'X', deliverable: 'x', line: 3 },
    ]);
    expect(list.entries).toEqual([]);
    expect(list.problems).toEqual([
      expect.objectContaining({ rule: 'list-schema', severity: 'error', line: 3 }),
    ]);
  });
});
