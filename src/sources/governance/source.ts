import type {
  GovernanceFacts,
  GovernanceProjects,
  OfficialRepositories,
} from '../../evidence/types';
import { openDataDir, type DataDir } from '../data-dir';
import type { GitCache } from '../../git/cache/store';
import type { GitCallCounter } from '../../git/run';
import { perRun, type EvidenceSource } from '../source';
import { Unavailable } from '../unavailable';
import { defaultTablesReader } from '../releases/parser';
import { readTables, type TablesReader } from '../tables-thread';
import { valueOf } from '../tables';
import { LEGACY_FILES } from './legacy';
import { PROJECTS_FILE } from './projects';
import type { GovernanceTables } from './tables';

interface LoadedGovernance {
  data: DataDir;
  tables: GovernanceTables;
  about: GovernanceProjects;
}

export interface GovernanceSourceOptions {
  dir: string | undefined;
  /** Where the data comes from when no directory is given. */
  cache?: GitCache;
  asOf: string;
  /** A commit to read the checkout at, instead of the as-of date. */
  revision?: string;
  counter?: GitCallCounter;
  onProgress?: (message: string) => void;
  /** Where the files are read into tables: the process's parsing thread by default, null here. */
  tables?: TablesReader | null;
}

/** Reads governance once per run and answers per repository. */
export class GovernanceSource {
  private loaded: Promise<LoadedGovernance> | undefined;

  constructor(private readonly options: GovernanceSourceOptions) {}

  async facts(repository: string): Promise<GovernanceFacts> {
    const { data, tables, about } = await this.load();
    const unreadable = tables.unreadable.filter((entry) => entry.names.has(repository));
    if (unreadable.length > 0) {
      throw new Unavailable(
        'governance',
        `${data.label}: ${PROJECTS_FILE} ${unreadable.map((entry) => entry.text).join('; ')}; it may ` +
          `list ${repository}, so which official team lists the repository cannot be established`,
      );
    }
    const owner = tables.owners.get(repository);
    return {
      owner: owner ? valueOf(owner.read, data) : null,
      retired: tables.retired.get(repository) ?? null,
      projects: about,
    };
  }

  /**
   * Every repository an official team's deliverable lists (first listing wins), in file order,
   * and each entry that cannot be read: one broken entry leaves the others readable.
   */
  async officialRepositories(): Promise<OfficialRepositories> {
    const { tables, data } = await this.load();
    return {
      ref: data.ref(PROJECTS_FILE),
      repositories: [...tables.owners].map(([name, owner]) => ({
        name,
        team: owner.team,
        deliverable: owner.deliverable,
        ref: data.ref(PROJECTS_FILE, owner.repoLine),
      })),
      unreadable: tables.unreadable.map((entry) => ({
        text: entry.text,
        ref: data.ref(PROJECTS_FILE, entry.line),
      })),
    };
  }

  private load(): Promise<LoadedGovernance> {
    this.loaded ??= this.read();
    return this.loaded;
  }

  private async read(): Promise<LoadedGovernance> {
    const { dir, cache, asOf, revision, counter, onProgress } = this.options;
    const data = await openDataDir({
      source: 'governance',
      flag: '--governance',
      dir,
      ...(cache ? { cache } : {}),
      asOf,
      ...(revision ? { revision } : {}),
      counter,
    });
    onProgress?.(`reading governance ${PROJECTS_FILE}`);
    const files = await data.read([PROJECTS_FILE, ...LEGACY_FILES]);
    const projects = files.get(PROJECTS_FILE);
    if (projects === null || projects === undefined) {
      throw new Unavailable('governance', `${data.label} has no ${PROJECTS_FILE}`);
    }
    const legacyFile = LEGACY_FILES.find((file) => typeof files.get(file) === 'string');
    const legacyText = legacyFile ? files.get(legacyFile) : null;
    const texts = {
      projects,
      legacy: legacyFile && legacyText ? { file: legacyFile, text: legacyText } : null,
    };
    const reader = this.options.tables === undefined ? defaultTablesReader() : this.options.tables;
    const tables = await readTables(reader, { kind: 'governance', texts }, data);
    const about: GovernanceProjects = {
      ref: data.ref(PROJECTS_FILE),
      revision: revision ?? null,
      teams: tables.teams,
    };
    return { data, tables, about };
  }
}

/** The run's governance, parsed once for both kinds it provides. */
const governanceOf = perRun(({ options, counter }) => {
  const { asOf, onProgress, governanceRevision } = options;
  return new GovernanceSource({
    dir: options.governance,
    ...(options.gitCache ? { cache: options.gitCache } : {}),
    asOf,
    ...(governanceRevision ? { revision: governanceRevision } : {}),
    counter,
    onProgress,
  });
});

export const governanceSource: EvidenceSource<'governance'> = {
  id: 'governance',
  kind: 'governance',
  dependencies: [],
  scope: 'repository',
  subject: 'governance evidence',
  read: (repository, run) => governanceOf(run).facts(repository),
};

export const officialRepositoriesSource: EvidenceSource<'officialRepositories'> = {
  id: 'governance',
  kind: 'officialRepositories',
  dependencies: [],
  scope: 'run',
  subject: 'the official repositories',
  read: (_repository, run) => governanceOf(run).officialRepositories(),
};
