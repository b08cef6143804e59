import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from '../../src/list/parse';
import { GovernanceSource } from '../../src/sources/governance/source';

// Real data lives beside the project in CI (../shared/data); a user's machine may not have it.
const DATA = path.resolve(__dirname, '../../../shared/data');
const GOVERNANCE = path.join(DATA, 'openstack/governance');
const LISTS = path.join(DATA, 'list-formats');
const present = existsSync(path.join(GOVERNANCE, 'reference/projects.yaml'));
if (!present) {
  console.log(`Real-data governance layouts skipped: ${GOVERNANCE} not found.`);
}
const describeReal = present ? describe : describe.skip;

/** Team projects (`projects:` with `- repo:` items), the layout before 2015-07-28. */
const OLD_LAYOUT = /^[ \t]+projects[ \t]*:[ \t]*\n[ \t]+-[ \t]+repo[ \t]*:/m;

const oldLayoutFiles = existsSync(LISTS)
  ? readdirSync(LISTS).filter((name) =>
      OLD_LAYOUT.test(readFileSync(path.join(LISTS, name), 'utf8')),
    )
  : [];
if (present && oldLayoutFiles.length === 0) {
  console.log(
    `Real-data governance layout before 2015-07-28 skipped: no such file in ${LISTS} ` +
      '(its tests use project-written fixtures, test/helpers/governance-2015.ts).',
  );
}
const describeOld = oldLayoutFiles.length > 0 ? describe : describe.skip;

describeReal('real governance projects.yaml (../shared/data/openstack/governance)', () => {
  it('has no entry the reader cannot read: every repository is judged, none unavailable', async () => {
    const source = new GovernanceSource({ dir: GOVERNANCE, asOf: '2026-08-08' });
    const official = await source.officialRepositories();
    expect(official.repositories).toHaveLength(579);
    const facts = await source.facts('openstack/sushy');
    expect(facts.owner).toMatchObject({ name: 'sushy', team: { name: 'ironic' } });
    expect(facts.projects?.teams.get('ironic')).toContain('sushy');
    expect(facts.projects?.teams.size).toBe(42);
  });
});

describeOld('real governance lists before 2015-07-28 (../shared/data/list-formats)', () => {
  it.each(oldLayoutFiles)('%s reads as a governance list without problems', (name) => {
    const list = parseList(`list-formats/${name}`, readFileSync(path.join(LISTS, name)));
    expect(list.format).toBe('governance');
    expect(list.problems).toEqual([]);
    expect(list.entries.length).toBeGreaterThan(0);
  });
});
