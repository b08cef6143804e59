import type { GitBranch, GitTag } from '../../evidence/types';
import { compareText } from '../../util/compare';
import { endOfDay } from '../dates';
import type { GitHubClient } from './client';
import { date, field, name, object, sha, text, type Json } from './shapes';
import { GitHubRequestFailed } from './transport';

/** The mirror's refs with their dates, and the default branch's commit as of the date. */
export interface MirrorRefs {
  defaultBranch: string;
  tags: GitTag[];
  branches: GitBranch[];
  /** The default branch's last commit on or before the date, or null if it has none. */
  evaluated: { commit: string; date: string } | null;
}

/** A ref as `matching-refs` lists it: its name and the object it names. */
export interface ListedRef {
  name: string;
  type: 'tag' | 'commit';
  sha: string;
}

export function repoPath(repository: string): string {
  const [owner = '', repo = ''] = repository.split('/');
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

/** One item of `git/matching-refs/<prefix>`; null for a ref of another kind (a tree, a blob). */
export function listedRef(item: unknown, prefix: string): ListedRef | null {
  const ref = object(item, 'a ref');
  const full = name(ref.ref, 'a ref name');
  if (!full.startsWith(prefix)) return null;
  const target = field(ref, 'object', 'a ref');
  if (target.type !== 'tag' && target.type !== 'commit') return null;
  return { name: full.slice(prefix.length), type: target.type, sha: sha(target.sha, 'a ref') };
}

/** `git/tags/<sha>`: the tagger date and the commit it points to (null if not at a commit). */
export function tagObject(body: unknown): { taggerDate: string; commit: string } | null {
  const tag = object(body, 'a tag object');
  const target = field(tag, 'object', 'a tag object');
  if (target.type !== 'commit') return null;
  return {
    taggerDate: date(field(tag, 'tagger', 'a tag object').date, 'a tagger date'),
    commit: sha(target.sha, 'a tag object'),
  };
}

/** `git/commits/<sha>`: the committer date. */
export function commitDate(body: unknown): string {
  return date(field(object(body, 'a commit'), 'committer', 'a commit').date, 'a committer date');
}

/**
 * REST, without a token: the refs (paged, revalidated), then each tag object and tip commit not
 * yet stored (immutable: asked once ever), after checking the rate limit can pay for them.
 */
export async function restRefs(
  client: GitHubClient,
  repository: string,
  asOf: string,
  extraRequests: number,
): Promise<MirrorRefs> {
  const base = repoPath(repository);
  const repo = object(await client.json(base), `${repository} on GitHub`);
  const defaultBranch = name(repo.default_branch, 'default_branch');
  const tagRefs = await listRefs(
    client,
    `${base}/git/matching-refs/tags?per_page=100`,
    'refs/tags/',
  );
  const heads = await listRefs(
    client,
    `${base}/git/matching-refs/heads?per_page=100`,
    'refs/heads/',
  );
  const tagUrl = (ref: ListedRef) => `${base}/git/tags/${ref.sha}`;
  const commitUrl = (id: string) => `${base}/git/commits/${id}`;
  const objectUrls = [
    ...tagRefs.map((ref) => (ref.type === 'tag' ? tagUrl(ref) : commitUrl(ref.sha))),
    ...heads.map((ref) => commitUrl(ref.sha)),
  ];
  const missing = await countMissing(client, objectUrls);
  client.requireBudget(
    missing + extraRequests + 1,
    `reading ${repository}'s tags, branches and files`,
  );
  const tags: GitTag[] = [];
  for (const ref of tagRefs) {
    if (ref.type === 'commit') {
      const when = commitDate(await client.json(commitUrl(ref.sha), true));
      tags.push({
        name: ref.name,
        date: when,
        commit: ref.sha,
        annotated: false,
        taggerDate: null,
      });
      continue;
    }
    const tag = tagObject(await client.json(tagUrl(ref), true));
    if (!tag) continue; // a tag of a tag or of a tree: no commit, as git's peel would skip it
    tags.push({
      name: ref.name,
      date: tag.taggerDate,
      commit: tag.commit,
      annotated: true,
      taggerDate: tag.taggerDate,
    });
  }
  const branches: GitBranch[] = [];
  for (const ref of heads) {
    if (ref.type !== 'commit') continue;
    branches.push({
      name: ref.name,
      commit: ref.sha,
      date: commitDate(await client.json(commitUrl(ref.sha), true)),
    });
  }
  const tip = branches.find((branch) => branch.name === defaultBranch);
  const evaluated = tip ? await restEvaluated(client, base, tip, asOf) : null;
  return { defaultBranch, tags: sortByName(tags), branches: sortByName(branches), evaluated };
}

async function listRefs(client: GitHubClient, url: string, prefix: string): Promise<ListedRef[]> {
  const items = (await client.all(url)) ?? [];
  return items.flatMap((item) => listedRef(item, prefix) ?? []);
}

async function countMissing(client: GitHubClient, urls: readonly string[]): Promise<number> {
  let missing = 0;
  for (const url of urls) if (!(await client.stored(url))) missing++;
  return missing;
}

/** The tip when dated by then; else the newest commit of its history until the end of the day. */
async function restEvaluated(
  client: GitHubClient,
  base: string,
  tip: GitBranch,
  asOf: string,
): Promise<{ commit: string; date: string } | null> {
  if (Date.parse(tip.date) <= Date.parse(endOfDay(asOf)))
    return { commit: tip.commit, date: tip.date };
  // By the tip's SHA, not the branch name: the answer can then never change.
  const url = `${base}/commits?sha=${tip.commit}&until=${encodeURIComponent(endOfDay(asOf))}&per_page=1`;
  const list = await client.json(url, true);
  if (!Array.isArray(list)) throw new GitHubRequestFailed(`GET ${url}: the answer is not a list`);
  if (list.length === 0) return null;
  const first = object(list[0], 'a commit');
  return {
    commit: sha(first.sha, 'a commit'),
    date: commitDate(field(first, 'commit', 'a commit')),
  };
}

const TAGS_QUERY = `query($owner: String!, $name: String!, $after: String, $until: GitTimestamp!) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { name target { ... on Commit { oid committedDate
      history(first: 1, until: $until) { nodes { oid committedDate } } } } }
    heads: refs(refPrefix: "refs/heads/", first: 100) {
      pageInfo { hasNextPage }
      nodes { name target { ... on Commit { oid committedDate } } } }
    tags: refs(refPrefix: "refs/tags/", first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { name target { __typename oid
        ... on Tag { tagger { date } target { __typename oid } }
        ... on Commit { committedDate } } } }
  }
}`;

/** Most GraphQL pages of 100 tags (nova has about 370 tags: 4 pages). */
const MAX_TAG_PAGES = 50;

/** GraphQL, with a token: every tag with its dates, the branches and the evaluated commit. */
export async function graphqlRefs(
  client: GitHubClient,
  repository: string,
  asOf: string,
): Promise<MirrorRefs> {
  const [owner, repoName] = repository.split('/');
  const pages: Json[] = [];
  let after: string | null = null;
  for (let page = 0; page === 0 || after !== null; page++) {
    if (page >= MAX_TAG_PAGES) throw new GitHubRequestFailed(`${repository}: too many tags`);
    const data = object(
      await client.graphql(TAGS_QUERY, { owner, name: repoName, after, until: endOfDay(asOf) }),
      'a GraphQL answer',
    );
    const repo = object(data.repository, `${repository} on GitHub`);
    pages.push(repo);
    const info = field(field(repo, 'tags', 'repository'), 'pageInfo', 'tags');
    after = info.hasNextPage === true ? text(info.endCursor) : null;
  }
  return mapGraphqlRefs(pages);
}

/** The GraphQL pages of one repository as refs: the first page also holds the branches. */
export function mapGraphqlRefs(pages: readonly Json[]): MirrorRefs {
  const first = pages[0];
  if (!first) throw new GitHubRequestFailed('no GraphQL answer');
  const head = object(first.defaultBranchRef, 'defaultBranchRef');
  const headTarget = field(head, 'target', 'defaultBranchRef');
  const history = field(headTarget, 'history', 'defaultBranchRef').nodes;
  if (!Array.isArray(history)) throw new GitHubRequestFailed('a history without nodes');
  const heads = field(first, 'heads', 'repository');
  if (field(heads, 'pageInfo', 'heads').hasNextPage === true) {
    throw new GitHubRequestFailed('more than 100 branches');
  }
  const branches = nodes(heads).flatMap((node): GitBranch[] => {
    const target = object(node.target, 'a branch');
    if (target.oid === undefined) return [];
    return [
      {
        name: name(node.name, 'a branch'),
        commit: sha(target.oid, 'a branch'),
        date: date(target.committedDate, 'a branch date'),
      },
    ];
  });
  const tags = pages.flatMap((page) =>
    nodes(field(page, 'tags', 'repository')).flatMap(graphqlTag),
  );
  const newest: unknown = history[0];
  const evaluated = newest === undefined ? null : object(newest, 'a commit');
  return {
    defaultBranch: name(head.name, 'defaultBranchRef'),
    tags: sortByName(tags),
    branches: sortByName(branches),
    evaluated: evaluated
      ? {
          commit: sha(evaluated.oid, 'a commit'),
          date: date(evaluated.committedDate, 'a commit date'),
        }
      : null,
  };
}

function graphqlTag(node: Json): GitTag[] {
  const tagName = name(node.name, 'a tag');
  const target = object(node.target, `tag ${tagName}`);
  if (target.__typename === 'Commit') {
    const when = date(target.committedDate, `tag ${tagName}`);
    return [
      {
        name: tagName,
        date: when,
        commit: sha(target.oid, `tag ${tagName}`),
        annotated: false,
        taggerDate: null,
      },
    ];
  }
  if (target.__typename !== 'Tag') return [];
  const peeled = object(target.target, `tag ${tagName}`);
  if (peeled.__typename !== 'Commit') return [];
  const when = date(field(target, 'tagger', `tag ${tagName}`).date, `tag ${tagName}`);
  return [
    {
      name: tagName,
      date: when,
      commit: sha(peeled.oid, `tag ${tagName}`),
      annotated: true,
      taggerDate: when,
    },
  ];
}

function nodes(connection: Json): Json[] {
  const list = connection.nodes;
  if (!Array.isArray(list)) throw new GitHubRequestFailed('a GraphQL connection without nodes');
  return list.map((node) => object(node, 'a GraphQL node'));
}

function sortByName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareText(a.name, b.name));
}
