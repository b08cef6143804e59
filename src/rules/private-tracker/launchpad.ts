import type { LaunchpadFacts, LaunchpadProject, Lookup } from '../../evidence/types';
import type { Citation, EvidenceRecord } from '../../findings/finding';
import type { Judgment } from '../define';

/** The owner the 2025 TC resolution requires of every project's tracker. */
export const OPENSTACK_ADMINS = 'openstack-admins';

export const launchpadMessages = {
  trackerCannotTell:
    "Launchpad answers 404 for project '{{name}}' ({{from}}) to an anonymous reader: either it " +
    'does not exist, or it is a private (proprietary) project; which cannot be told. A VMT ' +
    'member must check that the tracker exists and keeps private security reports visible only ' +
    'to the VMT at first.',
  ownerNotAdmins:
    "Launchpad project '{{name}}' is owned by {{owner}}, not ~openstack-admins (OpenStack " +
    'Administrators), as the 2025 TC resolution requires of every project tracker.',
  grantUnknown:
    "Launchpad project '{{name}}' exists (owner {{owner}}, bug sharing policy {{policy}}); " +
    'unverifiable: {{reason}}, so a VMT member must check that Private Security reports are ' +
    'shared only with the VMT.',
  notGranted:
    "Launchpad project '{{name}}' does not share Private Security bugs with the VMT " +
    '(~openstack-vuln-mgmt): privately reported vulnerabilities must be visible to the VMT first.',
  granted:
    "Launchpad project '{{name}}' shares Private Security bugs with the VMT (~openstack-vuln-mgmt); " +
    'owner {{owner}}, bug sharing policy {{policy}}.',
} satisfies Record<string, string>;

export type LaunchpadMessage = keyof typeof launchpadMessages;

export type LaunchpadJudgment = Judgment<LaunchpadMessage>;

function cite(facts: LaunchpadFacts): EvidenceRecord {
  const lookup = (l: Lookup<unknown> | null): EvidenceRecord | null =>
    l === null
      ? null
      : l.state === 'unknown'
        ? { state: l.state, reason: l.reason }
        : { state: l.state, url: l.url };
  return {
    launchpadProject: facts.projectName ? { ...facts.projectName } : null,
    project: lookup(facts.project),
    vmtGrant: lookup(facts.vmtGrant),
  };
}

function projectCitation(project: LaunchpadProject, url: string): Citation {
  const owner = project.owner ? `~${project.owner}` : 'unknown';
  const policy = project.bugSharingPolicy ?? 'unknown';
  return {
    source: 'launchpad',
    text: `project ${project.name}: owner ${owner}, bug_sharing_policy ${policy}`,
    url,
  };
}

/**
 * What Launchpad says of the tracker, when it answered about the project (found or absent);
 * null when it could not (offline, an error): the rule then says it could not verify.
 */
export function judgeLaunchpad(facts: LaunchpadFacts | undefined): LaunchpadJudgment[] | null {
  const named = facts?.projectName;
  const project = facts?.project;
  if (!facts || !named || !project || project.state === 'unknown') return null;
  if (project.state === 'absent') {
    // A proprietary project answers 404 anonymously, exactly as a missing one: cannot tell.
    return [
      {
        messageId: 'trackerCannotTell',
        data: { name: named.name, from: named.from === 'declared' ? 'declared' : 'releases data' },
        severity: 'warning',
        cite: cite(facts),
        citations: [
          {
            source: 'launchpad',
            text: `project ${named.name}: 404 (missing or private)`,
            url: project.url,
          },
        ],
      },
    ];
  }
  const value = project.value;
  const data = {
    name: value.name,
    owner: value.owner ? `~${value.owner}` : 'an owner Launchpad does not show',
    policy: value.bugSharingPolicy ?? 'unknown',
  };
  const citations = [projectCitation(value, project.url)];
  const judgments: LaunchpadJudgment[] = [];
  if (value.owner !== null && value.owner !== OPENSTACK_ADMINS) {
    judgments.push({
      messageId: 'ownerNotAdmins',
      data: { name: data.name, owner: data.owner },
      severity: 'warning',
      cite: cite(facts),
      citations,
    });
  }
  const grant = facts.vmtGrant;
  if (grant?.state === 'found') {
    const granted = grant.value === 'granted';
    judgments.push({
      messageId: granted ? 'granted' : 'notGranted',
      data: granted ? data : { name: data.name },
      severity: granted ? 'info' : 'error',
      cite: cite(facts),
      citations: [
        ...citations,
        { source: 'launchpad', text: `VMT Private Security grant: ${grant.value}`, url: grant.url },
      ],
    });
  } else {
    const reason =
      grant?.state === 'unknown' ? grant.reason : "the VMT's Private Security grant was not read";
    judgments.push({
      messageId: 'grantUnknown',
      data: { ...data, reason },
      severity: 'warning',
      cite: cite(facts),
      citations,
    });
  }
  return judgments;
}
