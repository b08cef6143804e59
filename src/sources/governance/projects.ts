import type { Node } from 'yaml';
import type { GovernanceDeliverable, GovernanceTeam } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { Unavailable } from '../unavailable';
import { entries, entry, get, items, kindOf, text, type MapEntry } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';
import { readPeople, readPerson } from './people';
import type { UnreadableEntry } from './unreadable';

export const PROJECTS_FILE = 'reference/projects.yaml';

/** Where projects.yaml lists a repository. */
export interface OwnerEntry {
  team: string;
  teamNode: Node | null;
  teamLine: number | undefined;
  /** The deliverable; before 2015-07-28, the project repository's own name (see below). */
  deliverable: string;
  deliverableNode: Node | null;
  /** The repository this entry is for, listed at `repoLine`. */
  repo: string;
  repoLine: number | undefined;
  /** Every repository of the deliverable, in file order. */
  repos: string[];
}

/** projects.yaml indexed: who lists each repository, and the entries that cannot be read. */
export interface ProjectsIndex {
  /** Repository → the team and deliverable listing it (first wins). */
  owners: Map<string, OwnerEntry>;
  /** Team → the names of its deliverables (projects before 2015-07-28), unreadable teams too. */
  teams: Map<string, string[]>;
  unreadable: UnreadableEntry[];
}

/**
 * Indexes projects.yaml in both layouts it has had: `deliverables: {name: {repos: [...]}}` since
 * 2015-07-28, and before it `projects: [{repo, tags: [{name}]}]`, where each project repository
 * stands alone and is indexed as a deliverable of its own name (`openstack/nova` → `nova`, the
 * name the deliverables layout then gave most of them). A `repos:` holding one name instead of a
 * list is read as that repository, as upstream's tools (`repo in deliverable['repos']`) find it.
 * Any other shape error is confined to the team, deliverable or project it is in.
 */
export function indexProjects(doc: YamlDocument, data: DataDir): ProjectsIndex {
  if (kindOf(doc, doc.root) !== 'mapping') {
    throw layoutUnknown(data, 'is not a mapping of teams');
  }
  const index: ProjectsIndex = { owners: new Map(), teams: new Map(), unreadable: [] };
  for (const team of entries(doc, doc.root, 'teams')) {
    const found: OwnerEntry[] = [];
    const deliverables = new Set<string>();
    confined(index, { what: team.key, line: team.line, node: team.value }, () => {
      for (const unit of teamUnits(doc, team)) {
        confined(index, unit, () => {
          const read = unit.read();
          deliverables.add(read.deliverable);
          found.push(...read.owners);
        });
      }
    });
    index.teams.set(team.key, [...deliverables]);
    for (const owner of found) {
      if (!index.owners.has(owner.repo)) index.owners.set(owner.repo, owner);
    }
  }
  return index;
}

interface TeamUnit {
  what: string;
  line: number | undefined;
  node: Node | null;
  read: () => { deliverable: string; owners: OwnerEntry[] };
}

/** Runs `read`; a shape error in it makes `entry` unreadable instead of the whole file. */
function confined(
  index: ProjectsIndex,
  entry: Omit<UnreadableEntry, 'detail'>,
  read: () => void,
): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof YamlShapeError)) throw error;
    const detail = error.message.startsWith(`${error.file} `)
      ? error.message.slice(error.file.length + 1)
      : error.message;
    index.unreadable.push({ ...entry, detail });
  }
}

/** A team's deliverables, or its projects in the layout before 2015-07-28. */
function teamUnits(doc: YamlDocument, team: MapEntry): TeamUnit[] {
  if (kindOf(doc, team.value) !== 'null' && kindOf(doc, team.value) !== 'mapping') {
    throw new YamlShapeError(doc.file, team.line, `team ${team.key}: expected a mapping`);
  }
  const deliverables = entry(doc, team.value, 'deliverables', team.key);
  const projects = entry(doc, team.value, 'projects', team.key);
  if (!deliverables && projects) return projectUnits(doc, team, projects);
  const what = `${team.key}.deliverables`;
  return entries(doc, deliverables?.value ?? null, what).map((deliverable) => ({
    what: `${what}.${deliverable.key}`,
    line: deliverable.line,
    node: deliverable.value,
    read: () => {
      const name = `${what}.${deliverable.key}`;
      const repos = repoNames(doc, get(doc, deliverable.value, 'repos', name), `${name}.repos`);
      const names = repos.map((repo) => repo.name);
      return {
        deliverable: deliverable.key,
        owners: repos.map((repo) => ({
          ...teamOf(team),
          deliverable: deliverable.key,
          deliverableNode: deliverable.value,
          repo: repo.name,
          repoLine: doc.line(repo.node),
          repos: names,
        })),
      };
    },
  }));
}

