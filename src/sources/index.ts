import type { Evidence, EvidenceProvider, OfficialRepositories, SourceId } from '../evidence/types';
import { isValidDate } from './dates';
import { defaultParser } from './releases/parser';
import type { SourceOptions } from './options';
import { SOURCES } from './registry';
import type { RepositoryCost } from './repository/source';
import type { SourceKind, SourceMap, SourceRegistry, SourceRun } from './source';
import { gather, unavailable } from './unavailable';

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

type Cache = { [K in SourceKind]: Map<string, Promise<Evidence<SourceMap[K]>>> };

/**
 * The evidence provider over the directories the options name, asking each kind of the source
 * the registry lists for it. Every answer is cached per (kind, repository), one read in flight
 * per key; a source that fails answers `unavailable` with the reason, never a crash.
 */
export function createEvidenceProvider(
  options: SourceOptions,
  registry: SourceRegistry = SOURCES,
): EvidenceSources {
  const cache: Cache = {
    governance: new Map(),
    officialRepositories: new Map(),
    releases: new Map(),
    projectConfig: new Map(),
    repository: new Map(),
    change: new Map(),
    launchpad: new Map(),
    coreReviewers: new Map(),
  };

  function get<K extends SourceKind>(kind: K, repository: string): Promise<Evidence<SourceMap[K]>> {
    const source = registry[kind];
    const key = source.scope === 'run' ? '' : repository;
    const answers: Map<string, Promise<Evidence<SourceMap[K]>>> = cache[kind];
    let answer = answers.get(key);
    if (!answer) {
      answer = read(kind, repository);
      answers.set(key, answer);
    }
    return answer;
  }

  function read<K extends SourceKind>(
    kind: K,
    repository: string,
  ): Promise<Evidence<SourceMap[K]>> {
    const source = registry[kind];
    if (!isValidDate(options.asOf)) {
      return Promise.resolve(notADate(source.id, options.asOf));
    }
    const context =
      source.scope === 'run'
        ? `reading ${source.subject}`
        : `reading ${source.subject} for ${repository}`;
    const run = runFor(source.id, kind, source.dependencies);
    return gather(source.id, context, () => source.read(repository, run));
  }

  const base = {
    session: {},
    options,
    counter: { count: 0 },
    costs: new Map<string, RepositoryCost>(),
  };
  const runs = new Map<SourceKind, SourceRun>();
  /** The run as one source sees it: the same for every read, evidence only of what it declares. */
  function runFor(id: SourceId, kind: SourceKind, dependencies: readonly SourceKind[]) {
    let run = runs.get(kind);
    if (!run) {
      run = {
        ...base,
        evidence: (wanted, repository) => {
          if (!dependencies.includes(wanted)) {
            throw new Error(`the ${id} source asked for ${wanted}, not among its dependencies`);
          }
          return get(wanted, repository);
        },
      };
      runs.set(kind, run);
    }
    return run;
  }

  function forget(repository: string): void {
    for (const kind of Object.keys(cache) as SourceKind[]) {
      if (registry[kind].scope === 'repository') cache[kind].delete(repository);
    }
  }

  return {
    get,
    forget,
    expect: (repositories) => defaultParser().expect?.(repositories),
    expectAbout: (repositories) => defaultParser().expectAbout?.(repositories),
    prefetch: (repository, kinds) => {
      for (const kind of kinds) {
        const source = registry[kind];
        source.prefetch?.(repository, runFor(source.id, kind, source.dependencies));
      }
    },
    officialRepositories: () => {
      // Every official repository is to be judged: the parsing thread is started meanwhile.
      defaultParser().prepare?.();
      return get('officialRepositories', '');
    },
    stats: () => ({ gitCalls: base.counter.count, repositories: new Map(base.costs) }),
  };
}

function notADate<T>(source: SourceId, asOf: string): Evidence<T> {
  return unavailable(source, `--as-of ${asOf} is not a date (YYYY-MM-DD)`);
}
