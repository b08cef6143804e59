import type { Node } from 'yaml';
import type { GovernanceDeliverable, GovernanceTeam } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { Unavailable } from '../unavailable';
import { entries, entry, get, items, kindOf, text } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';
import { readPeople, readPerson } from './people';

export const PROJECTS_FILE = 'reference/projects.yaml';

/** Where projects.yaml lists a repository. */
export interface OwnerEntry {
  team: string;
  teamNode: Node | null;
  teamLine: number | undefined;
  deliverable: string;
  deliverableNode: Node | null;
  repoLine: number | undefined;
}

/** Index of projects.yaml: repository → the team and deliverable listing it (first wins). */
export function indexProjects(doc: YamlDocument, data: DataDir): Map<string, OwnerEntry> {
  if (kindOf(doc, doc.root) !== 'mapping') {
    throw layoutUnknown(data, 'is not a mapping of teams');
  }
  const index = new Map<string, OwnerEntry>();
  for (const team of entries(doc, doc.root, 'teams')) {
    const deliverables = entry(doc, team.value, 'deliverables', team.key);
    if (!deliverables && entry(doc, team.value, 'projects', team.key)) {
      throw layoutUnknown(data, 'lists team projects instead of deliverables (before 2015-07)');
    }
    const what = `${team.key}.deliverables`;
    for (const deliverable of entries(doc, deliverables?.value ?? null, what)) {
      const repos = get(doc, deliverable.value, 'repos', `${what}.${deliverable.key}`);
      for (const repoNode of items(doc, repos, `${what}.${deliverable.key}.repos`)) {
        const repo = text(doc, repoNode, `${what}.${deliverable.key}.repos`);
        if (repo === null || index.has(repo)) continue;
        index.set(repo, {
          team: team.key,
          teamNode: team.value,
          teamLine: team.line,
          deliverable: deliverable.key,
          deliverableNode: deliverable.value,
          repoLine: doc.line(repoNode),
        });
      }
    }
  }
  return index;
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
  const repos = items(doc, get(doc, node, 'repos', what), `${what}.repos`);
  return {
    name: owner.deliverable,
    team,
    repos: repos.flatMap((repo) => text(doc, repo, `${what}.repos`) ?? []),
    releaseManagement: management,
    deprecated: text(doc, get(doc, node, 'deprecated', what), `${what}.deprecated`),
    ref: data.ref(PROJECTS_FILE, owner.repoLine),
  };
}

function isReleaseManagement(value: string): value is ReleaseManagement {
  return (RELEASE_MANAGEMENT as readonly string[]).includes(value);
}