function projectUnits(doc: YamlDocument, team: MapEntry, projects: MapEntry): TeamUnit[] {
  const what = `${team.key}.projects`;
  return items(doc, projects.value, what).map((project, i) => ({
    what: `${what}[${i}]`,
    line: doc.line(project),
    node: project,
    read: () => {
      const repoNode = get(doc, project, 'repo', `${what}[${i}]`);
      const repo = text(doc, repoNode, `${what}[${i}].repo`);
      if (repo === null) {
        throw new YamlShapeError(doc.file, doc.line(project), `${what}[${i}] has no repo`);
      }
      const deliverable = repo.slice(repo.lastIndexOf('/') + 1);
      const owner: OwnerEntry = {
        ...teamOf(team),
        deliverable,
        deliverableNode: project,
        repo,
        repoLine: doc.line(repoNode),
        repos: [repo],
      };
      return { deliverable, owners: [owner] };
    },
  }));
}

function teamOf(team: MapEntry): Pick<OwnerEntry, 'team' | 'teamNode' | 'teamLine'> {
  return { team: team.key, teamNode: team.value, teamLine: team.line };
}

/** `repos:` as a list of names, or one name; a null item lists nothing. */
function repoNames(
  doc: YamlDocument,
  node: Node | null,
  what: string,
): { name: string; node: Node | null }[] {
  const list = kindOf(doc, node) === 'scalar' ? [node] : items(doc, node, what);
  return list.flatMap((item) => {
    const name = text(doc, item, what);
    return name === null ? [] : [{ name, node: item }];
  });
}

function layoutUnknown(data: DataDir, what: string): Unavailable {
  return new Unavailable(
    'governance',
    `${data.label}: ${PROJECTS_FILE} ${what}, a layout this reader does not know`,
  );
}

/** A team's leadership: `leadership_type` is absent before 2020 (every team had a PTL then). */
export function readTeam(doc: YamlDocument, owner: OwnerEntry, data: DataDir): GovernanceTeam {
  const node = owner.teamNode;
  const type = text(doc, get(doc, node, 'leadership_type', owner.team), 'leadership_type');
  if (type !== null && type !== 'ptl' && type !== 'distributed') {
    const line = doc.line(get(doc, node, 'leadership_type', owner.team));
    throw new YamlShapeError(
      doc.file,
      line,
      `team ${owner.team} has leadership_type '${type}', which this reader does not know`,
    );
  }
  const liaisons = get(doc, node, 'liaisons', owner.team);
  return {
    name: owner.team,
    leadershipType: type ?? 'ptl',
    ptl: readPerson(doc, get(doc, node, 'ptl', owner.team), `${owner.team}.ptl`),
    securityLiaisons: readPeople(
      doc,
      get(doc, liaisons, 'security', `${owner.team}.liaisons`),
      `${owner.team}.liaisons.security`,
    ),
    ref: data.ref(PROJECTS_FILE, owner.teamLine),
  };
}

const RELEASE_MANAGEMENT = ['none', 'deprecated', 'external'] as const;
type ReleaseManagement = (typeof RELEASE_MANAGEMENT)[number];

export function readDeliverable(
  doc: YamlDocument,
  owner: OwnerEntry,
  team: GovernanceTeam,
  data: DataDir,
): GovernanceDeliverable {
  const node = owner.deliverableNode;
  const what = `${owner.team}.deliverables.${owner.deliverable}`;
  const managementNode = get(doc, node, 'release-management', what);
  const management = text(doc, managementNode, `${what}.release-management`);
  if (management !== null && !isReleaseManagement(management)) {
    throw new YamlShapeError(
      doc.file,
      doc.line(managementNode),
      `${what} has release-management '${management}', which this reader does not know`,
    );
  }
  return {
    name: owner.deliverable,
    team,
    repos: [...owner.repos],
    releaseManagement: management,
    deprecated: text(doc, get(doc, node, 'deprecated', what), `${what}.deprecated`),
    ref: data.ref(PROJECTS_FILE, owner.repoLine),
  };
}

function isReleaseManagement(value: string): value is ReleaseManagement {
  return (RELEASE_MANAGEMENT as readonly string[]).includes(value);
}
