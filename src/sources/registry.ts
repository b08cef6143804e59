/** The source registry: every source of evidence, one per kind, listed explicitly. */
import { coreReviewersSource } from './core-reviewers/source';
import { changeSource } from './gerrit-change';
import { governanceSource, officialRepositoriesSource } from './governance/source';
import { launchpadSource } from './launchpad/source';
import { projectConfigSource } from './project-config/source';
import { releasesSource } from './releases/source';
import { repositorySource } from './repository/source';
import type { SourceRegistry } from './source';

export const SOURCES: SourceRegistry = {
  governance: governanceSource,
  officialRepositories: officialRepositoriesSource,
  releases: releasesSource,
  projectConfig: projectConfigSource,
  repository: repositorySource,
  change: changeSource,
  launchpad: launchpadSource,
  coreReviewers: coreReviewersSource,
};
