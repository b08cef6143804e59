import type { GitTag, RepositoryFacts } from '../../evidence/types';
import { createGit, type Git, type GitCallCounter } from '../../git/run';
import { gitEnvironment } from '../../git/environment';
import { perRun, type EvidenceSource } from '../source';
import { CandidateNotCached, Unavailable } from '../unavailable';
import { withGitHubMirror } from '../github/source';
import { readEntryPoints } from './entry-points';
import { branchesAsOf, evaluatedCommit, firstCommitAfter } from './history';
import { isSafeRepositoryName, locateRepository } from './locate';
import { listRefs, type RefListing } from './refs';
import type { RefRowReader, RefsAhead } from './ref-rows';
import { defaultRefReader } from '../releases/parser';
import { BatchSession } from './session';
import { endOfDay, onOrBefore } from '../dates';
import { ENTRY_POINT_FILES, readTreeFiles, ZUUL_LOCATIONS } from './tree';
import { CacheUnavailableError } from '../../git/cache/errors';
import type { GitCache } from '../../git/cache/store';
import { readInRepoZuul } from './zuul-in-repo';
import { compareText } from '../../util/compare';

export interface RepositorySourceOptions {
  reposRoot: string | undefined;
  /** Where candidates come from without --repos-root. */
  cache?: GitCache;
  asOf: string;
  counter?: GitCallCounter;
  /** Where to record what each repository cost; a map of its own by default. */
  costs?: Map<string, RepositoryCost>;
  onProgress?: (message: string) => void;
  /** Where the refs are read off this thread: the process's parsing thread by default. */
  refReader?: RefRowReader | null;
}

/**
 * Repositories hinted and not yet read, at most: a run hints a few ahead of those it judges, so
 * more are ones whose evidence was never asked (a rule's other evidence failed first).
 */
const MAX_AHEAD = 64;

/** What reading one repository cost, for the benchmark. */
export interface RepositoryCost {
  gitCalls: number;
  ms: number;
}

/** Reads a candidate repository as it was on the as-of date. */
export class RepositorySource {
  readonly costs: Map<string, RepositoryCost>;
  /** The scrubbed environment of every git of the run, taken once rather than per repository. */
  private readonly environment = gitEnvironment();
  private readonly refReader: RefRowReader | null;
  /** Repositories hinted by `prefetch` and not read yet: their refs asked ahead. */
  private readonly ahead = new Map<string, RefsAhead>();
  /** Every repository hinted in this run: each is hinted once. */
  private readonly hinted = new Set<string>();

  constructor(private readonly options: RepositorySourceOptions) {
    this.costs = options.costs ?? new Map<string, RepositoryCost>();
    this.refReader = options.refReader === undefined ? defaultRefReader() : options.refReader;
  }

  async facts(repository: string): Promise<RepositoryFacts> {
    const { reposRoot, asOf, counter, onProgress } = this.options;
    const started = Date.now();
    const root = reposRoot ?? (await this.fromCache(repository));
    const refsAhead = this.takeAhead(repository);
    const gitDir = await locateRepository(root, repository);
    const git = createGit(gitDir, { counter, environment: this.environment });
    const session = new BatchSession(git);
    try {
      onProgress?.(`reading ${repository} tags and branches`);
      const reader = refsAhead ? { refRows: (dir: string) => refsAhead.take(dir) } : this.refReader;
      const refs = await listRefs(git, session, reader);
      const tip = refs.branches.find((branch) => branch.name === refs.defaultBranch);
      if (!tip)
        throw new Unavailable(
          'repository',
          `${repository} has no default branch (no commits, or a detached HEAD without master or main)`,
        );
      // Dates after the as-of date need git's history walks: each is a process of its own.
      if (refs.branches.some((branch) => !onOrBefore(branch.date, asOf))) session.end();
      const evaluated = await evaluatedCommit(git, tip, asOf);
      if (!evaluated) return await notYetCreated(git, repository, refs, tip.name, asOf);
      const others = await branchesAsOf(git, refs.branches, tip, asOf);
      onProgress?.(`reading ${repository} files at ${evaluated.commit.slice(0, 10)}`);
      const tree = await readTreeFiles(git, evaluated.commit, session);
      const defaultBranch = { name: tip.name, ...evaluated };
      const { tags, laterTags } = tagsAsOf(refs, asOf);
      return {
        name: repository,
        evaluated: { ...evaluated, branch: tip.name },
        tags,
        laterTags,
        branches: [...others.branches, defaultBranch].sort((a, b) => compareText(a.name, b.name)),
        undatedBranches: others.undated,
        zuul: readInRepoZuul(tree, { repository, commit: evaluated.commit }),
        testEntryPoints: readEntryPoints(tree.blobs, tree.unreadable),
      };
    } finally {
      session.end();
      this.costs.set(repository, { gitCalls: git.calls(), ms: Date.now() - started });
    }
  }

