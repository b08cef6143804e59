import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type {
  DeliverableFile,
  GovernanceFacts,
  ReleasesFacts,
  Series,
  SeriesDataAsOf,
} from '../../evidence/types';
import { openDataDir, type DataDir } from '../data-dir';
import type { GitCache } from '../../git/cache/store';
import type { GitCallCounter } from '../../git/run';
import { perRun, type EvidenceSource } from '../source';
import { InternalFailure, Unavailable } from '../unavailable';
import { YamlDocument } from '../yaml/document';
import { readShaped } from '../yaml/shape';
import { compareText } from '../../util/compare';
import type { DeliverableText, ParseOutcome } from './parse-text';
import { deliverableFileOf } from './parsed';
import { defaultParser, ParseThreadFailed, type DeliverableParser } from './parser';
import { readSeriesStatus, SERIES_STATUS_FILES } from './series-status';
import {
  derivedSeries,
  readSeriesTable,
  SERIES_STATUS_SINCE,
  SERIES_TABLE_FILE,
} from './series-table';

export interface ReleasesSourceOptions {
  dir: string | undefined;
  /** Where the data comes from when no directory is given. */
  cache?: GitCache;
  asOf: string;
  counter?: GitCallCounter;
  onProgress?: (message: string) => void;
  /** Governance's answer for a repository, to find its deliverable name; null when unknown. */
  governance: (repository: string) => Promise<GovernanceFacts | null>;
  /** Today (YYYY-MM-DD, UTC), for tests; the current date by default. */
  today?: string;
  /** Parses the deliverable files: on a worker thread by default (parser.ts). */
  parser?: DeliverableParser;
}

interface LoadedReleases {
  data: DataDir;
  series: Series[];
  seriesAsOf: SeriesDataAsOf;
  /** Why no series status is recorded, when the tree predates series_status.yaml. */
  seriesStatusMissing?: string;
}

/**
 * A git checkout is read as of the date; a plain directory holds the newest data, which is only
 * the data as of the date when the date is today or later.
 */
function seriesDataAsOf(data: DataDir, asOf: string, today: string): SeriesDataAsOf {
  return data.commit !== undefined || asOf >= today ? 'exact' : 'latest';
}

/** The paths of `paths` that have a text, to parse as deliverable files of `series`. */
function texts(
  contents: Map<string, string | null>,
  paths: readonly string[],
  series: string,
  repository: string,
): DeliverableText[] {
  return paths.flatMap((path) => {
    const text = contents.get(path);
    return text ? [{ path, text, series, repository }] : [];
  });
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The deliverable file names to try: the deliverable's, then with `_` as `-` (governance's
 * `glance_store` is `glance-store.yaml` in the releases data, 2015 to today). A file counts only
 * if it names the repository, so a second name cannot lend another deliverable's releases.
 */
function fileNames(deliverable: string): string[] {
  const dashed = deliverable.replace(/_/g, '-');
  return dashed === deliverable ? [deliverable] : [deliverable, dashed];
}

/** Reads series status once per run and only the deliverable files a repository needs. */
export class ReleasesSource {
  private loaded: Promise<LoadedReleases> | undefined;
  /** The plain directory's series directories, listed once per run (as its files are). */
  private seriesDirs: Promise<string[]> | undefined;

  constructor(private readonly options: ReleasesSourceOptions) {}

