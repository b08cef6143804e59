/**
 * `npm start`: builds the example world in a temporary directory (no network needed), then runs
 * `vmt-oversight check` on one proposal that passes and one that fails, printing both reports.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIO } from '../src/cli/io';
import { run } from '../src/cli/main';
import { packageRoot } from '../src/util/package-root';
import { buildWorld, evidenceFlags, type World } from './build-world';
import { createTempRepo } from './temp-repo';

const AS_OF = '2026-06-01';
const LIST = 'repos-overseen.yaml';

// The example's own git calls must not depend on the user's git configuration.
Object.assign(process.env, {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Example Proposer',
  GIT_AUTHOR_EMAIL: 'proposer@example.org',
  GIT_COMMITTER_NAME: 'Example Proposer',
  GIT_COMMITTER_EMAIL: 'proposer@example.org',
  // The example needs no network: the remote services (Launchpad, Gerrit groups) are not asked.
  VMT_OVERSIGHT_OFFLINE: '1',
});

async function main(): Promise<number> {
  const examples = join(packageRoot(), 'examples');
  const root = mkdtempSync(join(tmpdir(), 'vmt-oversight-example-'));
  try {
    const world = buildWorld(join(examples, 'world'), root);
    const passing = await proposal(examples, 'passing.yaml', 'commit', world);
    const failing = await proposal(examples, 'failing.yaml', 'work tree', world);
    const ok = passing === 0 && failing === 1;
    process.stdout.write(
      `\n== Example done: the first proposal exited ${passing} (expected 0), ` +
        `the second exited ${failing} (expected 1).\n`,
    );
    return ok ? 0 : 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A list repository whose change is either committed or left in the work tree, then checked. */
async function proposal(
  examples: string,
  file: string,
  how: 'commit' | 'work tree',
  world: World,
): Promise<number> {
  const repo = createTempRepo({ prefix: 'vmt-oversight-list-' });
  try {
    copyFileSync(join(examples, 'proposals', 'base.yaml'), join(repo.dir, LIST));
    repo.commit('Add the oversight list', '2026-05-01T12:00:00Z');
    copyFileSync(join(examples, 'proposals', file), join(repo.dir, LIST));
    if (how === 'commit') repo.commit(`Proposal: ${file}`, '2026-05-30T12:00:00Z');
    const args = ['check', '--repo', repo.dir, '--list', LIST, '--as-of', AS_OF];
    // A work-tree change is compared with HEAD; a proposer's clone would find it as the merge-base
    // with its upstream branch, which this throwaway repository does not have.
    args.push(...(how === 'commit' ? ['--base', 'HEAD~1', '--head', 'HEAD'] : ['--base', 'HEAD']));
    args.push(...Object.entries(evidenceFlags(world)).flat());
    process.stdout.write(`\n== vmt-oversight check: ${file} (change in the ${how})\n\n`);
    return await run(args, processIO());
  } finally {
    repo.cleanup();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
