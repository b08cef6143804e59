import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fakeAccount } from '../../test/helpers/gerrit-model';
import { startFakeGerrit, type FakeGerrit } from '../../test/helpers/gerrit-server';
import { startFakeLaunchpad, type FakeLaunchpad } from '../../test/helpers/launchpad-server';
import { createEvidenceProvider } from './index';
import type { NetworkOptions } from './net/options';

const ADMINS = 'openstack-admins';
let launchpad: FakeLaunchpad;
let gerrit: FakeGerrit;
let projectConfig: string;

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

beforeEach(async () => {
  launchpad = await startFakeLaunchpad({
    projects: {
      cinder: {
        name: 'cinder',
        owner_link: `http://lp/devel/~${ADMINS}`,
        bug_sharing_policy: 'Public',
        official_bugs: true,
        information_type: 'Public',
        private: false,
        is_permitted: 'tag:launchpad.net:2008:redacted',
      },
    },
    teams: {
      'cinder-coresec': {
        entry: {
          name: 'cinder-coresec',
          is_team: true,
          team_owner_link: `http://lp/devel/~${ADMINS}`,
          membership_policy: 'Restricted Team',
          visibility: 'Public',
        },
        members: Array.from({ length: 301 }, (_, i) => `m${i}`),
      },
    },
  });
  const cores = Array.from({ length: 6 }, (_, i) => fakeAccount(2000 + i, `core${i}`, `Core ${i}`));
  gerrit = await startFakeGerrit({
    changes: [],
    groups: [
      {
        name: 'cinder-core',
        visibleToAll: true,
        members: cores.slice(0, 4),
        includes: ['cinder-more'],
      },
      { name: 'cinder-more', visibleToAll: true, members: cores.slice(3) },
      { name: 'hidden-core', visibleToAll: false, members: cores },
    ],
  });
  projectConfig = mkdtempSync(join(tmpdir(), 'vmt-net-'));
  write(
    projectConfig,
    'gerrit/projects.yaml',
    '- project: openstack/cinder\n  acl-config: /home/gerrit2/acls/openstack/cinder.config\n' +
      '- project: openstack/os-brick\n',
  );
  write(projectConfig, 'zuul.d/projects.yaml', '[]\n');
  write(
    projectConfig,
    'gerrit/acls/openstack/cinder.config',
    '[access]\ninheritFrom = openstack/meta-config\n\n[access "refs/heads/*"]\n' +
      'label-Code-Review = -2..+2 group cinder-core\nlabel-Code-Review = -1..+1 group Registered Users\n',
  );
  write(
    projectConfig,
    'gerrit/acls/openstack/meta-config.config',
    '[access "refs/*"]\nlabel-Code-Review = -2..+2 group Release Managers\n',
  );
  write(
    projectConfig,
    'gerrit/acls/openstack/os-brick.config',
    '[access "refs/heads/*"]\nlabel-Code-Review = -2..+2 group hidden-core\n',
  );
});

afterEach(async () => {
  launchpad.verify();
  gerrit.verify();
  await Promise.all([launchpad.close(), gerrit.close()]);
  rmSync(projectConfig, { recursive: true, force: true });
});

function provider(network: Partial<NetworkOptions>, log: string[] = []) {
  return createEvidenceProvider({
    asOf: '2026-01-01',
    projectConfig,
    declaredTrackers: new Map([
      ['openstack/cinder', { launchpad: 'cinder' }],
      ['openstack/os-brick', { launchpad: 'os-brick', 'security-group': 'brick-coresec' }],
    ]),
    network: {
      offline: false,
      launchpadApi: launchpad.api,
      gerrit: gerrit.url,
      log: (line) => log.push(line),
      ...network,
    },
  });
}

describe('Launchpad source against a local Launchpad', () => {
  it('reads the project, the coresec team across pages, and leaves the grant unknown', async () => {
    const log: string[] = [];
    const evidence = await provider({}, log).get('launchpad', 'openstack/cinder');
    expect(evidence.status).toBe('available');
    if (evidence.status !== 'available') return;
    const facts = evidence.value;
    expect(facts.project).toMatchObject({
      state: 'found',
      value: { name: 'cinder', owner: ADMINS, bugSharingPolicy: 'Public', officialBugs: true },
    });
    expect(facts.team).toMatchObject({
      state: 'found',
      value: {
        name: 'cinder-coresec',
        owner: ADMINS,
        membershipPolicy: 'Restricted Team',
        size: 301,
      },
    });
    expect(facts.team?.state === 'found' && facts.team.value.members).toHaveLength(301);
    expect(facts.vmtGrant).toMatchObject({ state: 'unknown' });
    expect(launchpad.requests).toEqual([
      '/devel/cinder',
      '/devel/~cinder-coresec',
      '/devel/~cinder-coresec/members?ws.size=300',
      '/devel/~cinder-coresec/members?ws.size=300&ws.start=300',
    ]);
    expect(log).toHaveLength(4);
    expect(log[0]).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/devel\/cinder → 200 \(\d+ ms, \d+ bytes\)$/,
    );
  });

  it("a project's 404 is absent (missing or private); a team's 404 is cannot-tell", async () => {
    const evidence = await provider({}).get('launchpad', 'openstack/os-brick');
    if (evidence.status !== 'available') throw new Error(evidence.reason);
    expect(evidence.value.project).toMatchObject({ state: 'absent' });
    expect(evidence.value.team).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('private or does not exist'),
    });
  });

  it('offline, it makes no request and says why', async () => {
    const evidence = await provider({ offline: true, offlineBecause: '--offline' }).get(
      'launchpad',
      'openstack/cinder',
    );
    if (evidence.status !== 'available') throw new Error(evidence.reason);
    expect(evidence.value.project).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('offline (--offline)'),
    });
    expect(launchpad.requests).toEqual([]);
  });
});

describe('core reviewers source against the local Gerrit', () => {
  it('finds the core group in the ACL (inheritFrom followed, globals dropped) and its members', async () => {
    gerrit.expect({ method: 'GET', path: '/groups/cinder-core/members/?recursive' });
    const evidence = await provider({}).get('coreReviewers', 'openstack/cinder');
    if (evidence.status !== 'available') throw new Error(evidence.reason);
    expect(evidence.value.aclFiles.map((r) => r.file)).toEqual([
      'gerrit/acls/openstack/cinder.config',
      'gerrit/acls/openstack/meta-config.config',
    ]);
    expect(evidence.value.groups).toEqual(['cinder-core']);
    const [members] = evidence.value.members;
    expect(members?.state === 'found' && members.value.members.map((m) => m.username)).toEqual([
      'core0',
      'core1',
      'core2',
      'core3',
      'core4',
      'core5',
    ]);
    expect(gerrit.requests.map((r) => r.path)).toEqual(['/groups/cinder-core/members/?recursive']);
  });

  it('a group not visible to anonymous callers is cannot-tell', async () => {
    gerrit.expect({ method: 'GET', path: '/groups/hidden-core/members/?recursive' });
    const evidence = await provider({}).get('coreReviewers', 'openstack/os-brick');
    if (evidence.status !== 'available') throw new Error(evidence.reason);
    expect(evidence.value.members[0]).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('not visible to anonymous callers'),
    });
  });
});