  async facts(repository: string): Promise<ReleasesFacts> {
    const { data, series, seriesAsOf, seriesStatusMissing } = await this.load();
    const deliverable = await this.deliverableName(repository);
    if (!SAFE_NAME.test(deliverable)) {
      throw new Unavailable(
        'releases',
        `deliverable name '${deliverable}' is not a safe file name`,
      );
    }
    this.options.onProgress?.(`reading releases deliverables/*/${deliverable}.yaml`);
    const seriesNames = [...series]
      .reverse()
      .map((s) => s.name)
      .filter((name) => SAFE_NAME.test(name));
    const candidates = [
      ...seriesNames.map((name) => ({ series: name, dir: name })),
      { series: 'independent', dir: '_independent' },
    ];
    const names = fileNames(deliverable);
    const pathsOf = (dir: string) => names.map((name) => `deliverables/${dir}/${name}.yaml`);
    const contents = await data.read(candidates.flatMap((c) => pathsOf(c.dir)));
    const parsed = await this.parse(
      data,
      candidates.flatMap((c) => texts(contents, pathsOf(c.dir), c.series, repository)),
    );
    const files: DeliverableFile[] = [];
    for (const candidate of candidates) {
      for (const path of pathsOf(candidate.dir)) {
        const file = parsed.file(path);
        if (file) {
          files.push(file);
          break;
        }
      }
    }
    const unlisted = await this.unlistedSeriesFiles(data, series, deliverable, repository);
    return {
      series,
      deliverable,
      files,
      seriesAsOf,
      ...(unlisted.length > 0 ? { unlistedSeriesFiles: unlisted } : {}),
      ...(seriesStatusMissing !== undefined ? { seriesStatusMissing } : {}),
    };
  }

  /**
   * The repository's deliverable files in series directories series_status.yaml does not list.
   * Only a plain directory can hold them unnoticed: a git checkout is read at a commit upstream's
   * validation accepted, which requires every series to be listed.
   */
  private async unlistedSeriesFiles(
    data: DataDir,
    series: readonly Series[],
    deliverable: string,
    repository: string,
  ): Promise<DeliverableFile[]> {
    if (data.commit !== undefined) return [];
    const known = new Set(series.map((s) => s.name));
    this.seriesDirs ??= seriesDirectories(data.root);
    const dirs = (await this.seriesDirs).filter((dir) => !known.has(dir));
    const paths = dirs.map((dir) => `deliverables/${dir}/${deliverable}.yaml`);
    const contents = await data.read(paths);
    const parsed = await this.parse(
      data,
      dirs.flatMap((dir, index) => texts(contents, [paths[index] ?? ''], dir, repository)),
    );
    return paths.flatMap((path) => parsed.file(path) ?? []);
  }

  /**
   * Parses the texts in one batch (on the parser's thread); `file(path)` is then the evidence of
   * a path, read in the order the caller asks, which is the order errors are met in. A parsing
   * thread that died on the batch leaves no evidence of it: that is unavailable, never "no file".
   */
  private async parse(data: DataDir, batch: DeliverableText[]) {
    const parser = this.options.parser ?? defaultParser();
    let outcomes: ParseOutcome[];
    try {
      outcomes = await parser.parse(batch);
    } catch (error) {
      if (!(error instanceof ParseThreadFailed) || !error.outOfMemory) throw error;
      const files = batch.map((file) => file.path).join(', ');
      throw new Unavailable('releases', `${data.label}: ${files}: ${error.message}`);
    }
    if (outcomes.length !== batch.length) {
      throw new Error(`the parser answered ${outcomes.length} outcomes for ${batch.length} files`);
    }
    const byPath = new Map(batch.map((file, index) => [file.path, outcomes[index]]));
    return {
      file(path: string): DeliverableFile | null {
        const outcome = byPath.get(path);
        return outcome === undefined ? null : deliverableFileOf(outcome, path, data);
      },
    };
  }

  private async deliverableName(repository: string): Promise<string> {
    const governance = await this.options.governance(repository);
    return (
      governance?.owner?.name ??
      governance?.retired?.deliverable ??
      repository.slice(repository.lastIndexOf('/') + 1)
    );
  }

  private load(): Promise<LoadedReleases> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private today(): string {
    return this.options.today ?? new Date().toISOString().slice(0, 10);
  }

  private withoutSeriesStatus(data: DataDir): Promise<LoadedReleases> {
    this.options.onProgress?.('releases data predates series status: reading its series');
    const seriesAsOf = seriesDataAsOf(data, this.options.asOf, this.today());
    if (data.commit !== undefined && this.options.asOf < DELIVERABLES_SINCE)
      return Promise.resolve(emptyBeforeDeliverables(data, seriesAsOf));
    return derivedLoad(data, seriesAsOf);
  }

