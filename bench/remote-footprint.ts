/**
 * The cold audit's cache on disk, per repository, beside the partial-clone sizes measured in the
 * research notes (evidence-services.md §4.2: `--filter=tree:0` bare clones of openstack/nova and
 * openstack/releases). The synthetic repositories are far smaller than nova, so bytes per object
 * is the figure that compares; the totals show what 600 repositories cost here.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { baseUrlKey, parseBaseUrl } from '../src/git/cache/base-url';
import { directorySize } from '../src/git/cache/network';
import type { BenchWorld } from './world';

interface RepositoryFootprint {
  bytes: number;
  /** Of `bytes`, what `objects/` holds (the rest is git's fixed files: hooks samples, config). */
  objectBytes: number;
  objects: number;
}

export interface Footprint {
  size: number;
  candidates: RepositoryFootprint;
  data: (RepositoryFootprint & { name: string })[];
  total: number;
}

/** tree:0 bare clones, on disk, from §4.2 of the research notes. */
const RESEARCH = [
  { name: 'nova', bytes: 24.7e6, objects: 71_296 },
  { name: 'releases', bytes: 8.8e6, objects: 30_642 },
];

async function measureRepository(gitDir: string): Promise<RepositoryFootprint> {
  const out = execFileSync('git', ['--git-dir', gitDir, 'count-objects', '-v'], {
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  }).toString('utf8');
  const field = (name: string): number =>
    Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
  return {
    bytes: await directorySize(gitDir),
    objectBytes: await directorySize(join(gitDir, 'objects')),
    objects: field('count') + field('in-pack'),
  };
}

export async function cacheFootprint(
  cacheDir: string,
  url: string,
  world: BenchWorld,
): Promise<Footprint> {
  const root = join(cacheDir, 'git', baseUrlKey(parseBaseUrl(url)));
  const sum: RepositoryFootprint = { bytes: 0, objectBytes: 0, objects: 0 };
  for (const name of world.repositories) {
    const one = await measureRepository(join(root, `${name}.git`));
    sum.bytes += one.bytes;
    sum.objectBytes += one.objectBytes;
    sum.objects += one.objects;
  }
  const data = [];
  for (const name of world.dataRepositories) {
    data.push({ name, ...(await measureRepository(join(root, `${name}.git`))) });
  }
  const candidates = {
    bytes: sum.bytes / world.size,
    objectBytes: sum.objectBytes / world.size,
    objects: sum.objects / world.size,
  };
  const total = sum.bytes + data.reduce((all, one) => all + one.bytes, 0);
  return { size: world.size, candidates, data, total };
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
const perObject = (f: Pick<RepositoryFootprint, 'bytes' | 'objects'>): string =>
  f.objects === 0 ? '—' : (f.bytes / f.objects).toFixed(0);

export function printFootprint(footprints: readonly Footprint[]): void {
  process.stdout.write('\nCold audit cache on disk (research §4.2, tree:0 bare clones: ');
  process.stdout.write(
    `${RESEARCH.map((r) => `${r.name} ${mb(r.bytes)} MB, ${r.objects} objects, ${perObject(r)} B/object`).join('; ')}):\n`,
  );
  for (const f of footprints) {
    process.stdout.write(
      `  N=${f.size}: candidates ${mb(f.candidates.bytes)} MB/repo, ${f.candidates.objects.toFixed(0)} objects/repo, ` +
        `${perObject(f.candidates)} B/object (objects/ alone: ${mb(f.candidates.objectBytes)} MB, ` +
        `${perObject({ bytes: f.candidates.objectBytes, objects: f.candidates.objects })} B/object); ` +
        `${f.data.map((d) => `${d.name.split('/')[1]} ${mb(d.bytes)} MB (${perObject(d)} B/object)`).join(', ')}; ` +
        `whole cache ${mb(f.total)} MB\n`,
    );
  }
}
