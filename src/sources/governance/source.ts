import type {
  GovernanceDeliverable,
  GovernanceFacts,
  GovernanceProjects,
  GovernanceTeam,
  OfficialRepositories,
  RetiredDeliverable,
} from '../../evidence/types';
import { openDataDir, type DataDir } from '../data-dir';
import type { GitCache } from '../../git/cache/store';
import type { GitCallCounter } from '../../git/run';
import { perRun, type EvidenceSource } from '../source';
import { Unavailable } from '../unavailable';
import { YamlDocument } from '../yaml/document';
import { readShaped } from '../yaml/shape';
import { indexLegacy, LEGACY_FILES } from './legacy';
import {
  indexProjects,
  PROJECTS_FILE,
  readDeliverable,
  readTeam,
  type OwnerEntry,
  type ProjectsIndex,
} from './projects';
import { mayList, unreadableText } from './unreadable';

interface LoadedGovernance {
  data: DataDir;
  projects: YamlDocument;
  index: ProjectsIndex;
  about: GovernanceProjects;
  retired: Map<string, RetiredDeliverable>;
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
}

/** Reads governance once per run and answers per repository. */
export class GovernanceSource {
  private loaded: Promise<LoadedGovernance> | undefined;
  private readonly teams = new Map<string, GovernanceTeam>();

  constructor(private readonly options: GovernanceSourceOptions) {}

  async facts(repository: string): Promise<GovernanceFacts> {
    const governance = await this.load();
    const { data, projects, index } = governance;
    const unreadable = index.unreadable.filter((entry) => mayList(projects, entry, repository));
    if (unreadable.length > 0) {
      throw new Unavailable(
        'governance',
        `${data.label}: ${PROJECTS_FILE} ${unreadable.map(unreadableText).join('; ')}; it may ` +
          `list ${repository}, so which official team lists the repository cannot be established`,
      );
    }
    const owner = index.owners.get(repository);
    return {
      owner: owner ? this.deliverable(governance, owner) : null,
      retired: governance.retired.get(repository) ?? null,
      projects: governance.about,
    };
  }

  /**
   * Every repository an official team's deliverable lists (first listing wins), in file order,
   * and each entry that cannot be read: one broken entry leaves the others readable.
   */
  async officialRepositories(): Promise<OfficialRepositories> {
    const { index, data } = await this.load();
    return {
      ref: data.ref(PROJECTS_FILE),
      repositories: [...index.owners].map(([name, owner]) => ({
        name,
        team: owner.team,
        deliverable: owner.deliverable,
        ref: data.ref(PROJECTS_FILE, owner.repoLine),
      })),
      unreadable: index.unreadable.map((entry) => ({
        text: unreadableText(entry),
        ref: data.ref(PROJECTS_FILE, entry.line),
      })),
    };
  }

  private deliverable(governance: LoadedGovernance, owner: OwnerEntry): GovernanceDeliverable {
    const { projects, data } = governance;
    return readShaped(data, () => {
      let team = this.teams.get(owner.team);
      if (!team) {
        team = readTeam(projects, owner, data);
        this.teams.set(owner.team, team);
      }
      return readDeliverable(projects, owner, team, data);
    });
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
    const projectsText = files.get(PROJECTS_FILE);
    if (projectsText === null || projectsText === undefined) {
      throw new Unavailable('governance', `${data.label} has no ${PROJECTS_FILE}`);
    }
    return readShaped(data, () => {
      const projects = YamlDocument.parse(PROJECTS_FILE, projectsText);
      const legacyFile = LEGACY_FILES.find((file) => typeof files.get(file) === 'string');
      const legacyText = legacyFile ? files.get(legacyFile) : null;
      const retired =
        legacyFile && legacyText
          ? indexLegacy(YamlDocument.parse(legacyFile, legacyText), data)
          : new Map<string, RetiredDeliverable>();
      const index = indexProjects(projects, data);
      const about: GovernanceProjects = {
        ref: data.ref(PROJECTS_FILE),
        revision: revision ?? null,
        teams: index.teams,
      };
      return { data, projects, index, about, retired };
    });
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
