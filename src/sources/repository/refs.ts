import type { GitBranch, GitTag } from '../../evidence/types';
import type { Git } from '../../git/run';
import { Unavailable } from '../unavailable';
import { instantTime } from '../dates';
import { compareText } from '../../util/compare';
import { readRefFiles } from '../../git/ref-files';
import type { BatchSession } from './session';
import { refRowsFromObjects, type RefRow } from './ref-objects';
import { MAX_REFS, REF_FILE_LIMITS, REF_PREFIXES, type RefRowReader } from './ref-rows';

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

/**
 * Tags and branches; remote copies of local branches are dropped. Read from the ref files and
 * the objects they name when nothing is unusual: on the parsing thread when `reader` has one
 * (ref-rows.ts), else here in the repository's `cat-file --batch` session (see readRefFiles,
 * refRowsFromObjects); else with one `git for-each-ref`, after the session is ended (a process
 * of its own needs a slot of its own).
 */
export async function listRefs(
  git: Git,
  session: BatchSession,
  reader: RefRowReader | null = null,
): Promise<RefListing> {
  const elsewhere = await reader?.refRows(git.gitDir);
  if (elsewhere) return toListing(elsewhere);
  const files = await readRefFiles(git.gitDir, REF_PREFIXES, REF_FILE_LIMITS);
  if (files !== null) {
    const rows = await refRowsFromObjects(files, session.batch());
    if (rows !== null) return toListing(rows);
  }
  session.end();
  return toListing(await forEachRef(git));
}

async function forEachRef(git: Git): Promise<RefRow[]> {
  const out = await git.run([
    'for-each-ref',
    `--count=${MAX_REFS + 1}`,
    `--format=${FIELDS.join('%00')}`,
    ...REF_PREFIXES,
  ]);
  const lines = out
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
  if (lines.length > MAX_REFS) {
    throw new Unavailable('repository', `it has more than ${MAX_REFS} tags and branches`);
  }
  return lines.map((line) => {
    const fields = line.split('\0');
    const [refname = '', type = '', date = '', object = '', peeled = '', head = '', symref = ''] =
      fields;
    const taggerDate = fields[TAGGER_DATE] ?? '';
    return { refname, type, date, object, peeled, head, symref, taggerDate };
  });
}

function toListing(rows: readonly RefRow[]): RefListing {
  const tags: GitTag[] = [];
  const local = new Map<string, GitBranch>();
  const remote = new Map<string, GitBranch>();
  let checkedOut: string | null = null;
  let originHead: string | null = null;
  for (const { refname, type, date, object, peeled, head, symref, taggerDate: tagger } of rows) {
    if (refname.startsWith('refs/tags/')) {
      const annotated = type === 'tag';
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
  return text !== '' && !Number.isNaN(instantTime(text)) ? text : null;
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
