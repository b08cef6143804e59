import { resolve } from 'node:path';
import type { EvidenceKind } from '../evidence/types';

// Every kind a rule can ask for (EvidenceMap's keys).
const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'governance',
  'releases',
  'projectConfig',
  'repository',
  'change',
  'launchpad',
  'coreReviewers',
];
import { createEvidenceProvider } from './index';
import { SOURCES } from './registry';
import type { EvidenceSource, SourceKind, SourceRegistry } from './source';
import { Unavailable } from './unavailable';

const RELEASES = resolve(__dirname, '../../test/fixtures/data/releases');
const options = { asOf: '2026-01-01', releases: RELEASES };

/** The registry with the governance source replaced. */
function withGovernance(read: EvidenceSource<'governance'>['read']): SourceRegistry {
  return { ...SOURCES, governance: { ...SOURCES.governance, read } };
}

describe('source registry', () => {
  it('lists one source for every kind a rule may ask for, Gerrit included', () => {
    const kinds = Object.keys(SOURCES) as SourceKind[];
    expect(kinds).toEqual(expect.arrayContaining([...EVIDENCE_KINDS]));
    for (const kind of kinds) expect(SOURCES[kind].kind).toBe(kind);
    expect(SOURCES.change.id).toBe('gerrit');
  });

  it('declares dependencies only on registered kinds, without a cycle', () => {
    const visiting = new Set<SourceKind>();
    const visit = (kind: SourceKind): void => {
      expect(visiting.has(kind)).toBe(false);
      visiting.add(kind);
      for (const dependency of SOURCES[kind].dependencies) {
        expect(Object.keys(SOURCES)).toContain(dependency);
        visit(dependency);
      }
      visiting.delete(kind);
    };
    for (const kind of Object.keys(SOURCES) as SourceKind[]) visit(kind);
    expect(SOURCES.releases.dependencies).toEqual(['governance']);
  });
});

describe('a source that throws', () => {
  it('marks a TypeError as a bug in vmt-oversight, not as missing data', async () => {
    const registry = withGovernance(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'name')");
    });
    const provider = createEvidenceProvider(options, registry);
    expect(await provider.get('governance', 'openstack/sushy')).toEqual({
      status: 'unavailable',
      source: 'governance',
      reason:
        "a bug in vmt-oversight (TypeError: Cannot read properties of undefined (reading 'name')) " +
        'while reading governance evidence for openstack/sushy',
      internal: true,
    });
  });

  it('keeps Unavailable as it is: missing data, with its own source and reason', async () => {
    const registry = withGovernance(() => {
      throw new Unavailable('governance', 'no --governance given');
    });
    expect(await createEvidenceProvider(options, registry).get('governance', 'a/b')).toEqual({
      status: 'unavailable',
      source: 'governance',
      reason: 'no --governance given',
    });
  });

  it('passes a bug in a dependency on: releases never read it as "no deliverable name"', async () => {
    const registry = withGovernance(() => Promise.reject(new RangeError('index out of range')));
    const provider = createEvidenceProvider(options, registry);
    expect(await provider.get('releases', 'openstack/sushy')).toEqual({
      status: 'unavailable',
      source: 'governance',
      reason:
        'a bug in vmt-oversight (RangeError: index out of range) while reading governance ' +
        'evidence for openstack/sushy',
      internal: true,
    });
    // Governance that is merely unavailable still leaves the repository's own name to use.
    const plain = createEvidenceProvider(options);
    const releases = await plain.get('releases', 'openstack/sushy');
    expect(releases.status === 'available' && releases.value.deliverable).toBe('sushy');
  });

  it('refuses evidence a source asks for without declaring it', async () => {
    const registry = withGovernance(async (repository, run) => {
      await run.evidence('repository', repository);
      return { owner: null, retired: null };
    });
    expect(await createEvidenceProvider(options, registry).get('governance', 'a/b')).toEqual({
      status: 'unavailable',
      source: 'governance',
      reason: expect.stringContaining(
        'a bug in vmt-oversight (Error: the governance source asked for repository, not among its dependencies)',
      ),
      internal: true,
    });
  });

  it('reads each (kind, repository) once, however many ask at the same time', async () => {
    let reads = 0;
    const registry = withGovernance(async () => {
      reads += 1;
      await new Promise((done) => setTimeout(done, 5));
      return { owner: null, retired: null };
    });
    const provider = createEvidenceProvider(options, registry);
    const answers = await Promise.all([
      provider.get('governance', 'a/b'),
      provider.get('governance', 'a/b'),
      provider.get('releases', 'a/b'),
      provider.get('governance', 'a/c'),
    ]);
    expect(answers[0]).toBe(answers[1]);
    expect(reads).toBe(2);
  });
});
