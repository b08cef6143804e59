import type {
  ChangeFacts,
  Evidence,
  EvidenceKind,
  EvidenceMap,
  EvidenceProvider,
  OfficialRepositories,
  SourceId,
} from '../evidence/types';
import { isValidDate } from './dates';
import type { GitCallCounter } from '../git/run';
import { GovernanceSource } from './governance/source';
import type { SourceOptions } from './options';
import { ProjectConfigSource } from './project-config/source';
import { ReleasesSource } from './releases/source';
import { RepositorySource, type RepositoryCost } from './repository/source';
import { gather, Unavailable, unavailable } from './unavailable';

/** What the sources cost in this run (benchmark, diagnostics). */
export interface SourceStats {
  gitCalls: number;
  repositories: Map<string, RepositoryCost>;
}

export interface EvidenceSources extends EvidenceProvider {
  /**
   * Every repository of every official team's deliverables in governance `projects.yaml` as of
   * the date (`audit --all-official`); read from the same parse as the per-repository facts.
   */
  officialRepositories(): Promise<Evidence<OfficialRepositories>>;
  stats(): SourceStats;
}

const SOURCE_OF: Record<EvidenceKind, SourceId> = {
  governance: 'governance',
  releases: 'releases',
  projectConfig: 'project-config',
  repository: 'repository',
  change: 'gerrit',
};

/** The evidence provider over the directories the options name; every answer is cached. */
export function createEvidenceProvider(options: SourceOptions): EvidenceSources {
  const counter: GitCallCounter = { count: 0 };
  const { asOf, onProgress } = options;
  const governance = new GovernanceSource({
    dir: options.governance,
    asOf,
    ...(options.governanceRevision ? { revision: options.governanceRevision } : {}),
    counter,
    onProgress,
  });
  const repositories = new RepositorySource({
    reposRoot: options.reposRoot,
    asOf,
    counter,
    onProgress,
  });
  const releases = new ReleasesSource({
    dir: options.releases,
    asOf,
    ...(options.today ? { today: options.today } : {}),
    counter,
    onProgress,
    governance: async (repository) => {
      const facts = await cached('governance', repository);
      return facts.status === 'available' ? facts.value : null;
    },
  });
  const projectConfig = new ProjectConfigSource({
    dir: options.projectConfig,
    asOf,
    counter,
    onProgress,
  });
  const readers: { [K in EvidenceKind]: (repository: string) => Promise<EvidenceMap[K]> } = {
    governance: (repository) => governance.facts(repository),
    releases: (repository) => releases.facts(repository),
    projectConfig: (repository) => projectConfig.facts(repository),
    repository: (repository) => repositories.facts(repository),
    change: () => readChange(options.change),
  };
  const cache = new Map<string, Promise<Evidence<unknown>>>();

  function cached<K extends EvidenceKind>(
    kind: K,
    repository: string,
  ): Promise<Evidence<EvidenceMap[K]>> {
    const key = `${kind}\0${kind === 'change' ? '' : repository}`;
    let answer = cache.get(key) as Promise<Evidence<EvidenceMap[K]>> | undefined;
    if (!answer) {
      answer = read(kind, repository);
      cache.set(key, answer);
    }
    return answer;
  }

  function read<K extends EvidenceKind>(
    kind: K,
    repository: string,
  ): Promise<Evidence<EvidenceMap[K]>> {
    const source = SOURCE_OF[kind];
    if (!isValidDate(asOf)) {
      return Promise.resolve(unavailable(source, `--as-of ${asOf} is not a date (YYYY-MM-DD)`));
    }
    const context =
      kind === 'change'
        ? 'reading the change failed'
        : `reading ${kind} evidence for ${repository} failed`;
    return gather(source, context, () => readers[kind](repository));
  }

  let official: Promise<Evidence<OfficialRepositories>> | undefined;
  function officialRepositories(): Promise<Evidence<OfficialRepositories>> {
    official ??= isValidDate(asOf)
      ? gather('governance', 'reading the official repositories failed', () =>
          governance.officialRepositories(),
        )
      : Promise.resolve(unavailable('governance', `--as-of ${asOf} is not a date (YYYY-MM-DD)`));
    return official;
  }

  return {
    get: cached,
    officialRepositories,
    stats: () => ({ gitCalls: counter.count, repositories: new Map(repositories.costs) }),
  };
}

/** The change comes as evidence already; its unavailability passes through as it is. */
async function readChange(change: SourceOptions['change']): Promise<ChangeFacts> {
  if (!change) throw new Unavailable('gerrit', 'no --gerrit/--change given');
  const evidence = await change();
  if (evidence.status === 'unavailable') throw new Unavailable(evidence.source, evidence.reason);
  return evidence.value;
}
