/** An entry of a git tree; blobs (files and symlinks) are readable. */
export interface TreeEntry {
  type: string;
  object: string;
}

/** Entries of one commit's tree by path: a listing shared by every path it was asked for. */
type Listing = Promise<Map<string, TreeEntry>>;

/**
 * What a run has already asked git about the list repository: answers that cannot change while
 * it runs (a commit's tree never does; revisions are resolved once). Everything the repository
 * holds is per run: a new `openRepository` starts empty.
 */
export interface RepositoryMemo {
  /** By commit, then path: the `ls-tree` listing that answered for that path. */
  readonly trees: Map<string, Map<string, Listing>>;
  /** Every path asked for at any commit: the first listing of another commit asks for them too. */
  readonly paths: Set<string>;
  /** Revisions and merge-bases already resolved, by what was asked. */
  readonly revisions: Map<string, Promise<string | null>>;
}

export function newMemo(paths: readonly string[]): RepositoryMemo {
  return { trees: new Map(), paths: new Set(paths), revisions: new Map() };
}

/** The answer to `key` from the memo, else `work()`, remembered (a failure too). */
export function remembered(
  memo: RepositoryMemo,
  key: string,
  work: () => Promise<string | null>,
): Promise<string | null> {
  let answer = memo.revisions.get(key);
  if (!answer) {
    answer = work();
    memo.revisions.set(key, answer);
  }
  return answer;
}

/**
 * The entries of `paths` at `commit`, listing the tree at most once per path: the paths not yet
 * known at this commit are asked in one call, together with the other paths this run has asked
 * for elsewhere (the list's candidates, the configuration, the list at base and head), since one
 * `ls-tree` costs the same for one path or five. Paths where one is inside the other go to
 * separate calls: asked together, `ls-tree` shows the inner path and not the outer one.
 */
export async function treeEntries(
  memo: RepositoryMemo,
  commit: string,
  paths: readonly string[],
  list: (paths: readonly string[]) => Listing,
): Promise<Map<string, TreeEntry | null>> {
  let tree = memo.trees.get(commit);
  if (!tree) {
    tree = new Map();
    memo.trees.set(commit, tree);
  }
  const known = tree;
  const wanted = [...new Set(paths)].filter((path) => !known.has(path));
  if (wanted.length > 0) {
    const groups = apart(wanted);
    const first = groups[0] ?? [];
    for (const path of memo.paths) {
      if (!known.has(path) && !wanted.includes(path) && !first.some((p) => nested(p, path))) {
        first.push(path);
      }
    }
    for (const group of groups) {
      const listing = list(group);
      // A failure is seen by whoever awaits the paths they asked for, never as unhandled.
      listing.catch(() => undefined);
      for (const path of group) known.set(path, listing);
    }
  }
  for (const path of paths) memo.paths.add(path);
  const result = new Map<string, TreeEntry | null>();
  for (const path of paths) {
    const entries = await known.get(path);
    result.set(path, entries?.get(path) ?? null);
  }
  return result;
}

/** `paths` in as few groups as possible with no path inside another of its group. */
function apart(paths: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (const path of paths) {
    const group = groups.find((g) => !g.some((other) => nested(other, path)));
    if (group) group.push(path);
    else groups.push([path]);
  }
  return groups;
}

/** Whether one path is a directory holding the other. */
function nested(a: string, b: string): boolean {
  return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
