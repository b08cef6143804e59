import type { CoreReviewerFacts, LaunchpadFacts, LaunchpadTeam } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import type { Judgment } from '../define';

const ADMINS = 'openstack-admins';
/** Clause 5: teams with more than five core reviewers should settle on a security subset. */
export const MAX_CORES_WITHOUT_SUBSET = 5;

export const serviceMessages = {
  teamOpen:
    'Launchpad team ~{{team}} is an open team: anyone can join the group that sees private ' +
    'security reports. Make it moderated or restricted.',
  teamOwner:
    'Launchpad team ~{{team}} is owned by {{owner}}, not ~openstack-admins, as the 2025 TC ' +
    'resolution requires.',
  teamFound:
    'Security group: Launchpad team ~{{team}} ({{policy}}, owner {{owner}}, {{size}} members).',
  teamPolicyUnknown:
    'Launchpad does not show the membership policy of team ~{{team}} (owner {{owner}}, {{size}} ' +
    'members): whether anyone can join the group that sees private security reports cannot be ' +
    'verified. Check that it is moderated or restricted.',
  teamMissing:
    "Launchpad has no team ~{{team}} (the declared tracker.security-group; '{{team}}' is a " +
    'person): create the team or declare the one that exists.',
  manyCores:
    'The core reviewers ({{groups}}) are {{count}} people, more than five, and no security ' +
    'team ~{{team}} could be found on Launchpad: the team should settle on a subset of security ' +
    'core reviewers in a tracker group (clause 5).',
  notCore:
    'Members of ~{{team}} who are not core reviewers by the same username: {{names}} (a ' +
    'heuristic: Launchpad and Gerrit accounts are not linked, so check by hand; at least a ' +
    'majority are expected to be core reviewers).',
} satisfies Record<string, string>;

export type ServiceMessage = keyof typeof serviceMessages;

export type ServiceJudgment = Judgment<ServiceMessage>;

function teamCitation(team: LaunchpadTeam, url: string): Citation {
  return {
    source: 'launchpad',
    text:
      `team ${team.name}: ${team.membershipPolicy ?? 'membership policy unknown'}, owner ` +
      `${team.owner ? `~${team.owner}` : 'unknown'}, ${team.size ?? '?'} members`,
    url,
  };
}

/** The security team on Launchpad, when it answered. */
function judgeTeam(facts: LaunchpadFacts): ServiceJudgment[] {
  const { team, teamName } = facts;
  if (!team || !teamName) return [];
  if (team.state === 'absent') {
    if (teamName.from !== 'declared') return [];
    const citations: Citation[] = [
      { source: 'launchpad', text: `~${teamName.name} is not a team`, url: team.url },
    ];
    const data = { team: teamName.name };
    return [{ messageId: 'teamMissing', data, severity: 'error', cite: { team: data }, citations }];
  }
  if (team.state === 'unknown') return [];
  const value = team.value;
  const citations = [teamCitation(value, team.url)];
  const cite = { team: { name: value.name, url: team.url } };
  const owner = value.owner ? `~${value.owner}` : 'an owner Launchpad does not show';
  if (value.membershipPolicy === 'Open Team') {
    return [
      { messageId: 'teamOpen', data: { team: value.name }, severity: 'error', cite, citations },
    ];
  }
  const judgments: ServiceJudgment[] = [];
  if (value.owner !== null && value.owner !== ADMINS) {
    judgments.push({
      messageId: 'teamOwner',
      data: { team: value.name, owner },
      severity: 'warning',
      cite,
      citations,
    });
  }
  const size = value.size === null ? 'an unknown number of' : String(value.size);
  // An open team is an error, so a policy Launchpad withholds cannot be a mere note.
  judgments.push(
    value.membershipPolicy === null
      ? {
          messageId: 'teamPolicyUnknown',
          data: { team: value.name, owner, size },
          severity: 'warning',
          cite,
          citations,
        }
      : {
          messageId: 'teamFound',
          data: { team: value.name, policy: value.membershipPolicy, owner, size },
          severity: 'info',
          cite,
          citations,
        },
  );
  return judgments;
}

/** Core reviewers as far as Gerrit showed them: usernames (or names) of every readable group. */
function coreAccounts(core: CoreReviewerFacts) {
  const seen = new Map<number, { username?: string; name?: string }>();
  for (const lookup of core.members) {
    if (lookup.state !== 'found') continue;
    for (const m of lookup.value.members) seen.set(m.accountId, m);
  }
  return [...seen.values()];
}

function judgeCores(facts: LaunchpadFacts | undefined, core: CoreReviewerFacts): ServiceJudgment[] {
  const accounts = coreAccounts(core);
  const found = core.members.filter((m) => m.state === 'found');
  if (found.length === 0) return [];
  const citations: Citation[] = found.map((m) => ({
    source: 'gerrit',
    text: `group ${m.state === 'found' ? m.value.group : ''}: ${m.state === 'found' ? m.value.members.length : 0} members`,
    ...(m.state === 'found' ? { url: m.url } : {}),
  }));
  citations.unshift(
    ...core.aclFiles.map((ref) => ({
      source: 'project-config' as const,
      text: `ACL ${ref.file}`,
      file: ref.file,
      ...(ref.commit ? { commit: ref.commit } : {}),
    })),
  );
  const team = facts?.team;
  const groups = found.map((m) => (m.state === 'found' ? m.value.group : '')).join(', ');
  const cite = { coreGroups: core.groups, coreReviewers: accounts.length };
  if (team?.state === 'found') {
    const usernames = new Set(accounts.map((a) => a.username?.toLowerCase()).filter(Boolean));
    const outside = team.value.members.filter((m) => !usernames.has(m.name.toLowerCase()));
    if (outside.length === 0) return [];
    return [
      {
        messageId: 'notCore',
        data: { team: team.value.name, names: outside.map((m) => m.name).join(', ') },
        severity: 'info',
        cite,
        citations: [...citations, teamCitation(team.value, team.url)],
      },
    ];
  }
  if (accounts.length <= MAX_CORES_WITHOUT_SUBSET || !facts?.teamName) return [];
  // Only a team Launchpad says is missing, or a 404 it cannot tell from a private team.
  return [
    {
      messageId: 'manyCores',
      data: { groups, count: String(accounts.length), team: facts.teamName.name },
      severity: 'warning',
      cite,
      citations,
    },
  ];
}

/** What Launchpad and Gerrit say of the security group and the core reviewers. */
export function judgeServices(
  launchpad: LaunchpadFacts | undefined,
  core: CoreReviewerFacts | undefined,
): ServiceJudgment[] {
  return [...(launchpad ? judgeTeam(launchpad) : []), ...(core ? judgeCores(launchpad, core) : [])];
}
