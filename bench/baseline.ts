/**
 * The irreducible work of a check or an audit, for the bench to compare with: read the
 * governance, releases and project-config files a check needs, the list at both revisions (check
 * only), and one ref listing per judged repository, on both cores. Nothing is judged.
 * Run by bench/run.ts: node dist/bench/baseline.js check|audit WORLD_JSON
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { parse } from 'yaml';
import type { BenchWorld } from './world';

const run = promisify(execFile);
const REF_FORMAT =
  '%(refname)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)';

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { uniqueKeys: false });
}

/** The repositories of every deliverable of every team in governance. */
function officialRepositories(governance: unknown): string[] {
  const teams = Object.values(
    governance as Record<string, { deliverables?: Record<string, { repos?: string[] }> }>,
  );
  return teams.flatMap((team) =>
    Object.values(team.deliverables ?? {}).flatMap((d) => d.repos ?? []),
  );
}

async function listAt(world: BenchWorld, revision: string): Promise<string[]> {
  const { stdout } = await run(
    'git',
    ['-C', world.listRepo, 'show', `${revision}:${world.listFile}`],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const list = parse(stdout) as { repositories: { name: string }[] };
  return list.repositories.map((entry) => entry.name);
}

async function judged(mode: string, world: BenchWorld, governance: unknown): Promise<string[]> {
  if (mode === 'audit') return officialRepositories(governance);
  const [base, head] = await Promise.all([listAt(world, 'HEAD~1'), listAt(world, 'HEAD')]);
  const before = new Set(base);
  return head.filter((name) => !before.has(name));
}

function readDeliverables(releases: string, repositories: readonly string[]): number {
  const wanted = new Set(repositories.map((name) => `${name.split('/')[1]}.yaml`));
  let files = 0;
  const deliverables = join(releases, 'deliverables');
  for (const series of readdirSync(deliverables)) {
    for (const file of readdirSync(join(deliverables, series))) {
      if (!wanted.has(file)) continue;
      readYaml(join(deliverables, series, file));
      files += 1;
    }
  }
  return files;
}

async function main(): Promise<void> {
  const [mode, worldJson] = process.argv.slice(2);
  if ((mode !== 'check' && mode !== 'audit') || worldJson === undefined) {
    throw new Error('usage: baseline.js check|audit WORLD_JSON');
  }
  const world = JSON.parse(worldJson) as BenchWorld;
  const governance = readYaml(join(world.governance, 'reference/projects.yaml'));
  readYaml(join(world.governance, 'reference/legacy.yaml'));
  const repositories = await judged(mode, world, governance);
  readYaml(join(world.releases, 'data/series_status.yaml'));
  readDeliverables(world.releases, repositories);
  readYaml(join(world.projectConfig, 'zuul.d/projects.yaml'));
  readYaml(join(world.projectConfig, 'gerrit/projects.yaml'));
  const limit = pLimit(2);
  await Promise.all(
    repositories.map((name) =>
      limit(() =>
        run(
          'git',
          ['--git-dir', join(world.reposRoot, name), 'for-each-ref', `--format=${REF_FORMAT}`],
          {
            maxBuffer: 64 * 1024 * 1024,
          },
        ),
      ),
    ),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
