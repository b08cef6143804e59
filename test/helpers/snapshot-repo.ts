import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

/** `../shared/data` beside the checkout; absent on a user's machine. */
export const SHARED_DATA = resolve(__dirname, '../../../shared/data');

export interface SnapshotRepo {
  name: string;
  /** `<targetRoot>/openstack/<name>` */
  dir: string;
  /** The synthetic commit standing for HEAD.txt's commit. */
  head: string;
}

interface RefRow {
  ref: string;
  type: string;
  date: string;
  object: string;
  peeled: string;
}

interface SyntheticCommit {
  upstream: string;
  date: string;
  mark: number;
}

const IDENTITY = 'Snapshot <snapshot@example.org>';

/**
 * Builds REAL git repositories from `<sharedData>/repos/openstack/<name>/` snapshots:
 * one synthetic commit per upstream commit the refs name, dated as the refs say, on a
 * chronological master line; annotated tags with their tagger dates; branches forked where
 * the releases data says they were cut (`branches[].location`), else just before their tip;
 * and the `tree/` files committed at the HEAD commit (earlier commits have an empty tree).
 * SHAs differ from upstream. Repositories land in `<targetRoot>/openstack/<name>`.
 */
export function buildSnapshotRepos(
  sharedData: string,
  names: readonly string[],
  targetRoot: string,
  options: { bare?: boolean } = {},
): SnapshotRepo[] {
  return names.map((name) =>
    buildOne(sharedData, name, join(targetRoot, 'openstack', name), options),
  );
}

function buildOne(sharedData: string, name: string, dir: string, options: { bare?: boolean }) {
  const snapshot = join(sharedData, 'repos', 'openstack', name);
  const rows = readRefs(join(snapshot, 'refs.tsv'));
  const [headSha = '', headDate = ''] = readFileSync(join(snapshot, 'HEAD.txt'), 'utf8').split(' ');
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=master', ...(options.bare ? ['--bare'] : [])]);
  const forks = branchLocations(sharedData, name);
  const stream = fastImportStream(
    rows,
    { sha: headSha, date: headDate },
    join(snapshot, 'tree'),
    forks,
  );
  git(dir, ['fast-import', '--quiet'], stream);
  git(dir, ['update-ref', '-d', 'refs/snapshot/late']);
  if (!options.bare) git(dir, ['reset', '--hard', '--quiet', 'master']);
  return { name, dir, head: git(dir, ['rev-parse', 'master']).trim() };
}

function fastImportStream(
  rows: RefRow[],
  head: { sha: string; date: string },
  treeDir: string,
  forks: Map<string, string>,
): Buffer {
  const out: Buffer[] = [];
  const write = (text: string | Buffer) =>
    out.push(Buffer.isBuffer(text) ? text : Buffer.from(text));
  const tags = rows.filter((row) => row.ref.startsWith('refs/tags/'));
  const commits = new Map<string, SyntheticCommit>();
  let mark = 0;
  const add = (upstream: string, date: string): SyntheticCommit => {
    const known = commits.get(upstream);
    if (known && Date.parse(known.date) <= Date.parse(date)) return known;
    const commit = { upstream, date, mark: known?.mark ?? ++mark };
    commits.set(upstream, commit);
    return commit;
  };
  for (const tag of tags) add(tag.peeled || tag.object, tag.date);
  const headCommit = add(head.sha, head.date);
  // The master line: every tag commit up to HEAD in date order, then HEAD with the tree.
  const line = [...commits.values()]
    .filter((c) => c !== headCommit)
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.mark - b.mark);
  let parent: SyntheticCommit | null = null;
  for (const commit of line.filter((c) => Date.parse(c.date) <= Date.parse(head.date))) {
    writeCommit(write, 'refs/heads/master', commit, parent, null);
    parent = commit;
  }
  writeCommit(write, 'refs/heads/master', headCommit, parent, treeDir);
  // Tag commits dated after HEAD (a stale mirror's stable releases) hang off HEAD.
  parent = headCommit;
  for (const commit of line.filter((c) => Date.parse(c.date) > Date.parse(head.date))) {
    writeCommit(write, 'refs/snapshot/late', commit, parent, null);
    parent = commit;
  }
  for (const tag of tags) {
    const target = commits.get(tag.peeled || tag.object);
    if (!target) continue;
    const tagName = tag.ref.slice('refs/tags/'.length);
    if (tag.type === 'tag') {
      write(`tag ${tagName}\nfrom :${target.mark}\ntagger ${IDENTITY} ${gitDate(tag.date)}\n`);
      writeData(write, `${tagName}\n`);
    } else {
      write(`reset ${tag.ref}\nfrom :${target.mark}\n\n`);
    }
  }
  writeBranches(write, rows, commits, forks, () => ++mark);
  write(`reset refs/heads/master\nfrom :${headCommit.mark}\n\n`);
  return Buffer.concat(out);
}

