import type { ZuulInRepoConfig } from '../../evidence/types';
import { readObjects } from '../../git/cat-file';
import type { Git } from '../../git/run';

export type ZuulLocation = ZuulInRepoConfig['location'];

/** Zuul's precedence: the first of these holding a non-empty file is the only one read. */
export const ZUUL_LOCATIONS: readonly ZuulLocation[] = [
  'zuul.yaml',
  'zuul.d',
  '.zuul.yaml',
  '.zuul.d',
];
export const ENTRY_POINT_FILES = ['tox.ini', 'package.json', 'go.mod', 'Makefile'] as const;

export interface TreeFiles {
  zuul: { location: ZuulLocation; files: string[] } | null;
  /** Contents of the files read, by path. */
  contents: Map<string, string>;
}

interface TreeEntry {
  path: string;
  size: number;
}

/** Lists the few paths the rules need (one ls-tree) and reads them (one cat-file --batch). */
export async function readTreeFiles(git: Git, commit: string): Promise<TreeFiles> {
  const entries = await listEntries(git, commit);
  const zuul = chooseZuul(entries);
  const wanted = [
    ...(zuul?.files ?? []),
    ...ENTRY_POINT_FILES.filter((file) => entries.some((e) => e.path === file)),
  ];
  const objects = await readObjects(
    git,
    wanted.map((path) => `${commit}:${path}`),
  );
  const contents = new Map<string, string>();
  for (const path of wanted) {
    const object = objects.get(`${commit}:${path}`);
    if (object?.type === 'blob') contents.set(path, object.content.toString('utf8'));
  }
  return { zuul, contents };
}

async function listEntries(git: Git, commit: string): Promise<TreeEntry[]> {
  const out = await git.run([
    'ls-tree',
    '-r',
    '-l',
    '-z',
    commit,
    '--',
    ...ZUUL_LOCATIONS,
    ...ENTRY_POINT_FILES,
  ]);
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>; regular files only, not symlinks
    const match = /^10\d{4} blob [0-9a-f]+\s+(\d+)\t(.+)$/s.exec(record);
    if (match?.[1] && match[2] && !match[2].includes('\n')) {
      entries.push({ path: match[2], size: Number(match[1]) });
    }
  }
  return entries;
}

function chooseZuul(entries: readonly TreeEntry[]): TreeFiles['zuul'] {
  for (const location of ZUUL_LOCATIONS) {
    const files = entries
      .filter((entry) => entry.size > 0)
      .filter((entry) =>
        location.endsWith('.d')
          ? entry.path.startsWith(`${location}/`) && entry.path.endsWith('.yaml')
          : entry.path === location,
      )
      .map((entry) => entry.path)
      .sort();
    if (files.length > 0) return { location, files };
  }
  return null;
}
