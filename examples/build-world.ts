import { cpSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createTempRepo } from './temp-repo';

interface HistoryItem {
  date: string;
  tags?: string[];
  branch?: string;
}

type RepositorySpec = Record<string, { tree: string; history: HistoryItem[] }>;

/** The example world on disk: data checkouts and candidate repositories, all under `root`. */
export interface World {
  governance: string;
  releases: string;
  projectConfig: string;
  reposRoot: string;
}

/** The CLI's evidence flags for the world: `--governance DIR`, `--releases DIR` and so on. */
export function evidenceFlags(world: World): Record<string, string> {
  return {
    '--governance': world.governance,
    '--releases': world.releases,
    '--project-config': world.projectConfig,
    '--repos-root': world.reposRoot,
  };
}

/** Copies the example data trees and builds each candidate repository as a real git repo. */
export function buildWorld(worldDir: string, root: string): World {
  const world: World = {
    governance: join(root, 'governance'),
    releases: join(root, 'releases'),
    projectConfig: join(root, 'project-config'),
    reposRoot: join(root, 'repos'),
  };
  cpSync(join(worldDir, 'governance'), world.governance, { recursive: true });
  cpSync(join(worldDir, 'releases'), world.releases, { recursive: true });
  cpSync(join(worldDir, 'project-config'), world.projectConfig, { recursive: true });
  const spec = parse(readFileSync(join(worldDir, 'repositories.yaml'), 'utf8')) as RepositorySpec;
  for (const [name, repository] of Object.entries(spec)) {
    buildRepository(join(worldDir, 'trees', repository.tree), repository.history, world, name);
  }
  return world;
}

function buildRepository(tree: string, history: HistoryItem[], world: World, name: string): void {
  const target = join(world.reposRoot, name);
  mkdirSync(target, { recursive: true });
  const repo = createTempRepo();
  for (const file of listFiles(tree)) repo.write(file, readFileSync(join(tree, file)));
  for (const [index, item] of history.entries()) {
    repo.commit(index === 0 ? `Initial import of ${name}` : `Change ${index}`, item.date);
    for (const tag of item.tags ?? []) repo.tag(tag, item.date);
    if (item.branch) repo.git('branch', item.branch);
  }
  cpSync(repo.dir, target, { recursive: true });
  repo.cleanup();
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(path).isDirectory() ? listFiles(path, relative) : [relative];
  });
}