function writeBranches(
  write: (text: string | Buffer) => void,
  rows: RefRow[],
  commits: Map<string, SyntheticCommit>,
  forks: Map<string, string>,
  nextMark: () => number,
): void {
  const tagCommit = (tag: string) => {
    const row = rows.find((r) => r.ref === `refs/tags/${tag}`);
    return row ? commits.get(row.peeled || row.object) : undefined;
  };
  const branchRows = rows.filter((row) => /^refs\/(heads|remotes\/origin)\//.test(row.ref));
  for (const row of branchRows) {
    const name = row.ref.replace(/^refs\/(heads|remotes\/origin)\//, '');
    if (name === 'master' || name === 'HEAD') continue;
    let tip = commits.get(row.object);
    if (!tip) {
      const location = forks.get(name);
      const fork = location ? tagCommit(location) : undefined;
      const base =
        fork && Date.parse(fork.date) <= Date.parse(row.date)
          ? fork
          : latestBefore(commits, row.date);
      tip = { upstream: row.object, date: row.date, mark: nextMark() };
      commits.set(row.object, tip);
      writeCommit(write, row.ref, tip, base ?? null, null);
    }
    write(`reset ${row.ref}\nfrom :${tip.mark}\n\n`);
  }
}

function latestBefore(commits: Map<string, SyntheticCommit>, date: string) {
  return [...commits.values()]
    .filter((c) => Date.parse(c.date) <= Date.parse(date))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0];
}

function writeCommit(
  write: (text: string | Buffer) => void,
  ref: string,
  commit: SyntheticCommit,
  parent: SyntheticCommit | null,
  treeDir: string | null,
): void {
  const date = gitDate(commit.date);
  write(
    `commit ${ref}\nmark :${commit.mark}\nauthor ${IDENTITY} ${date}\ncommitter ${IDENTITY} ${date}\n`,
  );
  writeData(write, `Snapshot of upstream ${commit.upstream}\n`);
  write(parent ? `from :${parent.mark}\n` : 'deleteall\n');
  if (treeDir) {
    for (const file of listFiles(treeDir)) {
      write(`M 100644 inline ${relative(treeDir, file)}\n`);
      writeData(write, readFileSync(file));
    }
  }
  write('\n');
}

function writeData(write: (text: string | Buffer) => void, data: string | Buffer): void {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  write(`data ${bytes.length}\n`);
  write(bytes);
  write('\n');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** `2024-07-22T15:41:36+12:00` → `1721619696 +1200` */
function gitDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  const zone = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  return `${seconds} ${zone ? `${zone[1]}${zone[2]}${zone[3]}` : '+0000'}`;
}

function readRefs(file: string): RefRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [ref = '', type = '', date = '', object = '', peeled = ''] = line.split('\t');
      return { ref, type, date, object, peeled };
    });
}

/** Branch name → the tag it was cut from, from the releases data's `branches[].location`. */
function branchLocations(sharedData: string, name: string): Map<string, string> {
  const locations = new Map<string, string>();
  const root = join(sharedData, 'openstack', 'releases', 'deliverables');
  if (!existsSync(root)) return locations;
  for (const series of readdirSync(root).sort()) {
    const file = join(root, series, `${name}.yaml`);
    if (!existsSync(file)) continue;
    const data: unknown = parse(readFileSync(file, 'utf8'), { schema: 'failsafe' });
    const branches = (data as { branches?: unknown }).branches;
    if (!Array.isArray(branches)) continue;
    for (const branch of branches as { name?: unknown; location?: unknown }[]) {
      if (typeof branch.name === 'string' && typeof branch.location === 'string') {
        locations.set(branch.name, branch.location);
      }
    }
  }
  return locations;
}

const HERMETIC_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_SYSTEM: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.org',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.org',
};

/**
 * Runs git in `dir` with a hermetic environment passed explicitly: under jest, changes to
 * `process.env` do not reach child processes, so dates and config must travel in `env`.
 * `date` (ISO 8601) sets the author, committer and tagger dates.
 */
export function hermeticGit(
  dir: string,
  args: string[],
  options: { date?: string; input?: Buffer | string } = {},
): string {
  const dates = options.date
    ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date }
    : {};
  return execFileSync('git', args, {
    cwd: dir,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...HERMETIC_ENV, ...dates },
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

function git(dir: string, args: string[], input?: Buffer): string {
  return hermeticGit(dir, args, { input });
}
