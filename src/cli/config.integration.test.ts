import { createTempRepo, type TempRepo } from '../../test/helpers/temp-git';
import { loadProposal } from '../diff/diff';
import { openRepository, type ListRepository } from '../diff/git';
import { configAtBase, reviewTarget } from './config';

const LIST = 'repos-overseen.yaml';
const CONFIG = '.vmt-oversight.yaml';

const repos: TempRepo[] = [];

function tempRepo(): TempRepo {
  const repo = createTempRepo({ prefix: 'vmt-config-revisions-' });
  repos.push(repo);
  return repo;
}

afterAll(() => {
  for (const repo of repos) repo.cleanup();
});

/** A clone whose branch tracks its origin and carries one local commit that adds swift. */
function cloneWithLocalCommit(): { clone: TempRepo; forkPoint: string } {
  const origin = tempRepo();
  origin.write(LIST, 'repositories:\n  - name: openstack/nova\n    team: nova\n');
  origin.write(CONFIG, 'rules:\n  team-consent: warning\n');
  const forkPoint = origin.commit('list');
  const clone = tempRepo();
  clone.git('remote', 'add', 'origin', origin.dir);
  clone.git('fetch', '--quiet', 'origin');
  clone.git('checkout', '--quiet', '-B', 'master', '--track', 'origin/master');
  clone.write(
    LIST,
    'repositories:\n  - name: openstack/nova\n    team: nova\n  - name: openstack/swift\n    team: swift\n',
  );
  clone.commit('add swift');
  return { clone, forkPoint };
}

/** Opens the repository and records the git commands it runs, by their first argument. */
function countingOpen(calls: string[]): (dir: string) => Promise<ListRepository> {
  return async (dir) => {
    const repository = await openRepository(dir);
    const run = repository.git.run.bind(repository.git);
    jest.spyOn(repository.git, 'run').mockImplementation((args, input) => {
      calls.push(args[0] ?? '');
      return run(args, input);
    });
    return repository;
  };
}

describe('a default check resolves its revisions once', () => {
  it('reads the configuration and takes the diff at the same base, asking git for it once', async () => {
    const { clone, forkPoint } = cloneWithLocalCommit();
    const calls: string[] = [];
    const target = reviewTarget({}, countingOpen(calls));

    // As `check` does: the configuration at base, then the diff.
    const config = await configAtBase(clone.dir, {}, target);
    const { repository, revisions } = await target(clone.dir);
    const proposal = await loadProposal({ repo: clone.dir, repository, revisions });

    expect(config.values.rules).toEqual({ 'team-consent': 'warning' });
    expect(proposal.base).toBe(revisions.base);
    expect(proposal.head).toBe(revisions.head);
    expect(proposal.base).toEqual({ label: 'merge-base(HEAD, @{upstream})', commit: forkPoint });
    expect(proposal.added.map((e) => e.name)).toEqual(['openstack/swift']);
    expect(calls.filter((c) => c === 'merge-base')).toEqual(['merge-base']);
    expect(calls.filter((c) => c === 'rev-parse')).toEqual([]);
  });

  it('resolves an explicit --base once for the configuration and the diff', async () => {
    const { clone, forkPoint } = cloneWithLocalCommit();
    const calls: string[] = [];
    const flags = { base: 'HEAD~1', head: 'HEAD' };
    const target = reviewTarget(flags, countingOpen(calls));

    await configAtBase(clone.dir, flags, target);
    const { repository, revisions } = await target(clone.dir);
    const proposal = await loadProposal({ repo: clone.dir, repository, revisions });

    expect(proposal.base).toEqual({ label: 'HEAD~1', commit: forkPoint });
    expect(calls.filter((c) => c === 'rev-parse')).toEqual(['rev-parse', 'rev-parse']);
    expect(calls).not.toContain('merge-base');
  });

  it('with --no-config still resolves the revisions once, for the diff', async () => {
    const { clone } = cloneWithLocalCommit();
    const calls: string[] = [];
    const target = reviewTarget({}, countingOpen(calls));

    const config = await configAtBase(clone.dir, { config: false }, target);
    expect(calls).toEqual([]);
    const { revisions } = await target(clone.dir);

    expect(config.values).toEqual({});
    expect(revisions.base.label).toBe('merge-base(HEAD, @{upstream})');
    expect(calls.filter((c) => c === 'merge-base')).toEqual(['merge-base']);
  });
});