  private async read(): Promise<LoadedReleases> {
    const { dir, cache, asOf, counter, onProgress } = this.options;
    const data = await openDataDir({
      source: 'releases',
      flag: '--releases',
      dir,
      ...(cache ? { cache } : {}),
      asOf,
      counter,
    });
    onProgress?.('reading releases series status');
    const contents = await data.read(SERIES_STATUS_FILES);
    const file = SERIES_STATUS_FILES.find(
      (candidate) => typeof contents.get(candidate) === 'string',
    );
    if (!file) return this.withoutSeriesStatus(data);
    return readShaped(data, () => {
      const doc = YamlDocument.parse(file, contents.get(file) ?? '');
      const seriesAsOf = seriesDataAsOf(data, asOf, this.today());
      return { data, series: readSeriesStatus(doc, data), seriesAsOf };
    });
  }
}

/**
 * The day the releases repository recorded its first deliverable files (commit 2382b0860, "Add
 * old deliverable files"). A checkout read as of an earlier date holds none: it records no
 * release, so the candidate's own dated tags are what settles clause 3.
 */
export const DELIVERABLES_SINCE = '2015-07-14';

function emptyBeforeDeliverables(data: DataDir, seriesAsOf: SeriesDataAsOf): LoadedReleases {
  return {
    data,
    series: [],
    seriesAsOf,
    seriesStatusMissing:
      `${data.label} records no deliverable file yet (deliverable files from ` +
      `${DELIVERABLES_SINCE}, series status from ${SERIES_STATUS_SINCE}), so no series or ` +
      'maintenance status',
  };
}

/**
 * A tree older than series status (2018-04): its series are what its deliverables directories
 * and the docs' series table record, without status. Deliverable files exist from 2015-07; a tree
 * with neither is not releases data this reader knows.
 */
async function derivedLoad(data: DataDir, seriesAsOf: SeriesDataAsOf): Promise<LoadedReleases> {
  const directories = await data.subdirectories('deliverables');
  if (directories === null) {
    throw new Unavailable(
      'releases',
      `${data.label} has no deliverables directory and neither ${SERIES_STATUS_FILES.join(' nor ')} ` +
        '(deliverable files are recorded from 2015-07 on)',
    );
  }
  const table = (await data.read([SERIES_TABLE_FILE])).get(SERIES_TABLE_FILE);
  const rows = table ? readSeriesTable(table, data.ref) : null;
  const series = derivedSeries(rows, directories, data.ref);
  const from = rows
    ? `its ${SERIES_TABLE_FILE} series table (its status words read as the stable phases of ` +
      'that era) and deliverables directories'
    : 'its deliverables directories';
  return {
    data,
    series,
    seriesAsOf,
    seriesStatusMissing:
      `${data.label} predates series status (series_status.yaml, from ${SERIES_STATUS_SINCE}); ` +
      `its series are known from ${from}; a series only a directory names has no recorded status`,
  };
}

/** The series directories under `deliverables/` (not `_independent`), by name. */
async function seriesDirectories(root: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(join(root, 'deliverables'), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && SAFE_NAME.test(entry.name))
      .map((entry) => entry.name)
      .filter((name) => !name.startsWith('_'))
      .sort(compareText);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No deliverables directory: there is nothing unlisted to find.
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    const message = error instanceof Error ? error.message : String(error);
    throw new Unavailable('releases', `cannot list the series directories: ${message}`);
  }
}

const releasesOf = perRun(
  (run) =>
    new ReleasesSource({
      dir: run.options.releases,
      ...(run.options.gitCache ? { cache: run.options.gitCache } : {}),
      asOf: run.options.asOf,
      ...(run.options.today ? { today: run.options.today } : {}),
      counter: run.counter,
      onProgress: run.options.onProgress,
      governance: async (repository) => {
        const facts = await run.evidence('governance', repository);
        if (facts.status === 'available') return facts.value;
        // A bug reading governance is not "no deliverable name": it must not read as evidence.
        if (facts.internal) throw new InternalFailure(facts);
        return null;
      },
    }),
);

/** Needs governance for the deliverable name; without it, the repository's own name is used. */
export const releasesSource: EvidenceSource<'releases'> = {
  id: 'releases',
  kind: 'releases',
  dependencies: ['governance'],
  scope: 'repository',
  subject: 'releases evidence',
  read: (repository, run) => releasesOf(run).facts(repository),
};
