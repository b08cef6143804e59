import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { hermeticGit } from '../helpers/snapshot-repo';

/** A tag of a snapshot's `refs.tsv`: its name, creator date and the commit it names upstream. */
export interface SnapshotTag {
  name: string;
  date: string;
  commit: string;
}

/** The tags of `<sharedData>/repos/openstack/<name>/refs.tsv`, oldest first. */
export function snapshotTags(sharedData: string, name: string): SnapshotTag[] {
  return readFileSync(join(sharedData, 'repos', 'openstack', name, 'refs.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('refs/tags/'))
    .map((line) => {
      const [ref = '', , date = '', object = '', peeled = ''] = line.split('\t');
      return { name: ref.slice('refs/tags/'.length), date, commit: peeled || object };
    })
    .sort(
      (a, b) =>
        Date.parse(a.date) - Date.parse(b.date) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
}

/**
 * Builds a REAL git repository at `<root>/openstack/<name>` from the snapshot of another
 * repository (`from`), keeping only the tags `keep` selects: the snapshot's `tree/` (its Zuul
 * config and tox.ini) committed the day before the first kept tag, then one commit per upstream
 * commit the kept tags name, dated as the earliest of its tags, each tag annotated with its own
 * real date. A release candidate and its final thus share a commit, as the releases tooling
 * requires. Returns the repository's directory.
 */
export function buildVariantRepo(options: {
  sharedData: string;
  from: string;
  name: string;
  root: string;
  keep: (tag: SnapshotTag) => boolean;
}): string {
  const tags = snapshotTags(options.sharedData, options.from).filter(options.keep);
  const [first] = tags;
  if (!first) throw new Error(`no tag of ${options.from} is kept`);
  const dir = join(options.root, 'openstack', options.name);
  mkdirSync(dir, { recursive: true });
  const git = (args: string[], date?: string) => hermeticGit(dir, args, date ? { date } : {});
  git(['init', '--quiet', '--initial-branch=master']);
  const tree = join(options.sharedData, 'repos', 'openstack', options.from, 'tree');
  for (const file of listFiles(tree)) {
    const target = join(dir, relative(tree, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(file));
  }
  git(['add', '--all']);
  const dayBefore = new Date(Date.parse(first.date) - 24 * 3600 * 1000).toISOString();
  git(['commit', '--quiet', '-m', `Variant of ${options.from}`], dayBefore);
  const commits = new Map<string, string>();
  for (const tag of tags) {
    let sha = commits.get(tag.commit);
    if (sha === undefined) {
      git(['commit', '--quiet', '--allow-empty', '-m', `Upstream ${tag.commit}`], tag.date);
      sha = git(['rev-parse', 'HEAD']).trim();
      commits.set(tag.commit, sha);
    }
    git(['tag', '-a', '-m', tag.name, tag.name, sha], tag.date);
  }
  return dir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
