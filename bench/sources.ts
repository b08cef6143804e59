/**
 * Times reading evidence for the snapshot repositories of ../shared/data: git calls per
 * repository and milliseconds per source, cold (first read parses the data files) and warm.
 * Run: npm run build && node dist/bench/sources.js [SHARED_DATA]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { EvidenceKind } from '../src/evidence/types';
import { createEvidenceProvider } from '../src/sources';
import { buildSnapshotRepos } from '../test/helpers/snapshot-repo';

const NAMES = ['sushy', 'os-brick', 'ironic-lib', 'networking-generic-switch'];
const KINDS: EvidenceKind[] = ['governance', 'releases', 'projectConfig', 'repository'];

/** `../shared/data` beside the project root, found from wherever this file was compiled to. */
function defaultSharedData(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, '../shared/data');
}

async function timeOne(asOf: string, root: string, shared: string): Promise<void> {
  const provider = createEvidenceProvider({
    governance: join(shared, 'openstack/governance'),
    releases: join(shared, 'openstack/releases'),
    projectConfig: join(shared, 'openstack/project-config'),
    reposRoot: root,
    asOf,
  });
  console.log(`\nas of ${asOf}`);
  console.log(
    'repository                              governance releases project-config repository git-calls',
  );
  for (const name of NAMES) {
    const repository = `openstack/${name}`;
    const ms: string[] = [];
    for (const kind of KINDS) {
      const started = process.hrtime.bigint();
      const evidence = await provider.get(kind, repository);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      ms.push(`${elapsed.toFixed(1)}${evidence.status === 'available' ? '' : '!'}`.padStart(10));
    }
    const calls = provider.stats().repositories.get(repository)?.gitCalls ?? 0;
    console.log(`${repository.padEnd(38)}${ms.join(' ')} ${String(calls).padStart(9)}`);
  }
  console.log(`total git calls: ${provider.stats().gitCalls}   (! = unavailable)`);
}

async function main(): Promise<void> {
  const shared = resolve(process.argv[2] ?? defaultSharedData());
  if (!existsSync(join(shared, 'repos'))) {
    console.log(`no snapshot data at ${shared}; nothing to time`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'vmt-bench-'));
  try {
    const started = Date.now();
    buildSnapshotRepos(shared, NAMES, root);
    console.log(`built ${NAMES.length} snapshot repositories in ${Date.now() - started} ms`);
    for (const asOf of [new Date().toISOString().slice(0, 10), '2025-06-01', '2019-01-01']) {
      await timeOne(asOf, root, shared);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