  /**
   * A hint that `facts(repository)` will be asked soon: its refs are asked of the parsing thread
   * now (see WorkerParser.prefetch). Only under --repos-root: a cached candidate may first need
   * a clone or a fetch, which `facts` does in its turn.
   */
  prefetch(repository: string): void {
    const { reposRoot } = this.options;
    const reader = this.refReader;
    if (reposRoot === undefined || !reader?.prefetch || this.hinted.has(repository)) return;
    if (this.ahead.size >= MAX_AHEAD) return;
    // Located there as `facts` locates it here: a repository that cannot be is `facts`' to
    // report, when it is asked. A hint that fails is no hint, and may be given again.
    try {
      const refs = reader.prefetch(reposRoot, repository);
      if (!refs) return;
      this.hinted.add(repository);
      this.ahead.set(repository, refs);
    } catch {
      // read here, when asked
    }
  }

  private takeAhead(repository: string): RefsAhead | undefined {
    const ahead = this.ahead.get(repository);
    this.ahead.delete(repository);
    return ahead;
  }

  /** The cache's root once the candidate is cloned or refreshed, with the files read present. */
  private async fromCache(repository: string): Promise<string | undefined> {
    const { cache, asOf } = this.options;
    if (!cache) return undefined;
    if (!isSafeRepositoryName(repository)) return undefined; // locateRepository says why
    const paths = [
      ...ZUUL_LOCATIONS.map((location) => (location.endsWith('.d') ? `${location}/` : location)),
      ...ENTRY_POINT_FILES,
    ];
    try {
      return (await cache.open(repository, { before: endOfDay(asOf), paths })).root;
    } catch (error) {
      if (!(error instanceof CacheUnavailableError)) throw error;
      throw new CandidateNotCached(
        `no --repos-root given, and ${repository} from ${cache.base.href} is unavailable: ${error.message}`,
        error.kind,
      );
    }
  }
}

/** The tags dated on or before the date and the later ones, each in listing order. */
function tagsAsOf(refs: RefListing, asOf: string): { tags: GitTag[]; laterTags: GitTag[] } {
  const tags: GitTag[] = [];
  const laterTags: GitTag[] = [];
  for (const tag of refs.tags) (onOrBefore(tag.date, asOf) ? tags : laterTags).push(tag);
  return { tags, laterTags };
}

/**
 * A repository with no commit on or before the date on its default branch: not created yet when
 * no ref of the (complete) clone has one, and no tag is dated by then; otherwise unavailable.
 */
async function notYetCreated(
  git: Git,
  repository: string,
  refs: RefListing,
  branch: string,
  asOf: string,
): Promise<RepositoryFacts> {
  const first = await firstCommitAfter(git, asOf);
  const tagged = refs.tags.some((tag) => onOrBefore(tag.date, asOf));
  if (!first || tagged) {
    throw new Unavailable(
      'repository',
      `${repository} has no commit on or before ${asOf} on ${branch}, and its clone cannot ` +
        'prove it had none at all then (a shallow clone, an older commit or tag elsewhere)',
    );
  }
  return {
    name: repository,
    evaluated: { ...first, branch },
    notYetCreated: { firstCommit: first, laterTags: refs.tags },
    tags: [],
    branches: [],
    zuul: null,
    testEntryPoints: [],
  };
}

const repositoryOf = perRun(
  ({ options, counter, costs }) =>
    new RepositorySource({
      reposRoot: options.reposRoot,
      ...(options.gitCache ? { cache: options.gitCache } : {}),
      asOf: options.asOf,
      counter,
      costs,
      onProgress: options.onProgress,
    }),
);

export const repositorySource: EvidenceSource<'repository'> = {
  id: 'repository',
  kind: 'repository',
  // releases: what a GitHub mirror is checked against before it stands in for a clone.
  dependencies: ['releases'],
  scope: 'repository',
  subject: 'repository evidence',
  read: (repository, run) =>
    withGitHubMirror(repository, run, () => repositoryOf(run).facts(repository)),
  prefetch: (repository, run) => repositoryOf(run).prefetch(repository),
};
