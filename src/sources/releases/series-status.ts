import type { Node } from 'yaml';
import { SERIES_LIFECYCLE, type Series, type SeriesStatus } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { get, items, kindOf, text } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';

/** Where series status lives: data/ since 2019-06, deliverables/ from 2018-04 until then. */
export const SERIES_STATUS_FILES = [
  'data/series_status.yaml',
  'deliverables/series_status.yaml',
] as const;

const STATUSES: readonly SeriesStatus[] = SERIES_LIFECYCLE;

/** Every series, in file order (newest first). */
export function readSeriesStatus(doc: YamlDocument, data: DataDir): Series[] {
  if (kindOf(doc, doc.root) !== 'list') {
    throw new YamlShapeError(
      doc.file,
      1,
      'is not a list of series, a layout this reader does not know',
    );
  }
  return items(doc, doc.root, 'series').map((node) => readSeries(doc, node, data));
}

function readSeries(doc: YamlDocument, node: Node | null, data: DataDir): Series {
  const name = text(doc, get(doc, node, 'name', 'series'), 'series name');
  if (!name) throw new YamlShapeError(doc.file, doc.line(node), 'has a series without a name');
  const field = (key: string): string | null =>
    text(doc, get(doc, node, key, name), `${name}.${key}`);
  const nextPhase = get(doc, node, 'next-phase', name);
  return {
    name,
    releaseId: field('release-id'),
    status: readStatus(doc, get(doc, node, 'status', name), `series ${name}`),
    initialRelease: field('initial-release'),
    nextPhase:
      kindOf(doc, nextPhase) === 'null'
        ? null
        : {
            status: readStatus(
              doc,
              get(doc, nextPhase, 'status', name),
              `series ${name} next-phase`,
            ),
            date: text(doc, get(doc, nextPhase, 'date', name), `${name}.next-phase.date`),
          },
    eolDate: field('eol-date'),
    ref: data.ref(doc.file, doc.line(node)),
  };
}

function readStatus(doc: YamlDocument, node: Node | null, what: string): SeriesStatus {
  const value = text(doc, node, `${what} status`);
  const status = STATUSES.find((candidate) => candidate === value);
  if (!status) {
    const shown = value === null ? 'no status' : `status '${value}'`;
    throw new YamlShapeError(
      doc.file,
      doc.line(node),
      `${what} has ${shown}, which this reader does not know`,
    );
  }
  return status;
}
