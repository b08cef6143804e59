import type {
  GovernanceDeliverable,
  GovernanceTeam,
  RetiredDeliverable,
} from '../../evidence/types';
import type { DataLabel } from '../data-dir';
import { readRows, type Read } from '../tables';
import { YamlDocument } from '../yaml/document';
import { indexLegacy } from './legacy';
import { indexProjects, PROJECTS_FILE, readDeliverable, readTeam } from './projects';
import { namesIn, unreadableText } from './unreadable';

/** The governance files a run reads, as texts. */
export interface GovernanceTexts {
  projects: string;
  /** The legacy file there is (legacy.yaml, or retired-projects.yaml before it), if any. */
  legacy: { file: string; text: string } | null;
}

/** Where projects.yaml lists a repository, and its deliverable as read there. */
export interface OwnerRow {
  team: string;
  deliverable: string;
  repoLine: number | undefined;
  read: Read<GovernanceDeliverable>;
}

/** An entry of projects.yaml that cannot be read, and the names it may list. */
export interface UnreadableRow {
  text: string;
  line: number | undefined;
  names: Set<string>;
}

/**
 * governance read whole into plain data: every repository an official deliverable lists (first
 * listing wins, in file order) with its deliverable, each unreadable entry, each retirement.
 * Plain so that it can be read on the parsing thread and sent here.
 */
export interface GovernanceTables {
  owners: Map<string, OwnerRow>;
  /** Team → the names of its deliverables (projects before 2015-07-28), unreadable teams too. */
  teams: Map<string, string[]>;
  unreadable: UnreadableRow[];
  retired: Map<string, RetiredDeliverable>;
}

/**
 * Reads the files; throws what the file as a whole makes unreadable (YamlShapeError,
 * Unavailable). A deliverable or a team that cannot be read is confined to its repositories.
 */
export function governanceTables(texts: GovernanceTexts, data: DataLabel): GovernanceTables {
  const projects = YamlDocument.parse(PROJECTS_FILE, texts.projects);
  const retired = texts.legacy
    ? indexLegacy(YamlDocument.parse(texts.legacy.file, texts.legacy.text), data)
    : new Map<string, RetiredDeliverable>();
  const index = indexProjects(projects, data);
  const teams = new Map<string, GovernanceTeam>();
  const reads = readRows(index.owners, (owner) => {
    let team = teams.get(owner.team);
    if (!team) {
      team = readTeam(projects, owner, data);
      teams.set(owner.team, team);
    }
    return readDeliverable(projects, owner, team, data);
  });
  const owners = new Map<string, OwnerRow>();
  for (const [name, { team, deliverable, repoLine }] of index.owners) {
    owners.set(name, { team, deliverable, repoLine, read: reads.get(name)! });
  }
  return {
    owners,
    teams: index.teams,
    unreadable: index.unreadable.map((entry) => ({
      text: unreadableText(entry),
      line: entry.line,
      names: namesIn(projects, entry),
    })),
    retired,
  };
}
