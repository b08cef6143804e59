import type { Evidence, RepositoryFacts } from '../../evidence/types';
import type { GitHubUse } from '../net/options';
import type { SourceRun } from '../source';
import { CandidateNotCached, Unavailable } from '../unavailable';
import { withGitHubMirror } from './source';

function run(use: GitHubUse, reposRoot?: string): SourceRun & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    session: {},
    counter: { count: 0 } as unknown as SourceRun['counter'],
    costs: new Map(),
    options: {
      asOf: '2024-02-15',
      ...(reposRoot ? { reposRoot } : {}),
      network: {
        offline: true,
        offlineBecause: '--offline',
        launchpadApi: 'http://127.0.0.1:9',
        gerrit: 'http://127.0.0.1:9',
        github: { use, api: 'http://127.0.0.1:9', web: 'https://github.com' },
      },
    },
    evidence<K>(kind: K): Promise<Evidence<never>> {
      asked.push(String(kind));
      return Promise.resolve({ status: 'unavailable', source: 'releases', reason: 'none' });
    },
  } as SourceRun & { asked: string[] };
}

const facts = { name: 'openstack/x' } as RepositoryFacts;
const notCached = (mayFallBack: boolean) => () =>
  Promise.reject(
    new CandidateNotCached('openstack/x from https://opendev.org is unavailable: 404', mayFallBack),
  );

describe('the GitHub mirror as the repository source falls back to it', () => {
  it('reads the clone when it can, and never GitHub with --repos-root or when told never', async () => {
    await expect(
      withGitHubMirror('openstack/x', run('fallback'), () => Promise.resolve(facts)),
    ).resolves.toBe(facts);
    await expect(
      withGitHubMirror('openstack/x', run('always', '/repos'), () => Promise.resolve(facts)),
    ).resolves.toBe(facts);
    await expect(withGitHubMirror('openstack/x', run('never'), notCached(true))).rejects.toThrow(
      /opendev.org is unavailable: 404$/,
    );
  });

  it('falls back when the cache cannot have the candidate, and says why both failed', async () => {
    const sources = run('fallback');
    const failure = withGitHubMirror('openstack/x', sources, notCached(true));
    await expect(failure).rejects.toBeInstanceOf(Unavailable);
    await expect(failure).rejects.toThrow(
      /opendev\.org is unavailable: 404; and from GitHub: the GitHub mirror cannot be asked: offline \(--offline\), no request was made/,
    );
  });

  it('does not fall back when the cache was told not to fetch (offline, --no-fetch)', async () => {
    await expect(
      withGitHubMirror('openstack/x', run('fallback'), notCached(false)),
    ).rejects.toThrow(/unavailable: 404$/);
  });
});
