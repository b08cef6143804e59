import { createGit, discoverWorkTree, GitMissingError } from '../git/run';
import { UsageError } from '../errors';

/** The full sha of `revision` in the repository at `repo`, or a usage error. */
export async function resolveCommit(repo: string, revision: string, flag: string): Promise<string> {
  if (revision.startsWith('-')) throw new UsageError(`${flag}: '${revision}' is not a revision`);
  try {
    const found = await discoverWorkTree(repo);
    if (found === null) throw new Error('not a work tree');
    const git = createGit(found.gitDir, { workTree: found.workTree });
    const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`];
    const sha = (await git.run(args)).toString('utf8').trim();
    if (sha === '') throw new Error('no such commit');
    return sha;
  } catch (error) {
    if (error instanceof GitMissingError) throw error;
    throw new UsageError(
      `${flag}: '${revision}' is not a commit in ${repo}; fetch the change first ` +
        '(for example `git review -d CHANGE`)',
    );
  }
}
