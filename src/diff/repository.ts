import { createGit, discoverWorkTree, GitMissingError, type Git } from '../git/run';
import { UsageError } from '../errors';
import { LIST_CANDIDATES } from './list-paths';
import { newMemo, type RepositoryMemo } from './memo';

/**
 * A git repository opened at its root; every path is relative to that root. Open it once per run
 * and share it (configuration, diff): it remembers what git answered, so nothing is asked twice.
 */
export interface ListRepository {
  root: string;
  git: Git;
  readonly memo: RepositoryMemo;
}

/** Opens the work tree that contains `dir`, or says clearly why not. */
export async function openRepository(dir: string): Promise<ListRepository> {
  let found;
  try {
    found = await discoverWorkTree(dir);
  } catch (error) {
    if (error instanceof GitMissingError) throw error;
    throw new UsageError(`--repo ${JSON.stringify(dir)} is not a directory`);
  }
  if (found === null) {
    throw new UsageError(`--repo ${JSON.stringify(dir)} is not inside a git work tree`);
  }
  const git = createGit(found.gitDir, { workTree: found.workTree });
  return { root: found.workTree, git, memo: newMemo(LIST_CANDIDATES) };
}

/** What git printed, as text. */
export async function gitText(repo: ListRepository, args: readonly string[]): Promise<string> {
  return (await repo.git.run(args)).toString('utf8');
}
