import type { Node } from 'yaml';
import type { ProjectConfigFacts, ZuulProjectStanza, ZuulV2Layout } from '../../evidence/types';
import { openDataDir, type DataDir } from '../data-dir';
import type { GitCache } from '../../git/cache/store';
import type { GitCallCounter } from '../../git/run';
import { perRun, type EvidenceSource } from '../source';
import { Unavailable } from '../unavailable';
import { YamlDocument } from '../yaml/document';
import { readShaped } from '../yaml/shape';
import { GERRIT_FILE, indexGerrit, readGerritProject } from './gerrit';
import { readZuulV2 } from './v2';
import { indexZuulProjects, readCentralStanza, ZUUL_PROJECTS_FILE } from './zuul-projects';

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
  /** The central Zuul entry of a repository (v3 zuul.d/projects.yaml or the v2 layout). */
  zuulOf: (repository: string) => ZuulProjectStanza | null;
  zuulV2: ZuulV2Layout | undefined;
}

/** Reads project-config's Gerrit and Zuul project lists once per run. */
export class ProjectConfigSource {
  private loaded: Promise<LoadedProjectConfig> | undefined;

  constructor(private readonly options: ProjectConfigSourceOptions) {}

  async facts(repository: string): Promise<ProjectConfigFacts> {
    const { data, gerrit, gerritIndex, zuulOf, zuulV2 } = await this.load();
    return readShaped(data, () => {
      const gerritNode = gerritIndex.get(repository);
      const facts: ProjectConfigFacts = {
        gerrit: gerritNode !== undefined ? readGerritProject(gerrit, gerritNode, data) : null,
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
    const gerritText = files.get(GERRIT_FILE);
    if (typeof gerritText !== 'string') {
      throw new Unavailable('project-config', `${data.label} has no ${GERRIT_FILE}`);
    }
    const zuulText = files.get(ZUUL_PROJECTS_FILE);
    const v2 = typeof zuulText === 'string' ? null : await readZuulV2(data);
    return readShaped(data, () => {
      const gerrit = YamlDocument.parse(GERRIT_FILE, gerritText);
      const gerritIndex = indexGerrit(gerrit);
      if (v2) return { data, gerrit, gerritIndex, zuulOf: v2.zuulOf, zuulV2: v2.layout };
      const zuul = YamlDocument.parse(ZUUL_PROJECTS_FILE, zuulText ?? '');
      const zuulIndex = indexZuulProjects(zuul);
      const zuulOf = (repository: string) => {
        const stanzas = zuulIndex.get(repository);
        return stanzas ? readCentralStanza(zuul, stanzas, data) : null;
      };
      return { data, gerrit, gerritIndex, zuulOf, zuulV2: undefined };
    });
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
