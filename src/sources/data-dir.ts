import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../util/compare';
import type { DataRef, SourceId } from '../evidence/types';
import { endOfDay } from './dates';
import { readObjects } from '../git/cat-file';
import { gitDirOf, isDirectory } from '../git/files';
import { createGit, GitError, type Git, type GitCallCounter } from '../git/run';
import { CacheUnavailableError } from '../git/cache/errors';
import type { GitCache } from '../git/cache/store';
import { plainFileReader } from './plain-files';
import { Unavailable } from './unavailable';

/** A data repository (governance, releases, project-config) as of the evaluated date. */
export interface DataDir {
  readonly source: SourceId;
  readonly root: string;
  /** The commit read, when the directory is a git repository. */
  readonly commit: string | undefined;
  /** How to name this data in a message: "releases data at 2019-01-01 (commit 1a2b3c4d)". */
  readonly label: string;
  /** File contents by path (relative, `/`-separated); null when the file does not exist. */
  read(paths: readonly string[]): Promise<Map<string, string | null>>;
  /** Whether a directory exists. */
  hasDirectory(path: string): Promise<boolean>;
  /** The names of the directories directly under `path`, sorted; null when it is no directory. */
  subdirectories(path: string): Promise<string[] | null>;
  ref(file: string, line?: number): DataRef;
}

export interface DataDirRequest {
  source: SourceId;
  /** The flag that names the directory, for messages: `--releases`. */
  flag: string;
  dir: string | undefined;
  /** Where the data comes from when `dir` is not given. */
  cache?: GitCache;
  asOf: string;
  /** Read the git checkout at this commit instead of at the date. */
  revision?: string;
  counter?: GitCallCounter;
}

/**
 * Opens a data directory: a git repository is read at `revision` when given, else at its last
 * commit on or before the date.
 */
export async function openDataDir(request: DataDirRequest): Promise<DataDir> {
  const { source, flag, asOf } = request;
  const dir = request.dir ?? (request.cache ? await fromCache(request, request.cache) : undefined);
  if (!dir) throw new Unavailable(source, `no ${flag} given`);
  if (!(await isDirectory(dir))) throw new Unavailable(source, `${flag} ${dir} is not a directory`);
  const gitDir = await gitDirOf(dir);
  if (gitDir === null) return plainDataDir(source, dir);
  const git = createGit(gitDir, { counter: request.counter });
  const commit = request.revision
    ? await verifiedCommit(git, request.revision)
    : await lastCommit(git, asOf, source, dir);
  if (!commit) {
    const when = request.revision ? `at ${request.revision}` : `on or before ${asOf}`;
    throw new Unavailable(source, `${source} data in ${dir} has no commit ${when}`);
  }
  const label = `${source} data at ${request.revision ? '' : `${asOf} `}(commit ${commit.slice(0, 10)})`;
  return {
    source,
    root: dir,
    commit,
    label,
    async read(paths) {
      const objects = await readObjects(
        git,
        paths.map((path) => `${commit}:${path}`),
      );
      const result = new Map<string, string | null>();
      for (const path of paths) {
        const object = objects.get(`${commit}:${path}`);
        result.set(path, object && object.type === 'blob' ? object.content.toString('utf8') : null);
      }
      return result;
    },
    async hasDirectory(path) {
      const objects = await readObjects(git, [`${commit}:${path}`]);
      return objects.get(`${commit}:${path}`)?.type === 'tree';
    },
    async subdirectories(path) {
      const object = (await readObjects(git, [`${commit}:${path}`])).get(`${commit}:${path}`);
      return object?.type === 'tree' ? treeDirectories(object.content, commit.length / 2) : null;
    },
    ref: (file, line) => withLine({ source, file, commit }, line),
  };
}

/** The repository each data source reads, and the parts of its tree the readers open. */
const DATA_REPOSITORIES: Partial<Record<SourceId, { name: string; paths: string[] }>> = {
  governance: { name: 'openstack/governance', paths: ['reference/'] },
  releases: { name: 'openstack/releases', paths: ['data/', 'deliverables/'] },
  'project-config': { name: 'openstack/project-config', paths: ['gerrit/', 'zuul.d/'] },
};

/** The cached clone of the data repository, with its files at the as-of commit present. */
async function fromCache(request: DataDirRequest, cache: GitCache): Promise<string> {
  const wanted = DATA_REPOSITORIES[request.source];
  if (!wanted) throw new Unavailable(request.source, `no ${request.flag} given`);
  try {
    const before = endOfDay(request.asOf);
    return (await cache.open(wanted.name, { before, paths: wanted.paths })).gitDir;
  } catch (error) {
    if (!(error instanceof CacheUnavailableError)) throw error;
    throw new Unavailable(
      request.source,
      `no ${request.flag} given, and ${wanted.name} from ${cache.base.href} is unavailable: ${error.message}`,
    );
  }
}

async function verifiedCommit(git: Git, revision: string): Promise<string> {
  if (!/^[0-9a-f]{7,64}$/.test(revision)) return '';
  try {
    const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`];
    return (await git.run(args)).toString('utf8').trim();
  } catch {
    return '';
  }
}

async function lastCommit(git: Git, asOf: string, source: SourceId, dir: string) {
  const args = ['rev-list', '-1', '--first-parent', `--before=${endOfDay(asOf)}`, 'HEAD', '--'];
  try {
    return (await git.run(args)).toString('utf8').trim();
  } catch (error) {
    // An empty repository has no HEAD commit: that is "no commit", not a failure.
    if (error instanceof GitError && /unknown revision|ambiguous argument/.test(error.stderr)) {
      return '';
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new Unavailable(source, `cannot read ${source} data in ${dir}: ${message}`);
  }
}

function plainDataDir(source: SourceId, root: string): DataDir {
  return {
    source,
    root,
    commit: undefined,
    label: `${source} data in ${root}`,
    read: plainFileReader(source, root),
    hasDirectory: (path) => isDirectory(join(root, path)),
    subdirectories: (path) => plainSubdirectories(join(root, path)),
    ref: (file, line) => withLine({ source, file }, line),
  };
}

/** Directory entries of a raw git tree object: `<mode> <name>\0<hash bytes>`, mode 40000. */
function treeDirectories(tree: Buffer, hashBytes: number): string[] {
  const names: string[] = [];
  let offset = 0;
  while (offset < tree.length) {
    const nul = tree.indexOf(0, offset);
    if (nul < 0) break;
    const [mode = '', ...name] = tree.subarray(offset, nul).toString('utf8').split(' ');
    if (mode === '40000') names.push(name.join(' '));
    offset = nul + 1 + hashBytes;
  }
  return names.sort(compareText);
}

async function plainSubdirectories(dir: string): Promise<string[] | null> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(compareText);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function withLine(ref: DataRef, line: number | undefined): DataRef {
  return line === undefined ? ref : { ...ref, line };
}
