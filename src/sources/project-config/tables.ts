import type { GerritProject, ZuulProjectStanza } from '../../evidence/types';
import type { DataLabel } from '../data-dir';
import { readRows, type Read } from '../tables';
import { YamlDocument } from '../yaml/document';
import { GERRIT_FILE, indexGerrit, readGerritProject } from './gerrit';
import { indexZuulProjects, readCentralStanza, ZUUL_PROJECTS_FILE } from './zuul-projects';

/** The project-config files a run reads, as texts; no Zuul projects file in the Zuul v2 era. */
export interface ProjectConfigTexts {
  gerrit: string;
  zuul: string | null;
}

/**
 * project-config read whole into plain data: each Gerrit project's entry (the last one wins) and
 * each repository's central Zuul stanzas merged, as read; plain, so that it can be read on the
 * parsing thread and sent here.
 */
export interface ProjectConfigTables {
  gerrit: Map<string, Read<GerritProject>>;
  /** Empty without a Zuul projects file (the v2 layout is read apart, see v2.ts). */
  zuul: Map<string, Read<ZuulProjectStanza | null>>;
}

/** Reads the files; throws what a file as a whole makes unreadable (YamlShapeError). */
export function projectConfigTables(
  texts: ProjectConfigTexts,
  data: DataLabel,
): ProjectConfigTables {
  const gerrit = YamlDocument.parse(GERRIT_FILE, texts.gerrit);
  const gerritRows = readRows(indexGerrit(gerrit), (node) => readGerritProject(gerrit, node, data));
  if (texts.zuul === null) return { gerrit: gerritRows, zuul: new Map() };
  const zuul = YamlDocument.parse(ZUUL_PROJECTS_FILE, texts.zuul);
  const zuulRows = readRows(indexZuulProjects(zuul), (stanzas) =>
    readCentralStanza(zuul, stanzas, data),
  );
  return { gerrit: gerritRows, zuul: zuulRows };
}
