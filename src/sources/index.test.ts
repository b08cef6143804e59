import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChangeFacts, Evidence } from '../evidence/types';
import { GerritError } from '../gerrit/errors';
import { createEvidenceProvider } from './index';

const FIXTURES = resolve(__dirname, '../../test/fixtures/data');
const everything = {
  governance: join(FIXTURES, 'governance'),
  releases: join(FIXTURES, 'releases'),
  projectConfig: join(FIXTURES, 'project-config'),
  asOf: '2026-01-01',
};

describe('evidence provider', () => {
  it('says which flag is missing for each kind', async () => {
    const provider = createEvidenceProvider({ asOf: '2026-01-01' });
    const reasons = await Promise.all(
      (['governance', 'releases', 'projectConfig', 'repository', 'change'] as const).map((kind) =>
        provider.get(kind, 'openstack/sushy'),
      ),
    );
    expect(reasons).toEqual([
      { status: 'unavailable', source: 'governance', reason: 'no --governance given' },
      { status: 'unavailable', source: 'releases', reason: 'no --releases given' },
      { status: 'unavailable', source: 'project-config', reason: 'no --project-config given' },
      { status: 'unavailable', source: 'repository', reason: 'no --repos-root given' },
      { status: 'unavailable', source: 'gerrit', reason: 'no --gerrit/--change given' },
    ]);
  });

  it('answers from the sources and caches every answer within the run', async () => {
    const progress: string[] = [];
    const provider = createEvidenceProvider({ ...everything, onProgress: (m) => progress.push(m) });
    const first = await provider.get('governance', 'openstack/glance_store');
    expect(first).toMatchObject({
      status: 'available',
      value: { owner: { name: 'glance-store' } },
    });
    expect(await provider.get('governance', 'openstack/glance_store')).toBe(first);
    const releases = await provider.get('releases', 'openstack/glance_store');
    expect(releases).toMatchObject({ status: 'available', value: { deliverable: 'glance-store' } });
    await provider.get('projectConfig', 'openstack/sushy');
    await provider.get('projectConfig', 'openstack/os-brick');
    expect(progress.filter((m) => m.startsWith('reading governance'))).toHaveLength(1);
    expect(progress.filter((m) => m.startsWith('reading project-config'))).toHaveLength(1);
    expect(provider.stats().gitCalls).toBe(0);
  });

  it('lists the official repositories from the same governance parse, cached', async () => {
    const progress: string[] = [];
    const provider = createEvidenceProvider({ ...everything, onProgress: (m) => progress.push(m) });
    await provider.get('governance', 'openstack/sushy');
    const official = await provider.officialRepositories();
    expect(
      official.status === 'available' && official.value.repositories.map((r) => r.name),
    ).toEqual(expect.arrayContaining(['openstack/os-brick', 'openstack/sushy']));
    expect(await provider.officialRepositories()).toBe(official);
    expect(progress.filter((m) => m.startsWith('reading governance'))).toHaveLength(1);
    expect(await createEvidenceProvider({ asOf: '2026-01-01' }).officialRepositories()).toEqual({
      status: 'unavailable',
      source: 'governance',
      reason: 'no --governance given',
    });
  });

  it('still finds release files by repository name when governance is unavailable', async () => {
    const provider = createEvidenceProvider({ ...everything, governance: undefined });
    const releases = await provider.get('releases', 'openstack/sushy');
    expect(releases.status === 'available' && releases.value.files.length).toBe(5);
  });

  it('delegates the change to its reader, once, and survives its failure', async () => {
    const facts = { number: 1 } as ChangeFacts;
    let calls = 0;
    const change = async (): Promise<Evidence<ChangeFacts>> => {
      calls += 1;
      return { status: 'available', value: facts };
    };
    const provider = createEvidenceProvider({ asOf: '2026-01-01', change });
    expect(await provider.get('change', 'openstack/a')).toEqual({
      status: 'available',
      value: facts,
    });
    await provider.get('change', 'openstack/b');
    expect(calls).toBe(1);
    const failing = createEvidenceProvider({
      asOf: '2026-01-01',
      change: () => Promise.reject(new GerritError('network', 'cannot reach review.example.org')),
    });
    expect(await failing.get('change', 'x/y')).toEqual({
      status: 'unavailable',
      source: 'gerrit',
      reason: 'reading the change failed: cannot reach review.example.org',
    });
  });

  it('reports a change reader that throws anything else as a bug, not as missing data', async () => {
    const provider = createEvidenceProvider({
      asOf: '2026-01-01',
      change: () => Promise.reject(new Error('boom')),
    });
    expect(await provider.get('change', 'x/y')).toEqual({
      status: 'unavailable',
      source: 'gerrit',
      reason: 'a bug in vmt-oversight (Error: boom) while reading the change',
      internal: true,
    });
  });

  it("passes the change reader's own unavailability through", async () => {
    const provider = createEvidenceProvider({
      asOf: '2026-01-01',
      change: async () => ({
        status: 'unavailable',
        source: 'gerrit',
        reason: 'change 12 not found',
      }),
    });
    expect(await provider.get('change', 'x/y')).toEqual({
      status: 'unavailable',
      source: 'gerrit',
      reason: 'change 12 not found',
    });
  });

  it('refuses a date that is not one, without reading anything', async () => {
    const provider = createEvidenceProvider({ ...everything, asOf: '2026-02-30' });
    expect(await provider.get('governance', 'openstack/sushy')).toEqual({
      status: 'unavailable',
      source: 'governance',
      reason: '--as-of 2026-02-30 is not a date (YYYY-MM-DD)',
    });
  });

  it('turns an unexpected failure into unavailable, never a crash', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vmt-broken-'));
    mkdirSync(join(root, 'openstack', 'broken'), { recursive: true });
    // A git directory whose HEAD names nothing: git itself fails on it.
    mkdirSync(join(root, 'openstack', 'broken', 'objects'), { recursive: true });
    writeFileSync(join(root, 'openstack', 'broken', 'HEAD'), 'not a ref\n');
    const provider = createEvidenceProvider({ asOf: '2026-01-01', reposRoot: root });
    expect(await provider.get('repository', 'openstack/broken')).toEqual({
      status: 'unavailable',
      source: 'repository',
      reason: expect.stringMatching(
        /^reading repository evidence for openstack\/broken failed: git for-each-ref failed/,
      ),
    });
    rmSync(root, { recursive: true, force: true });
  });
});
