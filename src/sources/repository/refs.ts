import type { GitBranch, GitTag } from '../../evidence/types';
import type { Git } from '../../git/run';
import { Unavailable } from '../unavailable';
import { compareText } from '../../util/compare';

export interface RefListing {
  tags: GitTag[];
  branches: GitBranch[];
  /** The checked-out branch, else origin/HEAD's target; null when neither is known. */
  defaultBranch: string | null;
}

const FIELDS = [
  '%(refname)',
  '%(objecttype)',
  '%(creatordate:iso-strict)',
  '%(objectname)',
  '%(*objectname)',
  '%(HEAD)',
  '%(symref)',
  '%(taggerdate:iso-strict)',
];
const TAGGER_DATE = FIELDS.indexOf('%(taggerdate:iso-strict)');
const REMOTE = 'refs/remotes/origin/';
/** More refs than this (nova has about 700) is not a repository to judge but a flood. */
const MAX_REFS = 20000;

/** Tags and branches with one `git for-each-ref`; remote copies of local branches are dropped. */
export async function listRefs(git: Git): Promise<RefListing> {
  const out = await git.run([
    'for-each-ref',
    `--count=${MAX_REFS + 1}`,
    `--format=${FIELDS.join('%00')}`,
    'refs/tags/',
    'refs/heads/',
    REMOTE,
  ]);
  const tags: GitTag[] = [];
  const local = new Map<string, GitBranch>();
  const remote = new Map<string, GitBranch>();
  let checkedOut: string | null = null;
  let originHead: string | null = null;
  const lines = out.toString('utf8').split('\n');
  if (lines.filter((line) => line !== '').length > MAX_REFS) {
    throw new Unavailable('repository', `it has more than ${MAX_REFS} tags and branches`);
  }
  for (const line of lines) {
    const [refname = '', type = '', date = '', object = '', peeled = '', head = '', symref = ''] =
      line.split('\0');
    if (refname.startsWith('refs/tags/')) {
      const annotated = type === 'tag';
      const tagger = line.split('\0')[TAGGER_DATE] ?? '';
      tags.push({
        name: refname.slice('refs/tags/'.length),
        date,
        commit: peeled || object,
        annotated,
        taggerDate: annotated ? taggerDate(tagger) : null,
      });
    } else if (refname.startsWith('refs/heads/')) {
      const name = refname.slice('refs/heads/'.length);
      local.set(name, { name, commit: object, date });
      if (head === '*') checkedOut = name;
    } else if (refname === `${REMOTE}HEAD`) {
      originHead = symref.startsWith(REMOTE) ? symref.slice(REMOTE.length) : null;
    } else if (refname.startsWith(REMOTE)) {
      const name = refname.slice(REMOTE.length);
      remote.set(name, { name, commit: object, date });
    }
  }
  for (const [name, branch] of remote) if (!local.has(name)) local.set(name, branch);
  const branches = [...local.values()].sort((a, b) => compareText(a.name, b.name));
  return {
    tags: tags.sort((a, b) => compareText(a.name, b.name)),
    branches,
    defaultBranch: pickDefault(checkedOut, originHead, local),
  };
}

/** A tagger date git could read, else null (git prints nothing for a date it cannot parse). */
function taggerDate(text: string): string | null {
  return text !== '' && !Number.isNaN(Date.parse(text)) ? text : null;
}

function pickDefault(
  checkedOut: string | null,
  originHead: string | null,
  branches: Map<string, GitBranch>,
): string | null {
  for (const candidate of [checkedOut, originHead, 'master', 'main']) {
    if (candidate && branches.has(candidate)) return candidate;
  }
  return null;
}
