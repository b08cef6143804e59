import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import {
  listTexts,
  writeGovernance,
  writeProjectConfig,
  writeReleases,
  type BuiltRepository,
} from './data-files';
import { seededRandom } from './random';
import { benchRepository, type BenchRepository } from './repository';
import { BENCH_AS_OF } from './series';

/** Bumped whenever the shape of the world changes, so a cached world is rebuilt. */
const WORLD_VERSION = 4;

export interface BenchWorld {
  size: number;
  governance: string;
  releases: string;
  projectConfig: string;
  reposRoot: string;
  /** A list repository whose last commit adds every tenth repository. */
  listRepo: string;
  listFile: string;
  added: number;
  repositories: string[];
  /**
   * The data repositories (governance, releases, project-config) as bare git repositories under
   * `reposRoot`, one commit of the plain directories, so a git server can serve the whole world.
   */
  dataRepositories: string[];
}

/** The names the CLI fetches the data repositories by (src/sources/data-dir.ts). */
const DATA_REPOSITORIES = {
  governance: 'openstack/governance',
  releases: 'openstack/releases',
  projectConfig: 'openstack/project-config',
} as const;

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
};

/** The world of `size` repositories, built once into the temp directory and reused after. */
export async function benchWorld(
  size: number,
  options: { rebuild?: boolean } = {},
): Promise<BenchWorld> {
  const root = join(tmpdir(), 'vmt-oversight-bench', `world-${size}-v${WORLD_VERSION}`);
  const world = worldAt(root, size);
  const done = join(root, 'complete');
  if (options.rebuild) rmSync(root, { recursive: true, force: true });
  if (existsSync(done))
    return { ...world, ...(JSON.parse(readFileSync(done, 'utf8')) as { added: number }) };
  rmSync(root, { recursive: true, force: true });
  const started = Date.now();
  const random = seededRandom(size);
  const specs = world.repositories.map((name) => benchRepository(name, random));
  const limit = pLimit(2);
  const built = await Promise.all(
    specs.map((spec, index) =>
      // One in seven keeps loose refs: a pattern apart from the proposal's every tenth.
      limit(() => buildRepository(spec, world.reposRoot, { packRefs: index % 7 !== 3 })),
    ),
  );
  writeGovernance(world.governance, specs);
  writeReleases(world.releases, built);
  writeProjectConfig(world.projectConfig, specs);
  for (const [key, name] of Object.entries(DATA_REPOSITORIES)) {
    commitDirectory(world[key as keyof typeof DATA_REPOSITORIES], join(world.reposRoot, name));
  }
  const added = buildListRepo(world.listRepo, world.listFile, specs);
  writeFileSync(done, JSON.stringify({ added }));
  const tags = specs.reduce((sum, spec) => sum + spec.tags.length, 0);
  process.stderr.write(
    `built a world of ${size} repositories (${tags} tags) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return { ...world, added };
}

function worldAt(root: string, size: number): Omit<BenchWorld, 'added'> {
  const width = String(size).length;
  return {
    size,
    governance: join(root, 'governance'),
    releases: join(root, 'releases'),
    projectConfig: join(root, 'project-config'),
    reposRoot: join(root, 'repos'),
    listRepo: join(root, 'list'),
    listFile: 'repos-overseen.yaml',
    dataRepositories: Object.values(DATA_REPOSITORIES),
    repositories: Array.from(
      { length: size },
      (_, i) => `openstack/bench-${String(i).padStart(width, '0')}`,
    ),
  };
}

/**
 * One candidate repository. Its refs are packed as `git clone` leaves them, except with
 * `packRefs: false`: loose, as in a cached clone that fetches have updated since.
 */
async function buildRepository(
  spec: BenchRepository,
  reposRoot: string,
  options: { packRefs: boolean },
): Promise<BuiltRepository> {
  const dir = join(reposRoot, spec.name);
  mkdirSync(dir, { recursive: true });
  await promisify(execFile)('git', ['init', '--quiet', '--bare', '--initial-branch=master', dir], {
    env: GIT_ENV,
  });
  const marks = join(dir, 'bench-marks');
  await fastImport(dir, spec.stream, marks);
  if (options.packRefs) {
    await promisify(execFile)('git', ['--git-dir', dir, 'pack-refs', '--all'], { env: GIT_ENV });
  }
  const shas = new Map<number, string>();
  for (const line of readFileSync(marks, 'utf8').split('\n')) {
    const [mark, sha] = line.split(' ');
    if (mark && sha) shas.set(Number(mark.slice(1)), sha);
  }
  rmSync(marks);
  return { ...spec, shas };
}

function fastImport(dir: string, stream: string, marks: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', dir, 'fast-import', '--quiet', `--export-marks=${marks}`], {
      env: GIT_ENV,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`fast-import failed in ${dir}`)),
    );
    child.stdin.end(stream);
  });
}

/** A bare repository holding `dir` as one commit, dated the day before the bench's date. */
function commitDirectory(dir: string, gitDir: string): void {
  const date = `${new Date(Date.parse(BENCH_AS_OF) - 86_400_000).toISOString().slice(0, 10)}T12:00:00Z`;
  const env = { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]): void => {
    execFileSync('git', ['--git-dir', gitDir, '--work-tree', dir, ...args], {
      env,
      stdio: 'ignore',
    });
  };
  mkdirSync(gitDir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=master', gitDir], { env });
  git('add', '--all', '.');
  git('commit', '--quiet', '-m', 'Bench data');
}

function buildListRepo(dir: string, file: string, specs: readonly BenchRepository[]): number {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: 'ignore' });
  };
  const texts = listTexts(specs);
  git('init', '--quiet', '--initial-branch=master');
  writeFileSync(join(dir, file), texts.base);
  git('add', file);
  git('commit', '--quiet', '-m', 'The list before the proposal');
  writeFileSync(join(dir, file), texts.head);
  git('commit', '--quiet', '-am', 'Propose every tenth repository');
  return texts.added;
}
