/**
 * The series of a releases tree older than series_status.yaml (before 2018-04): the table of
 * series the releases docs carried in `doc/source/index.rst` from 2015-09 until 2018-04, and the
 * `deliverables/<series>/` directories. Neither records a series status a checker can read.
 */
import type { DataRef, Series, SeriesStatus } from '../../evidence/types';
import { compareText } from '../../util/compare';

/** The releases docs' front page, which held the series table from 2015-09 to 2018-04. */
export const SERIES_TABLE_FILE = 'doc/source/index.rst';

/** Series status moved into `series_status.yaml` with releases commit f446ef37f (2018-04-20). */
export const SERIES_STATUS_SINCE = '2018-04-20';

const SERIES_NAME = /^[a-z][a-z0-9]*$/;
const LEADING_DATE = /^(\d{4}-\d{2}-\d{2})\b/;
/** `:doc:\`releases/liberty\`` (2015) or `:doc:\`liberty/index\`` (2016 on). */
const DOC_LINK = /^:doc:`(?:releases\/)?([a-z][a-z0-9]*)(?:\/index)?`$/;
const MAX_ROWS = 200;

type Ref = (file: string, line?: number) => DataRef;

interface Row {
  line: number;
  cells: string[];
}

/** The rows of the first `list-table` in the file: `- * cell` starts a row, `* cell` adds one. */
function tableRows(text: string): Row[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith('.. list-table::'));
  if (start < 0) return [];
  const rows: Row[] = [];
  for (let i = start + 1; i < lines.length && rows.length <= MAX_ROWS; i += 1) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(':')) continue;
    if (!line.startsWith(' ')) break;
    if (trimmed.startsWith('- *')) rows.push({ line: i + 1, cells: [trimmed.slice(3).trim()] });
    else if (trimmed.startsWith('*')) rows[rows.length - 1]?.cells.push(trimmed.slice(1).trim());
    else break;
  }
  return rows;
}

/** `:doc:\`Under Development <newton/schedule>\`` → `Under Development`; `*Future*` → `Future`. */
function plainText(cell: string): string {
  return cell
    .replace(/:(?:doc|ref):`([^<`]*?)\s*<[^>]*>`/g, '$1')
    .replace(/`([^<`]*?)\s*<[^>]*>`__?/g, '$1')
    .replace(/`([^`]*)`_/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .trim();
}

/** `Security-supported (EOL: 2016-05-02)` → `2016-05-02`. */
function wordedEol(words: string): string | null {
  return /\bEOL: (\d{4}-\d{2}-\d{2})\b/.exec(words)?.[1] ?? null;
}

function leadingDate(cell: string | undefined): string | null {
  return LEADING_DATE.exec(cell ?? '')?.[1] ?? null;
}

/**
 * The series status the table's words state, by the stable-branch phases of that era (the
 * project-team guide): "Security-supported" (2015) and Phases I to III (2016–2018) all received
 * security fixes, so they are maintained; "EOL"/"End of Life" is end of life; "Under Development"
 * and "Future" as named. Any other wording ("Deprecated") states no status: null.
 */
export function tableStatus(words: string): SeriesStatus | null {
  const text = words.toLowerCase();
  if (/^(eol\b|end of life\b)/.test(text)) return 'end of life';
  if (/^future$/.test(text)) return 'future';
  if (/^under development$/.test(text)) return 'development';
  if (/security-supported|^phase (i|ii|iii) -- /.test(text)) return 'maintained';
  return null;
}

/**
 * The series the table lists, in its order (newest first), with the dates it gives. Null when the
 * file holds no table of that shape. A maintained series leaves maintenance on the EOL date the
 * table gives (its EOL Date column, or "(EOL: DATE)" in its status words), as the series status
 * data records it later; without one it has no next-phase date.
 */
export function readSeriesTable(text: string, ref: Ref): Series[] | null {
  const [header, ...rows] = tableRows(text);
  if (!header) return null;
  const column = (name: string) => header.cells.findIndex((c) => plainText(c) === name);
  const [name, status, initial, eol] = [
    column('Series'),
    column('Status'),
    column('Initial Release Date'),
    column('EOL Date'),
  ];
  if (name < 0) return null;
  const series: Series[] = [];
  for (const row of rows) {
    const seriesName = DOC_LINK.exec(row.cells[name] ?? '')?.[1];
    if (!seriesName || !SERIES_NAME.test(seriesName)) return null;
    const statusText = status < 0 ? '' : plainText(row.cells[status] ?? '');
    const recorded = tableStatus(statusText);
    const eolDate = (eol < 0 ? null : leadingDate(row.cells[eol])) ?? wordedEol(statusText);
    series.push({
      name: seriesName,
      releaseId: null,
      status: recorded,
      ...(statusText ? { statusText } : {}),
      initialRelease: initial < 0 ? null : leadingDate(row.cells[initial]),
      nextPhase: recorded === 'maintained' ? { status: 'end of life', date: eolDate } : null,
      eolDate,
      ref: ref(SERIES_TABLE_FILE, row.line),
    });
  }
  return series.length > 0 ? series : null;
}

/**
 * The series of the tree: the table's, and every series directory the table does not name. Until
 * Antelope (2023), series names follow the alphabet in release order, so reverse name order is
 * newest first, as series_status.yaml orders them.
 */
export function derivedSeries(
  table: readonly Series[] | null,
  directories: readonly string[],
  ref: Ref,
): Series[] {
  const byName = new Map((table ?? []).map((s) => [s.name, s]));
  for (const dir of directories) {
    if (!SERIES_NAME.test(dir) || byName.has(dir)) continue;
    byName.set(dir, {
      name: dir,
      releaseId: null,
      status: null,
      initialRelease: null,
      nextPhase: null,
      eolDate: null,
      ref: ref(`deliverables/${dir}`),
    });
  }
  return [...byName.values()].sort((a, b) => compareText(b.name, a.name));
}
