import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTS_2015_07 } from '../../../test/helpers/governance-2015';
import { GovernanceSource } from './source';

function governance(projects: string): GovernanceSource {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-governance-'));
  mkdirSync(join(dir, 'reference'));
  writeFileSync(join(dir, 'reference/projects.yaml'), projects);
  return new GovernanceSource({ dir, asOf: '2015-07-20' });
}

describe('governance projects.yaml before 2015-07-28 (team projects)', () => {
  it('makes each project repository a deliverable of its team, named after it', async () => {
    const source = governance(PROJECTS_2015_07);
    const facts = await source.facts('openstack/python-novaclient');
    expect(facts.owner).toMatchObject({
      name: 'python-novaclient',
      repos: ['openstack/python-novaclient'],
      releaseManagement: null,
      ref: { file: 'reference/projects.yaml', line: 16 },
      team: { name: 'Nova', leadershipType: 'ptl', ptl: { name: 'Jo Example', irc: 'jex' } },
    });
    // Untagged projects are official too: clause 2 is about the team, not the tag.
    expect((await source.facts('openstack/sahara-extra')).owner?.team.name).toBe('Sahara');
    expect((await source.facts('openstack/trove')).owner).toBeNull();
    expect(facts.projects?.teams).toEqual(
      new Map([
        ['Nova', ['nova', 'python-novaclient', 'nova-specs']],
        ['Sahara', ['sahara', 'sahara-extra']],
      ]),
    );
    const official = await source.officialRepositories();
    expect(official.repositories.map((r) => r.name)).toEqual([
      'openstack/nova',
      'openstack/python-novaclient',
      'openstack/nova-specs',
      'openstack/sahara',
      'openstack/sahara-extra',
    ]);
  });
});

const TEAMS = (broken: string) => `Alpha:
  ptl: {name: A, email: a@example.org}
  deliverables:
    alpha:
      repos:
        - openstack/alpha
${broken}
Zeta:
  ptl: {name: Z, email: z@example.org}
  deliverables:
    zeta:
      repos: [openstack/zeta]
`;

describe('one malformed entry in projects.yaml', () => {
  it('reads a repos: holding one name as that repository, as upstream does', async () => {
    const source = governance(TEAMS('    beta:\n      repos: openstack/beta\n'));
    expect((await source.facts('openstack/beta')).owner).toMatchObject({
      name: 'beta',
      repos: ['openstack/beta'],
      ref: { line: 8 },
    });
    expect((await source.facts('openstack/zeta')).owner?.team.name).toBe('Zeta');
  });

  it('confines a real shape error to the deliverable: others are judged, its repositories unavailable', async () => {
    const source = governance(TEAMS('    beta:\n      repos:\n        - openstack/beta: yes\n'));
    await expect(source.facts('openstack/beta')).rejects.toThrow(
      'reference/projects.yaml entry Alpha.deliverables.beta (line 7) cannot be read: line 9 ' +
        'Alpha.deliverables.beta.repos: expected a single value, found a mapping; it may list ' +
        'openstack/beta, so which official team lists the repository cannot be established',
    );
    expect((await source.facts('openstack/alpha')).owner?.name).toBe('alpha');
    expect((await source.facts('openstack/zeta')).owner?.name).toBe('zeta');
    // Not written anywhere in the broken entry: it cannot be listed there, so it is not official.
    expect((await source.facts('openstack/omega')).owner).toBeNull();
    // audit --all-official names every readable repository, and the entry it cannot read.
    const official = await source.officialRepositories();
    expect(official.repositories.map((r) => r.name)).toEqual(['openstack/alpha', 'openstack/zeta']);
    expect(official.unreadable).toEqual([
      {
        text:
          'entry Alpha.deliverables.beta (line 7) cannot be read: line 9 ' +
          'Alpha.deliverables.beta.repos: expected a single value, found a mapping',
        ref: { source: 'governance', file: 'reference/projects.yaml', line: 7 },
      },
    ]);
  });

  it('confines a team that is not a mapping to the team, following aliases into it', async () => {
    const text = `${TEAMS('')}Names:\n  - &n openstack/aliased\nBroken:\n  - *n\n`;
    const source = governance(text);
    await expect(source.facts('openstack/aliased')).rejects.toThrow(
      /entry Names \(line 13\) cannot be read: line 13 team Names: expected a mapping; entry Broken \(line 15\)/,
    );
    expect((await source.facts('openstack/zeta')).owner?.name).toBe('zeta');
  });

  it('confines a broken pre-2015-07-28 project to itself', async () => {
    const text = 'Nova:\n  projects:\n    - repo: openstack/nova\n    - repo: [openstack/bad]\n';
    const source = governance(text);
    expect((await source.facts('openstack/nova')).owner?.name).toBe('nova');
    await expect(source.facts('openstack/bad')).rejects.toThrow(
      /entry Nova.projects\[1\] \(line 4\) cannot be read: line 4 Nova.projects\[1\].repo: expected a single value, found a list/,
    );
  });

  it('survives an alias that recurses into itself', async () => {
    const source = governance(`${TEAMS('')}Loop: &loop\n  - *loop\n`);
    expect((await source.facts('openstack/omega')).owner).toBeNull();
  });
});
