import type { Evidence, EvidenceMap, OfficialRepositories, SourceId } from '../evidence/types';
import type { GitCallCounter } from '../git/run';
import type { SourceOptions } from './options';
import type { RepositoryCost } from './repository/source';

/** What the sources answer: every kind a rule may ask for, and the official repositories. */
export interface SourceMap extends EvidenceMap {
  /** Every repository of an official team (`audit --all-official`); one answer per run. */
  officialRepositories: OfficialRepositories;
}

export type SourceKind = keyof SourceMap;

/** One run of the sources: what they read, what they share, what they cost. */
export interface SourceRun {
  /** The same object for every source of the run, so a parse can be kept per run (`perRun`). */
  readonly session: object;
  readonly options: SourceOptions;
  readonly counter: GitCallCounter;
  /** What reading each candidate repository cost, filled by the repository source. */
  readonly costs: Map<string, RepositoryCost>;
  /** Evidence of another kind, through the run's cache; only the kinds a source depends on. */
  evidence<K extends SourceKind>(kind: K, repository: string): Promise<Evidence<SourceMap[K]>>;
}

/**
 * A source of one kind of evidence. `read` does the I/O and returns typed evidence, or throws
 * `Unavailable` with the reason; any other exception is a bug in vmt-oversight, never missing
 * data. A source never judges.
 */
export interface EvidenceSource<K extends SourceKind> {
  readonly id: SourceId;
  readonly kind: K;
  /** The kinds `read` asks of `run.evidence`; asking any other is refused. */
  readonly dependencies: readonly SourceKind[];
  /** `repository`: one answer per repository; `run`: one answer for the whole run. */
  readonly scope: 'repository' | 'run';
  /** How the evidence is named when reading it fails: "governance evidence", "the change". */
  readonly subject: string;
  read(repository: string, run: SourceRun): Promise<SourceMap[K]>;
  /** A hint that `read(repository)` will be asked soon, to start reading off this thread. */
  prefetch?(repository: string, run: SourceRun): void;
}

/** Every source, one per kind. */
export type SourceRegistry = { readonly [K in SourceKind]: EvidenceSource<K> };

/**
 * One value per run, made on first use: the parse a source keeps for every repository it is
 * asked about (and shares between the kinds it provides).
 */
export function perRun<T>(make: (run: SourceRun) => T): (run: SourceRun) => T {
  const values = new WeakMap<object, T>();
  return (run) => {
    let value = values.get(run.session);
    if (value === undefined) {
      value = make(run);
      values.set(run.session, value);
    }
    return value;
  };
}
