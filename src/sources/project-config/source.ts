import type { ProjectConfigFacts, ZuulProjectStanza, ZuulV2Layout } from '../../evidence/types';
import { openDataDir, type DataDir } from '../data-dir';
import type { GitCache } from '../../git/cache/store';
import type { GitCallCounter } from '../../git/run';
import { perRun, type EvidenceSource } from '../source';
import { Unavailable } from '../unavailable';
import { defaultTablesReader } from '../releases/parser';
import { valueOf } from '../tables';
import { readTables, type TablesReader } from '../tables-thread';
import { readShaped } from '../yaml/shape';
import { GERRIT_FILE } from './gerrit';
import type { ProjectConfigTables } from './tables';
import { readZuulV2 } from './v2';
import { ZUUL_PROJECTS_FILE } from './zuul-projects';

export interface ProjectConfigSourceOptions {
  dir: string | undefined;
  /** Where the data comes from when no directory is given. */
  cache?: GitCache;
  asOf: string;
  counter?: GitCallCounter;
  onProgress?: (message: string) => void;
  /** Where the files are read into tables: the process's parsing thread by default, null here. */
  tables?: TablesReader | null;
}

interface LoadedProjectConfig {
  data: DataDir;
  tables: ProjectConfigTables;
  /** The central Zuul entry of a repository (v3 zuul.d/projects.yaml or the v2 layout). */
  zuulOf: (repository: string) => ZuulProjectStanza | null;
  zuulV2: ZuulV2Layout | undefined;
}

/** Reads project-config's Gerrit and Zuul project lists once per run. */
export class ProjectConfigSource {
  private loaded: Promise<LoadedProjectConfig> | undefined;

  constructor(private readonly options: ProjectConfigSourceOptions) {}

  async facts(repository: string): Promise<ProjectConfigFacts> {
    const { data, tables, zuulOf, zuulV2 } = await this.load();
    return readShaped(data, () => {
      const gerrit = tables.gerrit.get(repository);
      const facts: ProjectConfigFacts = {
        gerrit: gerrit !== undefined ? valueOf(gerrit, data) : null,
        zuul: zuulOf(repository),
      };
      if (zuulV2) facts.zuulV2 = zuulV2;
      return facts;
    });
  }

  private load(): Promise<LoadedProjectConfig> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private async read(): Promise<LoadedProjectConfig> {
    const { dir, cache, asOf, counter, onProgress } = this.options;
    const flag = '--project-config';
    const data = await openDataDir({
      source: 'project-config',
      flag,
      dir,
      ...(cache ? { cache } : {}),
      asOf,
      counter,
    });
    onProgress?.('reading project-config Gerrit and Zuul projects');
    const files = await data.read([GERRIT_FILE, ZUUL_PROJECTS_FILE]);
    const gerrit = files.get(GERRIT_FILE);
    if (typeof gerrit !== 'string') {
      throw new Unavailable('project-config', `${data.label} has no ${GERRIT_FILE}`);
    }
    const zuulText = files.get(ZUUL_PROJECTS_FILE);
    const zuul = typeof zuulText === 'string' ? zuulText : null;
    const v2 = zuul === null ? await readZuulV2(data) : null;
    const reader = this.options.tables === undefined ? defaultTablesReader() : this.options.tables;
    const tables = await readTables(
      reader,
      { kind: 'projectConfig', texts: { gerrit, zuul } },
      data,
    );
    if (v2) return { data, tables, zuulOf: v2.zuulOf, zuulV2: v2.layout };
    const zuulOf = (repository: string) => {
      const stanza = tables.zuul.get(repository);
      return stanza ? valueOf(stanza, data) : null;
    };
    return { data, tables, zuulOf, zuulV2: undefined };
  }
}

const projectConfigOf = perRun(
  ({ options, counter }) =>
    new ProjectConfigSource({
      dir: options.projectConfig,
      ...(options.gitCache ? { cache: options.gitCache } : {}),
      asOf: options.asOf,
      counter,
      onProgress: options.onProgress,
    }),
);

export const projectConfigSource: EvidenceSource<'projectConfig'> = {
  id: 'project-config',
  kind: 'projectConfig',
  dependencies: [],
  scope: 'repository',
  subject: 'projectConfig evidence',
  read: (repository, run) => projectConfigOf(run).facts(repository),
};
