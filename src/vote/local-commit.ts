import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from '../errors';

const run = promisify(execFile);

/** The full sha of `revision` in the repository at `repo`, or a usage error. */
export async function resolveCommit(repo: string, revision: string, flag: string): Promise<string> {
  if (revision.startsWith('-')) throw new UsageError(`${flag}: '${revision}' is not a revision`);
  try {
    const { stdout } = await run(
      'git',
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
      {
        cwd: repo,
      },
    );
    return stdout.trim();
  } catch {
    throw new UsageError(
      `${flag}: '${revision}' is not a commit in ${repo}; fetch the change first ` +
        '(for example `git review -d CHANGE`)',
    );
  }
}
