import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from '../../src/list/parse';
import type { OversightList } from '../../src/list/model';

// Real list files live beside the project in CI (../shared/data); a user's machine may not have them.
const DATA = path.resolve(__dirname, '../../../shared/data');
const LISTS = path.join(DATA, 'list-formats');
const present = existsSync(DATA);
if (!present) {
  console.log(
    `Real-data suite skipped: ${DATA} not found (it only exists beside the CI checkout).`,
  );
}
const describeReal = present ? describe : describe.skip;

function parseReal(name: string): OversightList {
  return parseList(`list-formats/${name}`, readFileSync(path.join(LISTS, name)));
}

function lineOf(list: OversightList, name: string): number | undefined {
  return list.entries.find((entry) => entry.name === name)?.location.line;
}

describeReal('real list files (../shared/data/list-formats)', () => {
  describe('ossa-repos-overseen-2024-11-18.rst', () => {
    const list = present ? parseReal('ossa-repos-overseen-2024-11-18.rst') : null;

    it('reads 34 repositories, without problems', () => {
      expect(list?.format).toBe('rst');
      expect(list?.problems).toEqual([]);
      expect(list?.entries).toHaveLength(34);
    });

    it.each([
      ['openstack/barbican', 18],
      ['openstack/ironic', 25],
      ['openstack/networking-baremetal', 31],
      ['openstack/python-ironicclient', 42],
      ['openstack/python-ironic-inspector-client', 43],
      ['openstack/sushy', 49],
      ['openstack/trove', 51],
    ])('has %s on line %i', (name, line) => {
      expect(list && lineOf(list, name)).toBe(line);
    });

    it('links every repository to itself on opendev.org', () => {
      for (const entry of list?.entries ?? []) {
        expect(entry.link).toBe(`https://opendev.org/${entry.name}`);
      }
    });
  });

  describe('ossa-repos-overseen-2022-06-02.rst', () => {
    const list = present ? parseReal('ossa-repos-overseen-2022-06-02.rst') : null;

    it('reads 36 repositories, without problems', () => {
      expect(list?.format).toBe('rst');
      expect(list?.problems).toEqual([]);
      expect(list?.entries).toHaveLength(36);
    });

    it.each([
      ['openstack/barbican', 18],
      ['openstack/python-saharaclient', 39],
      ['openstack/sahara', 42],
      ['openstack/sahara-plugin-vanilla', 51],
      ['openstack/trove', 53],
    ])('has %s on line %i', (name, line) => {
      expect(list && lineOf(list, name)).toBe(line);
    });
  });

  describe('governance-projects-2022-02-22.yaml', () => {
    const list = present ? parseReal('governance-projects-2022-02-22.yaml') : null;

    it('reads the 36 repositories of vulnerability:managed deliverables, without problems', () => {
      expect(list?.format).toBe('governance');
      expect(list?.problems).toEqual([]);
      expect(list?.entries).toHaveLength(36);
    });

    it.each([
      ['openstack/barbican', 50, 'barbican', 'barbican'],
      ['openstack/python-barbicanclient', 76, 'barbican', 'python-barbicanclient'],
      ['openstack/glance_store', 359, 'glance', 'glance-store'],
      ['openstack/castellan', 2149, 'oslo', 'castellan'],
      ['openstack/sahara-plugin-vanilla', 2750, 'sahara', 'sahara-plugin-vanilla'],
      ['openstack/trove', 3159, 'trove', 'trove'],
    ])('has %s at its tag line %i (team %s, deliverable %s)', (name, line, team, deliverable) => {
      const entry = list?.entries.find((candidate) => candidate.name === name);
      expect(entry?.location.line).toBe(line);
      expect(entry?.governance).toEqual({ team, deliverable });
    });

    it('names the same repositories as the VMT page of the time', () => {
      const page = parseReal('ossa-repos-overseen-2022-06-02.rst');
      const names = (l: OversightList | null) => (l?.entries ?? []).map((e) => e.name).sort();
      expect(names(list)).toEqual(names(page));
    });
  });
});
