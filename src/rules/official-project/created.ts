/**
 * A governance-format list lives in openstack/governance and is judged against governance at
 * the change's base, so that a change cannot make a repository official and tag it in one go.
 * A change that creates the deliverable (or adds the repository to one) and tags it is therefore
 * "not official at base" by design: said as a warning when its team is official at base, so that
 * the real blocker is the error a reviewer reads; an error when the team is new too.
 */
import type { GovernanceProjects } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import type { RuleReport } from '../define';
import type { RepositoryChange, RunSettings } from '../types';
import { sameTeam } from './facts';
import type { MessageId } from './messages';

/** A tagged deliverable of the change, not official in governance read at the base. */
export interface CreatedByChange {
  team: string;
  deliverable: string;
  projects: GovernanceProjects & { revision: string };
  /** The team's key at base, when it is official there. */
  baseTeam: string | null;
  /** Whether the deliverable itself exists at base (the change adds the repository to it). */
  deliverableAtBase: boolean;
}

export function createdByChange(
  change: RepositoryChange,
  settings: RunSettings,
  projects: GovernanceProjects | undefined,
): CreatedByChange | null {
  const owner = change.entry.governance;
  if (settings.format !== 'governance' || change.kind !== 'added' || !owner) return null;
  if (!projects || projects.revision === null) return null;
  const baseTeam = [...projects.teams.keys()].find((key) => sameTeam(key, owner.team)) ?? null;
  const deliverables = baseTeam === null ? [] : (projects.teams.get(baseTeam) ?? []);
  return {
    ...owner,
    projects: { ...projects, revision: projects.revision },
    baseTeam,
    deliverableAtBase: deliverables.includes(owner.deliverable),
  };
}

export function createdReport(
  change: RepositoryChange,
  created: CreatedByChange,
): RuleReport<MessageId> {
  const { team, deliverable, projects, baseTeam, deliverableAtBase } = created;
  const data = { team, deliverable, ref: baseText(projects) };
  const cite = {
    createdByChange: true,
    team,
    deliverable,
    teamOfficialAtBase: baseTeam !== null,
    deliverableAtBase,
    base: projects.revision,
  };
  const citations = createdCitations(change, created);
  if (baseTeam === null) {
    return { messageId: 'newTeamAtBase', data, severity: 'error', cite, citations };
  }
  const messageId = deliverableAtBase ? 'addedToDeliverableAtBase' : 'createdAtBase';
  return { messageId, data, severity: 'warning', cite, citations };
}

function createdCitations(change: RepositoryChange, created: CreatedByChange): Citation[] {
  const { team, deliverable, projects, baseTeam, deliverableAtBase } = created;
  const { location } = change.entry;
  const at = {
    source: 'governance' as const,
    file: projects.ref.file,
    ...(projects.ref.commit ? { commit: projects.ref.commit } : {}),
  };
  const atBase =
    baseTeam === null
      ? `no team ${team} at base`
      : deliverableAtBase
        ? `deliverable ${deliverable} (team ${baseTeam}) at base, without ${change.repository}`
        : `team ${baseTeam} at base, without deliverable ${deliverable}`;
  return [
    {
      source: 'list',
      text: `deliverable ${deliverable} (team ${team}) tagged vulnerability:managed by the change`,
      file: location.file,
      line: location.line,
    },
    { ...at, text: atBase },
  ];
}

/** `reference/projects.yaml at commit 1a2b3c4d5e`. */
function baseText(projects: CreatedByChange['projects']): string {
  const commit = projects.ref.commit ?? projects.revision;
  return `${projects.ref.file} at commit ${commit.slice(0, 10)}`;
}
