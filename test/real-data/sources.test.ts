import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evidence, EvidenceKind, EvidenceMap } from '../../src/evidence/types';
import { createEvidenceProvider } from '../../src/sources';
import { buildSnapshotRepos, SHARED_DATA } from '../helpers/snapshot-repo';

const present = existsSync(SHARED_DATA);
if (!present) {
  console.log(`real-data sources suite skipped: ${SHARED_DATA} is not there`);
}

const SNAPSHOTS = ['sushy', 'os-brick', 'ironic-lib', 'networking-generic-switch'];
let root: string;

function provider(asOf: string) {
  return createEvidenceProvider({
    governance: join(SHARED_DATA, 'openstack/governance'),
    releases: join(SHARED_DATA, 'openstack/releases'),
    projectConfig: join(SHARED_DATA, 'openstack/project-config'),
    reposRoot: root,
    asOf,
  });
}

async function value<K extends EvidenceKind>(
  kind: K,
  repository: string,
  asOf = '2026-08-22',
): Promise<EvidenceMap[K]> {
  const evidence: Evidence<EvidenceMap[K]> = await provider(asOf).get(kind, repository);
  if (evidence.status !== 'available') throw new Error(`${kind} unavailable: ${evidence.reason}`);
  return evidence.value;
}

(present ? describe : describe.skip)('sources on the real OpenStack data (../shared/data)', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vmt-real-repos-'));
    buildSnapshotRepos(SHARED_DATA, SNAPSHOTS, root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('governance: sushy belongs to ironic, a distributed team with a security liaison', async () => {
    const { owner, retired } = await value('governance', 'openstack/sushy');
    expect(retired).toBeNull();
    expect(owner).toMatchObject({ name: 'sushy', repos: ['openstack/sushy'] });
    expect(owner?.team).toMatchObject({ name: 'ironic', leadershipType: 'distributed', ptl: null });
    expect(owner?.team.securityLiaisons.length).toBeGreaterThan(0);
    expect(owner?.ref).toMatchObject({ file: 'reference/projects.yaml', line: expect.any(Number) });
  });

  it('governance: os-brick belongs to cinder, led by a PTL', async () => {
    const { owner } = await value('governance', 'openstack/os-brick');
    expect(owner?.team).toMatchObject({ name: 'cinder', leadershipType: 'ptl' });
    expect(owner?.team.ptl?.name).toEqual(expect.any(String));
  });

  it('governance: castellan-ui is retired in legacy.yaml (which repeats keys)', async () => {
    expect(await value('governance', 'openstack/castellan-ui')).toMatchObject({
      owner: null,
      retired: {
        team: 'barbican',
        deliverable: 'castellan-ui',
        retiredOn: '2019-05-22',
        ref: { source: 'governance', file: 'reference/legacy.yaml', line: expect.any(Number) },
      },
    });
  });

  it('releases: the series table, release-ids as text, newest first', async () => {
    const { series } = await value('releases', 'openstack/sushy');
    const byName = new Map(series.map((s) => [s.name, s]));
    expect(series[series.length - 1]?.name).toBe('austin');
    expect(byName.get('caracal')).toMatchObject({
      releaseId: '2024.1',
      status: 'unmaintained',
      nextPhase: { status: 'end of life', date: null },
    });
    expect(byName.get('epoxy')).toMatchObject({
      releaseId: '2025.1',
      initialRelease: '2025-04-02',
    });
    expect(byName.get('zed')?.releaseId).toBeNull();
    expect(byName.get('xena')?.eolDate).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
  });

  it('releases: sushy releases and branches, versions as strings', async () => {
    const facts = await value('releases', 'openstack/sushy');
    expect(facts.deliverable).toBe('sushy');
    const epoxy = facts.files.find((file) => file.series === 'epoxy');
    expect(epoxy?.releases.map((r) => r.version)).toEqual(['5.3.0', '5.4.0', '5.5.0', '5.5.1']);
    expect(epoxy?.branches.map((b) => [b.name, b.location])).toEqual([['stable/2025.1', '5.5.0']]);
    expect(epoxy?.releaseModel).toBe('cycle-with-intermediary');
    const caracal = facts.files.find((file) => file.series === 'caracal');
    expect(caracal?.releases.map((r) => r.version)).toContain('2024.1-eom');
    expect(facts.files[0]?.series).toBe('pike');
    for (const file of facts.files) {
      for (const release of file.releases) expect(typeof release.version).toBe('string');
    }
  });

  it('project-config: central templates and the Gerrit ACL, retired or not', async () => {
    const sushy = await value('projectConfig', 'openstack/sushy');
    expect(sushy.zuul?.templates).toEqual(['official-openstack-repo-jobs', 'publish-to-pypi']);
    expect(sushy.gerrit).toMatchObject({
      acl: '/home/gerrit2/acls/openstack/ironic.config',
      retired: false,
    });
    const castellan = await value('projectConfig', 'openstack/castellan-ui');
    expect(castellan.gerrit?.retired).toBe(true);
    expect(castellan.zuul).toBeNull();
  });

  it('repository: sushy tags, branches and Zuul config today', async () => {
    const facts = await value('repository', 'openstack/sushy');
    expect(facts.tags).toHaveLength(131);
    expect(facts.branches.map((b) => b.name)).toEqual([
      'master',
      'stable/2024.2',
      'stable/2025.1',
      'stable/2025.2',
      'unmaintained/2023.1',
      'unmaintained/2024.1',
      'unmaintained/zed',
    ]);
    expect(facts.zuul?.location).toBe('zuul.d');
    expect(facts.zuul?.jobs.map((j) => j.name)).toContain('sushy-tempest-bios-redfish-pxe');
    expect(facts.testEntryPoints[0]).toMatchObject({ kind: 'tox', bareTestenv: true });
    expect(facts.testEntryPoints[0]?.targets).toContain('py3');
  });

  it('repository: sushy as of two past dates', async () => {
    const early = await value('repository', 'openstack/sushy', '2018-01-01');
    expect(early.tags.map((t) => t.name)).toEqual(['0.1.0', '0.2.0', '1.0.0', '1.1.0', '1.2.0']);
    const mid = await value('repository', 'openstack/sushy', '2025-06-01');
    expect(mid.tags.map((t) => t.name)).toContain('5.5.0');
    expect(mid.tags.map((t) => t.name)).not.toContain('5.7.1');
    expect(mid.branches.map((b) => b.name)).toEqual([
      'master',
      'stable/2024.2',
      'stable/2025.1',
      'unmaintained/2023.1',
      'unmaintained/zed',
    ]);
    // sushy's first commit is of 2017-02: on 2016-12-31 it did not exist yet, and the clone
    // proves it (no tag, no branch, no tree then), which is evidence, not "unavailable".
    const before = await value('repository', 'openstack/sushy', '2016-12-31');
    expect((before.notYetCreated?.firstCommit.date ?? '').slice(0, 10) > '2016-12-31').toBe(true);
    expect(before.tags).toEqual([]);
    expect(before.branches).toEqual([]);
  });

  it('repository: os-brick reads .zuul.yaml, with non-voting job definitions', async () => {
    const facts = await value('repository', 'openstack/os-brick');
    expect(facts.zuul?.location).toBe('.zuul.yaml');
    const nv = facts.zuul?.jobs.find((j) => j.name === 'os-brick-src-devstack-plugin-ceph-nv');
    expect(nv).toMatchObject({ parent: 'os-brick-src-devstack-plugin-ceph', voting: false });
  });
});
