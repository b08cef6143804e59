import type { Node } from 'yaml';
import type { ProjectConfigFacts } from '../../evidence/types';
import { openDataDir, type DataDir } from '../data-dir';
import type { GitCache } from '../../git/cache/store';
import type { GitCallCounter } from '../../git/run';
import { perRun, type EvidenceSource } from '../source';
import { Unavailable } from '../unavailable';
import { YamlDocument } from '../yaml/document';
import { readShaped } from '../yaml/shape';
import { GERRIT_FILE, indexGerrit, readGerritProject } from './gerrit';
import {
  indexZuulProjects,
  readCentralStanza,
  ZUUL_DIR,
  ZUUL_PROJECTS_FILE,
} from './zuul-projects';

export interface ProjectConfigSourceOptions {
  dir: string | undefined;
  /** Where the data comes from when no directory is given. */
  cache?: GitCache;
  asOf: string;
  counter?: GitCallCounter;
  onProgress?: (message: string) => void;
}

interface LoadedProjectConfig {
  data: DataDir;
  gerrit: YamlDocument;
  gerritIndex: Map<string, Node | null>;
  zuul: YamlDocument;
  zuulIndex: Map<string, (Node | null)[]>;
}

/** Reads project-config's Gerrit and Zuul project lists once per run. */
export class ProjectConfigSource {
  private loaded: Promise<LoadedProjectConfig> | undefined;

  constructor(private readonly options: ProjectConfigSourceOptions) {}

  async facts(repository: string): Promise<ProjectConfigFacts> {
    const { data, gerrit, gerritIndex, zuul, zuulIndex } = await this.load();
    return readShaped(data, () => {
      const gerritNode = gerritIndex.get(repository);
      const stanzas = zuulIndex.get(repository);
      return {
        gerrit: gerritNode !== undefined ? readGerritProject(gerrit, gerritNode, data) : null,
        zuul: stanzas ? readCentralStanza(zuul, stanzas, data) : null,
      };
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
    const zuulText = files.get(ZUUL_PROJECTS_FILE);
    if (typeof zuulText !== 'string') throw await missingZuul(data);
    const gerritText = files.get(GERRIT_FILE);
    if (typeof gerritText !== 'string') {
      throw new Unavailable('project-config', `${data.label} has no ${GERRIT_FILE}`);
    }
    return readShaped(data, () => {
      const zuul = YamlDocument.parse(ZUUL_PROJECTS_FILE, zuulText);
      const gerrit = YamlDocument.parse(GERRIT_FILE, gerritText);
      return {
        data,
        gerrit,
        gerritIndex: indexGerrit(gerrit),
        zuul,
        zuulIndex: indexZuulProjects(zuul),
      };
    });
  }
}

async function missingZuul(data: DataDir): Promise<Unavailable> {
  if (await data.hasDirectory(ZUUL_DIR)) {
    return new Unavailable('project-config', `${data.label} has no ${ZUUL_PROJECTS_FILE}`);
  }
  return new Unavailable(
    'project-config',
    `${data.label} has no ${ZUUL_DIR}/ (the layout before Zuul v3, 2017-09), which this reader does not know`,
  );
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
