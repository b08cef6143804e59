import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GovernanceSource } from './source';

const FIXTURE = resolve(__dirname, '../../../test/fixtures/data/governance');
const source = () => new GovernanceSource({ dir: FIXTURE, asOf: '2026-01-01' });

function governanceDir(projects: string, legacy?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-governance-'));
  mkdirSync(join(dir, 'reference'));
  writeFileSync(join(dir, 'reference/projects.yaml'), projects);
  if (legacy !== undefined) writeFileSync(join(dir, 'reference/legacy.yaml'), legacy);
  return dir;
}

describe('governance source', () => {
  it('finds the team and deliverable owning a repository, with its PTL and liaisons', async () => {
    const facts = await source().facts('openstack/os-brick');
    expect(facts.retired).toBeNull();
    expect(facts.owner).toMatchObject({
      name: 'os-brick',
      repos: ['openstack/os-brick'],
      releaseManagement: null,
      deprecated: null,
      ref: { source: 'governance', file: 'reference/projects.yaml', line: 26 },
      team: {
        name: 'cinder',
        leadershipType: 'ptl',
        ptl: { name: 'Pat Example', irc: 'patex', email: 'pat@example.org' },
        securityLiaisons: [{ name: 'Sam Secure', email: 'sam@example.org' }],
        ref: { line: 2 },
      },
    });
  });

  it('reads distributed leadership (no PTL) and release-management', async () => {
    const governance = source();
    const sushy = await governance.facts('openstack/sushy');
    expect(sushy.owner?.team).toMatchObject({
      name: 'ironic',
      leadershipType: 'distributed',
      ptl: null,
    });
    expect(sushy.owner?.team.securityLiaisons.map((p) => p.name)).toEqual(['Ira Guard']);
    const lib = await governance.facts('openstack/ironic-lib');
    expect(lib.owner).toMatchObject({ releaseManagement: 'deprecated', deprecated: '2025.1' });
    expect(lib.owner?.team).toBe(sushy.owner?.team);
    const reno = await governance.facts('openstack/reno');
    expect(reno.owner).toMatchObject({ name: 'releases', releaseManagement: 'none' });
    expect(reno.owner?.team.name).toBe('Release Management');
    expect((await governance.facts('openstack/glance_store')).owner?.name).toBe('glance-store');
  });

  it('reads retirements from legacy.yaml: partial teams, whole teams, repeated keys', async () => {
    const governance = source();
    expect(await governance.facts('openstack/castellan-ui')).toMatchObject({
      owner: null,
      retired: {
        team: 'barbican',
        deliverable: 'castellan-ui',
        retiredOn: '2019-05-22',
        ref: { source: 'governance', file: 'reference/legacy.yaml', line: 6 },
      },
    });
    expect((await governance.facts('openstack/python-saharaclient')).retired).toMatchObject({
      team: 'sahara',
      retiredOn: '2024-05-10',
    });
    // sushy-cli appears twice; PyYAML keeps the last one.
    expect((await governance.facts('openstack/sushy-cli')).retired?.retiredOn).toBe('2021-05-20');
    expect(await governance.facts('openstack/unknown')).toMatchObject({
      owner: null,
      retired: null,
    });
  });

  it('reads the pre-2016 plain-string PTL and works without legacy.yaml', async () => {
    const dir = governanceDir(
      'Nova:\n  ptl: John Example (jex)\n  deliverables:\n    nova:\n      repos:\n        - openstack/nova\n',
    );
    const facts = await new GovernanceSource({ dir, asOf: '2015-10-01' }).facts('openstack/nova');
    expect(facts.owner?.team).toMatchObject({
      leadershipType: 'ptl',
      ptl: { name: 'John Example', irc: 'jex' },
    });
    expect(facts.retired).toBeNull();
  });

  it('says unavailable for layouts and values it does not know', async () => {
    const odd = governanceDir(
      'x:\n  leadership_type: council\n  deliverables:\n    x:\n      repos: [openstack/x]\n',
    );
    await expect(
      new GovernanceSource({ dir: odd, asOf: '2026-01-01' }).facts('openstack/x'),
    ).rejects.toThrow(
      "line 2 team x has leadership_type 'council', which this reader does not know",
    );
    const listLegacy = governanceDir(
      'x:\n  ptl: {name: A, email: a@example.org}\n  deliverables:\n    x:\n      repos: [openstack/x]\n',
      '- openstack/y\n',
    );
    await expect(
      new GovernanceSource({ dir: listLegacy, asOf: '2026-01-01' }).facts('openstack/x'),
    ).rejects.toThrow('is not a mapping of teams, a layout this reader does not know');
    const broken = governanceDir('x: [\n');
    await expect(
      new GovernanceSource({ dir: broken, asOf: '2026-01-01' }).facts('openstack/x'),
    ).rejects.toThrow('is not valid YAML');
  });

  it('needs a directory with reference/projects.yaml', async () => {
    await expect(
      new GovernanceSource({ dir: undefined, asOf: '2026-01-01' }).facts('a/b'),
    ).rejects.toThrow('no --governance given');
    const empty = mkdtempSync(join(tmpdir(), 'vmt-governance-'));
    await expect(
      new GovernanceSource({ dir: empty, asOf: '2026-01-01' }).facts('a/b'),
    ).rejects.toThrow(`governance data in ${empty} has no reference/projects.yaml`);
  });

  it('lists every official repository once, in file order, at the line listing it', async () => {
    const dir = governanceDir(
      'B Team:\n  ptl: {name: B, email: b@example.org}\n  deliverables:\n    b:\n' +
        '      repos:\n        - openstack/b-two\n        - openstack/b-one\n' +
        'A team:\n  leadership_type: distributed\n  deliverables:\n    a:\n' +
        '      repos: [openstack/a]\n    again:\n      repos: [openstack/b-one]\n',
      'Old:\n  deliverables:\n    old:\n      repos: [openstack/old]\n      retired-on: 2020-01-01\n',
    );
    const official = await new GovernanceSource({ dir, asOf: '2026-01-01' }).officialRepositories();
    expect(official.ref).toEqual({ source: 'governance', file: 'reference/projects.yaml' });
    expect(official.repositories).toEqual([
      {
        name: 'openstack/b-two',
        team: 'B Team',
        deliverable: 'b',
        ref: expect.objectContaining({ line: 6 }) as unknown,
      },
      {
        name: 'openstack/b-one',
        team: 'B Team',
        deliverable: 'b',
        ref: expect.objectContaining({ line: 7 }) as unknown,
      },
      {
        name: 'openstack/a',
        team: 'A team',
        deliverable: 'a',
        ref: expect.objectContaining({ line: 12 }) as unknown,
      },
    ]);
  });

  it('parses the files once per run', async () => {
    const progress: string[] = [];
    const governance = new GovernanceSource({
      dir: FIXTURE,
      asOf: '2026-01-01',
      onProgress: (m) => progress.push(m),
    });
    await Promise.all([
      governance.facts('openstack/sushy'),
      governance.officialRepositories(),
      governance.facts('openstack/os-brick'),
    ]);
    expect(progress).toEqual(['reading governance reference/projects.yaml']);
  });
});
