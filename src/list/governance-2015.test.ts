import {
  PROJECTS_2015_07,
  PROJECTS_2015_08,
  TAG_LINES_2015_07,
} from '../../test/helpers/governance-2015';
import { detectFormat } from './detect';
import { parseList } from './parse';

const FILE = 'reference/projects.yaml';

describe('governance projects.yaml before 2015-07-28 (team projects, tags as {name})', () => {
  it('is detected as the governance format, whatever the file is called', () => {
    expect(detectFormat(FILE, PROJECTS_2015_07)).toBe('governance');
    expect(detectFormat('OVERSIGHT', PROJECTS_2015_07)).toBe('governance');
    // `projects:` alone (no `- repo:` items) is not enough to call a file governance.
    expect(detectFormat('x.yaml', 'a:\n  projects:\n    - openstack/nova\n')).toBe('native');
  });

  it('lists the repository of every tagged project, at its tag, under its own name', () => {
    const list = parseList(FILE, PROJECTS_2015_07);
    expect(list.problems).toEqual([]);
    expect(list.entries.map((e) => [e.name, e.location.line, e.governance])).toEqual([
      [
        'openstack/nova',
        TAG_LINES_2015_07['openstack/nova'],
        { team: 'Nova', deliverable: 'nova' },
      ],
      [
        'openstack/python-novaclient',
        TAG_LINES_2015_07['openstack/python-novaclient'],
        { team: 'Nova', deliverable: 'python-novaclient' },
      ],
      [
        'openstack/sahara',
        TAG_LINES_2015_07['openstack/sahara'],
        { team: 'Sahara', deliverable: 'sahara' },
      ],
    ]);
    for (const [name, line] of Object.entries(TAG_LINES_2015_07)) {
      expect(PROJECTS_2015_07.split('\n')[line - 1]).toContain('vulnerability:managed');
      expect(name).toMatch(/^openstack\//);
    }
  });

  it('reads the same teams after the deliverables change, sahara-extra now tagged with sahara', () => {
    const list = parseList(FILE, PROJECTS_2015_08);
    expect(list.problems).toEqual([]);
    expect(list.entries.map((e) => [e.name, e.governance?.deliverable])).toEqual([
      ['openstack/nova', 'nova'],
      ['openstack/python-novaclient', 'python-novaclient'],
      ['openstack/sahara', 'sahara'],
      ['openstack/sahara-extra', 'sahara'],
    ]);
  });

  it('flags a tagged project with no repo, and ignores an untagged broken one', () => {
    const text = [
      'Nova:',
      '  projects:',
      '    - tags:',
      '        - name: vulnerability:managed',
      '    - repo: {a: b}',
      '    - repo: openstack/nova',
      '      tags: [{name: vulnerability:managed}]',
    ].join('\n');
    const list = parseList(FILE, text);
    expect(list.entries.map((e) => e.name)).toEqual(['openstack/nova']);
    expect(list.problems).toMatchObject([
      { rule: 'list-schema', severity: 'error', key: 'governance:Nova/projects:repo', line: 4 },
    ]);
  });
});
