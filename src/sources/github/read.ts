import type {
  Evidence,
  GitBranch,
  RepositoryFacts,
  ReleasesFacts,
  UndatedBranch,
  ZuulInRepoConfig,
  ZuulProjectStanza,
} from '../../evidence/types';
import { compareText } from '../../util/compare';
import { onOrBefore } from '../dates';
import { readEntryPoints } from '../repository/entry-points';
import type { TreeFiles } from '../repository/tree';
import { readInRepoZuul } from '../repository/zuul-in-repo';
import { Unavailable } from '../unavailable';
import { asUnavailable, type GitHubClient } from './client';
import { LISTING_REQUESTS, readMirrorFiles } from './files';
import { graphqlRefs, restRefs, type MirrorRefs } from './refs';
import { judgeMirror, newestCommit, type RecordedRelease } from './staleness';

export interface GitHubReadOptions {
  client: GitHubClient;
  asOf: string;
  /** GraphQL (token only) for the refs; REST otherwise. */
  graphql: boolean;
  /** The web address of the mirror's owner: `https://github.com`. */
  web: string;
  /** The releases data as of the date: what the mirror must show to be read. */
  releases: Evidence<ReleasesFacts>;
}

/** Files of the tree at most, beyond the listings: Zuul files and entry points. */
const FILE_REQUESTS = 12;

/**
 * A candidate repository from its GitHub mirror, as the repository source reads a clone: tags
 * and branches with dates, the default branch's commit as of the date, and its Zuul files and
 * test entry points. A mirror the releases data shows to lag is unavailable, naming its date.
 */
export async function readGitHubRepository(
  repository: string,
  options: GitHubReadOptions,
): Promise<RepositoryFacts> {
  const { client, asOf } = options;
  const url = `${options.web.replace(/\/+$/, '')}/${repository}`;
  client.requireOnline();
  if (options.releases.status === 'unavailable') {
    // Before any request: nothing the mirror answers could be checked.
    currentEnough(url, null, options.releases);
  }
  try {
    const refs = options.graphql
      ? await graphqlRefs(client, repository, asOf)
      : await restRefs(client, repository, asOf, LISTING_REQUESTS + FILE_REQUESTS);
    const checkedAgainst = currentEnough(url, refs, options.releases);
    if (!refs.evaluated) {
      throw new Unavailable(
        'github',
        `the GitHub mirror ${url} has no commit on or before ${asOf} on ${refs.defaultBranch}, and ` +
          'a mirror cannot prove the repository did not exist then',
      );
    }
    const evaluated = refs.evaluated;
    const tree = await readMirrorFiles(client, repository, evaluated.commit);
    return mirrorFacts({
      repository,
      url,
      asOf,
      refs: { ...refs, evaluated },
      tree,
      checkedAgainst,
    });
  } catch (error) {
    return asUnavailable(error, `${repository} (${url})`);
  }
}

function currentEnough(
  url: string,
  refs: MirrorRefs | null,
  releases: Evidence<ReleasesFacts>,
): RecordedRelease | null {
  if (releases.status === 'unavailable') {
    throw new Unavailable(
      'github',
      `cannot tell whether the GitHub mirror ${url} is current: the releases evidence it is ` +
        `compared with is unavailable (${releases.reason})`,
    );
  }
  const verdict = judgeMirror(
    { url, tags: refs?.tags ?? [], branches: refs?.branches ?? [] },
    releases.value,
  );
  if (!verdict.fresh) throw new Unavailable('github', verdict.reason);
  return verdict.checkedAgainst;
}

export interface MirrorReading {
  repository: string;
  url: string;
  asOf: string;
  refs: MirrorRefs & { evaluated: { commit: string; date: string } };
  tree: TreeFiles;
  checkedAgainst: RecordedRelease | null;
}

/**
 * What was read, as `RepositoryFacts`: tags and branches dated by then; a later branch is
 * undated (its fork point is not read from a mirror); every file reference cites GitHub.
 */
export function mirrorFacts(reading: MirrorReading): RepositoryFacts {
  const { repository, url, asOf, refs, tree } = reading;
  const evaluated = refs.evaluated;
  const others = refs.branches.filter((b) => b.name !== refs.defaultBranch);
  const branches: GitBranch[] = others.filter((b) => onOrBefore(b.date, asOf));
  branches.push({ name: refs.defaultBranch, ...evaluated });
  const undated: UndatedBranch[] = others
    .filter((b) => !onOrBefore(b.date, asOf))
    .map((b) => ({
      name: b.name,
      reason: `its tip on the GitHub mirror is after ${asOf}, and its fork point is not read from a mirror`,
    }));
  const newest = newestCommit(refs.branches);
  return {
    name: repository,
    evaluated: { ...evaluated, branch: refs.defaultBranch },
    tags: refs.tags.filter((tag) => onOrBefore(tag.date, asOf)),
    branches: branches.sort((a, b) => compareText(a.name, b.name)),
    undatedBranches: undated.sort((a, b) => compareText(a.name, b.name)),
    zuul: citeGitHub(readInRepoZuul(tree, { repository, commit: evaluated.commit })),
    testEntryPoints: readEntryPoints(tree.blobs, tree.unreadable),
    mirror: {
      source: 'github',
      url,
      newestCommit: newest ? { commit: newest.commit, date: newest.date } : null,
      checkedAgainst: reading.checkedAgainst,
      ...(reading.checkedAgainst === null
        ? {
            unchecked:
              `the releases data records no release with a commit for ${repository}, so the ` +
              'mirror could not be checked against it',
          }
        : {}),
    },
  };
}

function citeGitHub(config: ZuulInRepoConfig | null): ZuulInRepoConfig | null {
  if (!config) return null;
  const stanza = (s: ZuulProjectStanza): ZuulProjectStanza => ({
    ...s,
    ref: { ...s.ref, source: 'github' },
  });
  return {
    ...config,
    projects: config.projects.map(stanza),
    jobs: config.jobs.map((job) => ({ ...job, ref: { ...job.ref, source: 'github' } })),
    ...(config.templates
      ? { templates: config.templates.map((t) => ({ ...t, stanza: stanza(t.stanza) })) }
      : {}),
  };
}
