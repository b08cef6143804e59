import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readObjects } from '../git/cat-file';
import { gitDirOf } from '../git/files';
import { createGit } from '../git/run';

/** The data checkouts an evidence flag names. */
export type DataCheckoutKind = 'governance' | 'releases' | 'project-config';

/** A path whose presence tells a kind of checkout; a trailing `/` means a directory. */
type Sign = string;

interface KindSigns {
  repository: string;
  /** What the message says the flag expects. */
  expected: string;
  /**
   * Present in the repository in every era the checker reads (`--as-of` years back), so a
   * checkout with any of them is of this kind, whatever else it holds.
   */
  signs: readonly Sign[];
}

const DATA_KINDS: Record<DataCheckoutKind, KindSigns> = {
  governance: {
    repository: 'openstack/governance',
    expected: 'reference/projects.yaml',
    signs: ['reference/projects.yaml', 'reference/legacy.yaml', 'resolutions/'],
  },
  releases: {
    repository: 'openstack/releases',
    expected: 'deliverables/ (and data/series_status.yaml from 2019)',
    // deliverables/ since 2015-07; series status in deliverables/ until mid-2019, then data/.
    signs: [
      'deliverables/',
      'data/series_status.yaml',
      'deliverables/series_status.yaml',
      'openstack_releases/',
    ],
  },
  'project-config': {
    repository: 'openstack/project-config',
    expected: 'gerrit/projects.yaml',
    // gerrit/projects.yaml throughout; zuul/layout.yaml and jenkins/jobs/ before Zuul v3.
    signs: ['gerrit/projects.yaml', 'gerrit/acls/', 'zuul/layout.yaml', 'jenkins/jobs/'],
  },
};

/**
 * What a project's own repository has at its root. The data repositories have some of these
 * too, so they tell a source repository only where no data kind's sign is present.
 */
const SOURCE_REPOSITORY_SIGNS: readonly Sign[] = [
  'setup.cfg',
  'setup.py',
  'pyproject.toml',
  'package.json',
  'go.mod',
  'Cargo.toml',
  'tox.ini',
  '.zuul.yaml',
  'zuul.yaml',
];

/** The flag's directory holds another kind of checkout than the flag names. */
export interface WrongCheckout {
  flag: string;
  dir: string;
  expected: DataCheckoutKind;
  /** The kind found, or `source` for a project's own repository. */
  found: DataCheckoutKind | 'source';
  /** The signs seen of what was found. */
  seen: string[];
}

/**
 * Whether `dir`, given as the checkout of `expected`, plainly is something else: it has none of
 * the signs of the expected kind and some of another's (or of a project's own repository). The
 * absence of today's files alone is never enough, since old revisions have older layouts. A git
 * repository is looked at in its HEAD tree (the kind of a repository does not change with the
 * date judged), a plain directory on disk. Null when it is, or may be, the right kind.
 */
export async function wrongCheckout(
  flag: string,
  dir: string,
  expected: DataCheckoutKind,
): Promise<WrongCheckout | null> {
  const allSigns = [
    ...Object.values(DATA_KINDS).flatMap((kind) => kind.signs),
    ...SOURCE_REPOSITORY_SIGNS,
  ];
  const present = await presentPaths(dir, allSigns);
  if (present === null) return null;
  const has = (signs: readonly Sign[]) => signs.filter((sign) => present.has(sign));
  if (has(DATA_KINDS[expected].signs).length > 0) return null;
  for (const [kind, { signs }] of Object.entries(DATA_KINDS) as [DataCheckoutKind, KindSigns][]) {
    const seen = has(signs);
    if (kind !== expected && seen.length > 0) return { flag, dir, expected, found: kind, seen };
  }
  const seen = has(SOURCE_REPOSITORY_SIGNS);
  return seen.length > 0 ? { flag, dir, expected, found: 'source', seen } : null;
}

export function wrongCheckoutText(wrong: WrongCheckout): string {
  const want = DATA_KINDS[wrong.expected];
  const it = `it has ${andList(wrong.seen)}`;
  const what =
    wrong.found === 'source'
      ? `a project's own repository (${it}), not a data checkout`
      : `a checkout of ${DATA_KINDS[wrong.found].repository} (${it})`;
  return (
    `${wrong.flag} ${wrong.dir} points at ${what}; expected ${want.repository} with ` +
    `${want.expected}`
  );
}

function andList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Which of `paths` exist with their kind (file, or directory for `…/`); null when unreadable. */
async function presentPaths(dir: string, paths: readonly Sign[]): Promise<Set<Sign> | null> {
  const gitDir = await gitDirOf(dir);
  return gitDir === null ? presentOnDisk(dir, paths) : presentAtHead(gitDir, paths);
}

async function presentOnDisk(dir: string, paths: readonly Sign[]): Promise<Set<Sign>> {
  const present = new Set<Sign>();
  for (const path of paths) {
    try {
      const stat = await fs.stat(join(dir, path));
      if (path.endsWith('/') ? stat.isDirectory() : stat.isFile()) present.add(path);
    } catch {
      // absent
    }
  }
  return present;
}

async function presentAtHead(gitDir: string, paths: readonly Sign[]): Promise<Set<Sign> | null> {
  const spec = (path: Sign) => `HEAD:${path.replace(/\/$/, '')}`;
  try {
    const objects = await readObjects(createGit(gitDir), paths.map(spec));
    const want = (path: Sign) => (path.endsWith('/') ? 'tree' : 'blob');
    return new Set(paths.filter((path) => objects.get(spec(path))?.type === want(path)));
  } catch {
    // An empty repository, a broken one: the source says what is wrong when it reads it.
    return null;
  }
}
