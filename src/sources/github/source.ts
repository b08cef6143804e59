import type { RepositoryFacts } from '../../evidence/types';
import type { GitHubSettings, NetworkOptions } from '../net/options';
import { isSafeRepositoryName } from '../repository/locate';
import { perRun, type SourceRun } from '../source';
import { CandidateNotCached, Unavailable } from '../unavailable';
import { GitHubClient } from './client';
import { fileAnswerStore, noAnswerStore } from './etag-store';
import { readGitHubRepository } from './read';

/** One client per run: one transport, one view of the rate limit, one store. */
const clientOf = perRun((run) => {
  const net = run.options.network as NetworkOptions;
  return createGitHubClient(net, net.github as GitHubSettings);
});

/** The client over Octokit, with its answers kept in the cache directory when there is one. */
export function createGitHubClient(net: NetworkOptions, github: GitHubSettings): GitHubClient {
  return new GitHubClient({
    api: github.api,
    ...(net.offline ? { offline: net.offlineBecause ?? '--offline' } : {}),
    store: github.cacheDir ? fileAnswerStore(github.cacheDir) : noAnswerStore,
    // Octokit is ESM-only: loaded here, on the first request, never by a unit test.
    transport: async () =>
      (await import('./octokit')).createOctokitTransport({
        api: github.api,
        ...(github.token ? { token: github.token } : {}),
        ...(net.log ? { log: net.log } : {}),
        ...(net.onRequest
          ? { onRequest: (item: string) => net.onRequest?.('GitHub', item) ?? (() => undefined) }
          : {}),
      }),
  });
}

/**
 * The repository source's hook: a candidate's GitHub mirror stands in for its clone when the
 * git cache failed to reach its base URL (`fallback`, openstack/ only), or always when so
 * configured. A
 * `--repos-root` wins; without network settings GitHub is never asked.
 */
export async function withGitHubMirror(
  repository: string,
  run: SourceRun,
  local: () => Promise<RepositoryFacts>,
): Promise<RepositoryFacts> {
  const github = run.options.network?.github;
  if (!github || github.use === 'never' || run.options.reposRoot) return local();
  if (!isSafeRepositoryName(repository)) return local(); // it says why
  if (github.use === 'always') return fromMirror(repository, run, github);
  try {
    return await local();
  } catch (error) {
    if (!(error instanceof CandidateNotCached) || !mayFallBack(repository, error)) throw error;
    try {
      return await fromMirror(repository, run, github);
    } catch (mirror) {
      if (!(mirror instanceof Unavailable)) throw mirror;
      throw new Unavailable('repository', `${error.reason}; and from GitHub: ${mirror.reason}`);
    }
  }
}

/** The namespaces whose repositories GitHub mirrors officially (github.com/openstack). */
const MIRRORED_NAMESPACES = new Set(['openstack']);

/**
 * Only when the base URL failed (a timeout, an error), and only for an officially mirrored
 * namespace. A not-found there is an answer: github.com/<ns>/<name> would be whoever owns that
 * account. Offline, --no-fetch, a refused or over-cap clone are not failures to route around.
 */
function mayFallBack(repository: string, error: CandidateNotCached): boolean {
  if (error.kind !== 'timeout' && error.kind !== 'failed') return false;
  return MIRRORED_NAMESPACES.has(repository.split('/')[0] ?? '');
}

async function fromMirror(
  repository: string,
  run: SourceRun,
  github: GitHubSettings,
): Promise<RepositoryFacts> {
  run.options.onProgress?.(`reading ${repository} from its GitHub mirror`);
  return readGitHubRepository(repository, {
    client: clientOf(run),
    asOf: run.options.asOf,
    graphql: github.token !== undefined,
    web: github.web,
    releases: await run.evidence('releases', repository),
  });
}
