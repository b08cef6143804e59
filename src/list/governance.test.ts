import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from './parse';

const FIXTURE = path.resolve(__dirname, '../../test/fixtures/lists/projects.yaml');

describe('governance projects.yaml', () => {
  const list = parseList('reference/projects.yaml', readFileSync(FIXTURE));

  it('is detected and reads cleanly', () => {
    expect(list.format).toBe('governance');
    expect(list.problems).toEqual([]);
  });

  it('lists every repository of a tagged deliverable, at the tag line', () => {
    expect(list.entries).toEqual([
      {
        name: 'openstack/barbican',
        location: { file: 'reference/projects.yaml', line: 12, column: 11 },
        declared: {},
        fieldLines: {},
        governance: { team: 'barbican', deliverable: 'barbican' },
      },
      {
        name: 'openstack/sahara',
        location: { file: 'reference/projects.yaml', line: 39, column: 11 },
        declared: {},
        fieldLines: {},
        governance: { team: 'sahara', deliverable: 'sahara' },
      },
      {
        name: 'openstack/sahara-extra',
        location: { file: 'reference/projects.yaml', line: 39, column: 11 },
        declared: {},
        fieldLines: {},
        governance: { team: 'sahara', deliverable: 'sahara' },
      },
    ]);
  });

  it('does not check the order, which follows the teams', () => {
    const text = [
      'zun:',
      '  deliverables:',
      '    zun:',
      '      repos: [openstack/zun]',
      '      tags: [vulnerability:managed]',
      'Barbican Team:',
      '  deliverables:',
      '    barbican:',
      '      repos: [openstack/barbican]',
      '      tags: [vulnerability:managed]',
    ].join('\n');
    const parsed = parseList('projects.yaml', text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => [entry.name, entry.governance?.team])).toEqual([
      ['openstack/zun', 'zun'],
      ['openstack/barbican', 'Barbican Team'],
    ]);
  });

  it('flags a repository tagged in two deliverables', () => {
    const text = [
      'nova:',
      '  deliverables:',
      '    nova:',
      '      repos: [openstack/nova]',
      '      tags: [vulnerability:managed]',
      '    nova-again:',
      '      repos: [openstack/nova]',
      '      tags: [vulnerability:managed]',
    ].join('\n');
    const parsed = parseList('projects.yaml', text);
    expect(parsed.entries.map((entry) => entry.governance?.deliverable)).toEqual(['nova']);
    expect(parsed.duplicates).toMatchObject([
      { name: 'openstack/nova', line: 8, firstLine: 5, deliverable: 'nova-again' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('flags a tagged deliverable whose repos are not a list of names', () => {
    const text = [
      'nova:',
      '  deliverables:',
      '    nova:',
      '      repos: openstack/nova',
      '      tags:',
      '        - vulnerability:managed',
    ].join('\n');
    const parsed = parseList('projects.yaml', text);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toMatchObject([
      { rule: 'list-schema', key: 'governance:nova/nova:repos', line: 6, column: 11 },
    ]);
  });
});
