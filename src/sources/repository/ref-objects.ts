import { ObjectTooLargeError, type CatFileBatch } from '../../git/batch';
import type { GitObject } from '../../git/cat-file';
import type { LocalObjects } from '../../git/local-objects';
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
  const objects = namedObjects(files);
  let read: (GitObject | null)[];
  try {
    read = await batch.read(objects, MAX_OBJECT_BYTES, MAX_TOTAL_BYTES);
  } catch (error) {
    if (error instanceof ObjectTooLargeError) return null;
    if (error instanceof GitError && !(error instanceof GitTimeoutError)) return null;
    throw error;
  }
  return rowsOf(files, objects, read);
}

/**
 * {@link refRowsFromObjects} with the objects read from the repository's own files only
 * (git/local-objects.ts), synchronously: null when one is not there to read, or is over its cap.
 */
export function refRowsFromLocalObjects(files: RefFiles, local: LocalObjects): RefRow[] | null {
  const objects = namedObjects(files);
  let left = MAX_TOTAL_BYTES;
  const read: GitObject[] = [];
  for (const id of objects) {
    const object = local.read(id, Math.min(MAX_OBJECT_BYTES, left));
    if (object === null) return null;
    left -= object.content.length;
    read.push(object);
  }
  return rowsOf(files, objects, read);
}

function namedObjects(files: RefFiles): string[] {
  const named = new Set<string>();
  for (const ref of files.refs) if (ref.object) named.add(ref.object);
  return [...named];
}

function rowsOf(
  files: RefFiles,
  objects: readonly string[],
  read: readonly (GitObject | null)[],
): RefRow[] | null {
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
    const { type, date, peeled, taggerDate } = object;
    rows.push({
      refname: ref.name,
      type,
      date,
      object: ref.object,
      peeled,
      head,
      symref: '',
      taggerDate,
    });
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
    const peeled = peeledObject(header);
    return date && peeled ? { type: 'tag', date, peeled, taggerDate: date } : null;
  }
  return null;
}

const OBJECT_LINE = /^object ([0-9a-f]{40}(?:[0-9a-f]{24})?)$/m;
const IDENT = /^[a-z]+ [^\n<>]*<[^\n<>]*> (\d{1,10}) ([+-])(\d\d)([0-5]\d)$/;

const BLANK_LINE = Buffer.from('\n\n');

function headerOf(content: Buffer): string {
  const end = content.indexOf(BLANK_LINE);
  return content.toString('utf8', 0, end < 0 ? content.length : end);
}

/**
 * The object a tag points at: its first line (where git writes it) when that is the `object`
 * line, else the first line OBJECT_LINE finds, as before; undefined when none.
 */
export function peeledObject(header: string): string | undefined {
  if (header.startsWith('object ')) {
    const end = header.indexOf('\n');
    const length = (end < 0 ? header.length : end) - OBJECT_PREFIX;
    if (length === 40 || length === 64) {
      const id = header.slice(OBJECT_PREFIX, OBJECT_PREFIX + length);
      if (HEX_ID.test(id)) return id; // the leftmost line, so the one the expression would find
    }
  }
  return OBJECT_LINE.exec(header)?.[1];
}

const OBJECT_PREFIX = 'object '.length;
const HEX_ID = /^[0-9a-f]+$/;

/**
 * The date of an ident line (`committer A U Thor <a@example.org> 1700000000 +0100`) as git's
 * `iso-strict` prints it, in the line's own offset; null for more than one such line or anything
 * but the plain form.
 */
export function identDate(header: string, field: 'committer' | 'tagger'): string | null {
  const line = onlyLine(header, `${field} `);
  if (line === null) return null;
  const match = IDENT.exec(line);
  if (!match) return null;
  const [, seconds, sign, hours, minutes] = match;
  const offset = (Number(hours) * 60 + Number(minutes)) * (sign === '-' ? -1 : 1);
  const local = isoSeconds(Number(seconds) + offset * 60);
  const printedSign = offset === 0 ? '+' : sign!;
  return `${local}${printedSign}${hours}:${minutes}`;
}

const DAY_SECONDS = 86400;

/**
 * `new Date(seconds * 1000).toISOString().slice(0, 19)` without a Date per tag: the proleptic
 * Gregorian calendar date of a day count (H. Hinnant's `civil_from_days`). Years outside 0–9999
 * (which toISOString prints differently) are left to Date; an ident's ten digits stay inside.
 */
function isoSeconds(seconds: number): string {
  const days = Math.floor(seconds / DAY_SECONDS);
  const time = seconds - days * DAY_SECONDS;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(seconds * 1000).toISOString().slice(0, 19);
  const hour = Math.floor(time / 3600);
  const minute = Math.floor((time % 3600) / 60);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(time % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The one line that starts with `prefix`; null when none or more than one does. */
function onlyLine(header: string, prefix: string): string | null {
  let found: string | null = null;
  for (let at = header.indexOf(prefix); at >= 0; at = header.indexOf(prefix, at + 1)) {
    if (at > 0 && header.charCodeAt(at - 1) !== NEWLINE) continue;
    if (found !== null) return null;
    const end = header.indexOf('\n', at);
    found = header.slice(at, end < 0 ? header.length : end);
  }
  return found;
}

const NEWLINE = 10;
