import { readObjects } from '../cat-file';
import type { GitProtocol } from '../environment';
import { createGit, GitError, type Git } from '../run';
import { CacheUnavailableError } from './errors';
import { packFiles, removeNewPacks } from './leftovers';
import { runNetworkGit, type NetworkLimits } from './network';

/** The files a reader will need: at the last first-parent commit of HEAD before `before`. */
export interface PrefetchRequest {
  /** An instant git understands (`2024-05-01T23:59:59Z`). */
  before: string;
  /** Files and directories (ending in `/`) to make present; `[]` for the whole tree. */
  paths: readonly string[];
}

export interface PrefetchSettings {
  name: string;
  protocol: GitProtocol;
  limits: NetworkLimits;
  /** Nothing may be fetched: missing files make the repository unavailable. */
  offline: boolean;
  log?: (line: string) => void;
}

/**
 * Makes the trees and the blobs under `paths` of one commit present in a partial clone, in at
 * most two round trips (its trees, then every missing blob in one batch), and checks they are
 * all there: a reader must never take a blob the cache lacks for a file that does not exist.
 */
export async function prefetchFiles(
  gitDir: string,
  request: PrefetchRequest,
  settings: PrefetchSettings,
): Promise<void> {
  const git = createGit(gitDir);
  const commit = await commitBefore(git, request.before);
  if (!commit) return; // the reader says there is no commit on or before the date
  const tree = await treeOf(git, commit);
  if ((await missingObjects(git, commit)).has(tree)) {
    needNetwork(settings, `the trees of ${commit.slice(0, 10)}`);
    await fetchObjects(gitDir, [tree], settings);
  }
  const blobs = await blobsUnder(git, commit, request.paths);
  const missing = await missingObjects(git, commit);
  const wanted = blobs.filter((oid) => missing.has(oid));
  if (wanted.length > 0) {
    needNetwork(settings, `${wanted.length} files at ${commit.slice(0, 10)}`);
    await fetchObjects(gitDir, wanted, settings);
    const still = await missingObjects(git, commit);
    const lacking = wanted.filter((oid) => still.has(oid)).length;
    if (lacking > 0) {
      throw new CacheUnavailableError(
        'failed',
        `${settings.name}: the server did not send ${lacking} of the ${wanted.length} files asked for`,
      );
    }
  }
  settings.log?.(
    `${settings.name}: ${blobs.length} files present at ${commit.slice(0, 10)} (${wanted.length} fetched)`,
  );
}

function needNetwork(settings: PrefetchSettings, what: string): void {
  if (!settings.offline) return;
  throw new CacheUnavailableError(
    'offline',
    `${settings.name}: ${what} are not in the cache, and nothing may be fetched`,
  );
}

async function commitBefore(git: Git, before: string): Promise<string> {
  try {
    const args = ['rev-list', '-1', '--first-parent', `--before=${before}`, 'HEAD', '--'];
    return (await git.run(args)).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && /unknown revision|ambiguous argument/.test(error.stderr))
      return '';
    throw error;
  }
}

async function treeOf(git: Git, commit: string): Promise<string> {
  const object = (await readObjects(git, [commit])).get(commit);
  const tree = object
    ? /^tree ([0-9a-f]{40,64})$/m.exec(object.content.toString('utf8'))?.[1]
    : undefined;
  if (!tree) throw new CacheUnavailableError('failed', `commit ${commit} names no tree`);
  return tree;
}

/** The objects of one commit's tree that are missing (promised by the server), never fetching. */
async function missingObjects(git: Git, commit: string): Promise<Set<string>> {
  const args = ['rev-list', '--objects', '--no-walk', '--missing=print', commit, '--'];
  const out = await git.run(args);
  const missing = new Set<string>();
  for (const line of out.toString('utf8').split('\n')) {
    if (line.startsWith('?')) missing.add(line.slice(1).trim());
  }
  return missing;
}

/** The blob ids of regular files under `paths` at `commit` (trees must be present). */
async function blobsUnder(git: Git, commit: string, paths: readonly string[]): Promise<string[]> {
  const out = await git.run(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths]);
  const oids: string[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    const match = /^(10\d{4}) blob ([0-9a-f]{40,64})\t/.exec(record);
    if (match?.[2]) oids.push(match[2]);
  }
  return [...new Set(oids)];
}

/** One fetch of any objects by id (protocol v2), as git's own lazy fetch does it. */
async function fetchObjects(gitDir: string, oids: readonly string[], settings: PrefetchSettings) {
  const started = Date.now();
  const before = await packFiles(gitDir);
  await runNetworkGit({
    gitDir,
    args: [
      '-c',
      'fetch.negotiationAlgorithm=noop',
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--recurse-submodules=no',
      '--filter=blob:none',
      '--stdin',
      'origin',
    ],
    protocol: settings.protocol,
    watch: `${gitDir}/objects`,
    limits: settings.limits,
    input: oids.map((oid) => `${oid}\n`).join(''),
  }).catch(async (error: unknown) => {
    // Over the cap, stopped or failed: what it brought is not kept (it moved no ref).
    await removeNewPacks(gitDir, before);
    throw error;
  });
  settings.log?.(`${settings.name}: fetched ${oids.length} objects in ${Date.now() - started} ms`);
}
