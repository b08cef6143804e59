import { ObjectTooLargeError, type CatFileBatch } from '../../git/batch';
import type { GitObject } from '../../git/cat-file';
import type { RefFiles } from '../../git/ref-files';
import { GitError, GitTimeoutError } from '../../git/run';

/** One line of `git for-each-ref` with the fields `listRefs` asks for. */
export interface RefRow {
  refname: string;
  type: string;
  date: string;
  object: string;
  peeled: string;
  head: string;
  symref: string;
  taggerDate: string;
}

/** A signed release tag is some 1 KiB, a commit a few; one this big is left to git. */
const MAX_OBJECT_BYTES = 256 * 1024;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

/**
 * What `git for-each-ref` would print for these refs, from the tag and commit objects they name,
 * read in the repository's batch session: a commit's committer date, a tag's tagger date and the
 * object it points at. Null (ask git) when any object is missing, over its cap, neither a commit
 * nor a tag, or has a date line git might read differently.
 */
export async function refRowsFromObjects(
  files: RefFiles,
  batch: CatFileBatch,
): Promise<RefRow[] | null> {
  const objects = [...new Set(files.refs.flatMap((ref) => (ref.object ? [ref.object] : [])))];
  let read: (GitObject | null)[];
  try {
    read = await batch.read(objects, MAX_OBJECT_BYTES, MAX_TOTAL_BYTES);
  } catch (error) {
    if (error instanceof ObjectTooLargeError) return null;
    if (error instanceof GitError && !(error instanceof GitTimeoutError)) return null;
    throw error;
  }
  const described = new Map<string, Described | null>();
  objects.forEach((id, index) => described.set(id, describe(read[index] ?? null)));
  const rows: RefRow[] = [];
  for (const ref of files.refs) {
    const head = ref.name === files.head ? '*' : ' ';
    if (ref.object === null) {
      rows.push({ ...EMPTY, refname: ref.name, head, symref: ref.symref ?? '' });
      continue;
    }
    const object = described.get(ref.object);
    if (!object) return null;
    rows.push({ ...EMPTY, ...object, refname: ref.name, object: ref.object, head });
  }
  return rows;
}

const EMPTY: RefRow = {
  refname: '',
  type: '',
  date: '',
  object: '',
  peeled: '',
  head: ' ',
  symref: '',
  taggerDate: '',
};

type Described = Pick<RefRow, 'type' | 'date' | 'peeled' | 'taggerDate'>;

function describe(object: GitObject | null): Described | null {
  if (object === null) return null;
  const header = headerOf(object.content);
  if (object.type === 'commit') {
    const date = identDate(header, 'committer');
    return date ? { type: 'commit', date, peeled: '', taggerDate: '' } : null;
  }
  if (object.type === 'tag') {
    const date = identDate(header, 'tagger');
    const peeled = /^object ([0-9a-f]{40}(?:[0-9a-f]{24})?)$/m.exec(header)?.[1];
    return date && peeled ? { type: 'tag', date, peeled, taggerDate: date } : null;
  }
  return null;
}

function headerOf(content: Buffer): string {
  const end = content.indexOf('\n\n');
  return content.subarray(0, end < 0 ? content.length : end).toString('utf8');
}

/**
 * The date of an ident line (`committer A U Thor <a@example.org> 1700000000 +0100`) as git's
 * `iso-strict` prints it, in the line's own offset; null for more than one such line or anything
 * but the plain form.
 */
export function identDate(header: string, field: 'committer' | 'tagger'): string | null {
  const lines = header.split('\n').filter((line) => line.startsWith(`${field} `));
  if (lines.length !== 1) return null;
  const match = /^[a-z]+ [^\n<>]*<[^\n<>]*> (\d{1,10}) ([+-])(\d\d)([0-5]\d)$/.exec(lines[0]!);
  if (!match) return null;
  const [, seconds, sign, hours, minutes] = match;
  const offset = (Number(hours) * 60 + Number(minutes)) * (sign === '-' ? -1 : 1);
  const local = new Date((Number(seconds) + offset * 60) * 1000).toISOString().slice(0, 19);
  const printedSign = offset === 0 ? '+' : sign!;
  return `${local}${printedSign}${hours}:${minutes}`;
}
