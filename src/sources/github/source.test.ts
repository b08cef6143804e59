import type { Evidence, RepositoryFacts } from '../../evidence/types';
import type { CacheFailureKind } from '../../git/cache/errors';
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
const notCached = (kind: CacheFailureKind) => () =>
  Promise.reject(
    new CandidateNotCached(`the candidate from https://opendev.org is unavailable: ${kind}`, kind),
  );
const OFFLINE_GITHUB =
  /; and from GitHub: the GitHub mirror cannot be asked: offline \(--offline\), no request was made/;

describe('the GitHub mirror as the repository source falls back to it', () => {
  it('reads the clone when it can, and never GitHub with --repos-root or when told never', async () => {
    await expect(
      withGitHubMirror('openstack/x', run('fallback'), () => Promise.resolve(facts)),
    ).resolves.toBe(facts);
    await expect(
      withGitHubMirror('openstack/x', run('always', '/repos'), () => Promise.resolve(facts)),
    ).resolves.toBe(facts);
    await expect(
      withGitHubMirror('openstack/x', run('never'), notCached('timeout')),
    ).rejects.toThrow(/opendev.org is unavailable: timeout$/);
  });

  it.each(['timeout', 'failed'] as const)(
    'falls back when opendev fails (%s), and says why both failed',
    async (kind) => {
      const failure = withGitHubMirror('openstack/x', run('fallback'), notCached(kind));
      await expect(failure).rejects.toBeInstanceOf(Unavailable);
      await expect(failure).rejects.toThrow(OFFLINE_GITHUB);
    },
  );

  it.each(['offline', 'no-fetch', 'refused', 'too-large'] as const)(
    'does not fall back when the cache could not or would not fetch (%s)',
    async (kind) => {
      await expect(
        withGitHubMirror('openstack/x', run('fallback'), notCached(kind)),
      ).rejects.toThrow(new RegExp(`unavailable: ${kind}$`));
    },
  );

  it('does not fall back when opendev says the candidate is not there: github.com/<ns>/<name> is whoever owns that account', async () => {
    await expect(
      withGitHubMirror('openstack/x', run('fallback'), notCached('not-found')),
    ).rejects.toThrow(/unavailable: not-found$/);
  });

  it('falls back only for namespaces GitHub mirrors officially (openstack)', async () => {
    await expect(
      withGitHubMirror('starlingx/x', run('fallback'), notCached('timeout')),
    ).rejects.toThrow(/unavailable: timeout$/);
  });
});
