import { stringify } from 'yaml';
import type { GovernanceFacts, ReleasesFacts } from '../evidence/types';
import type { DeclaredFields, ListFormat } from '../list/model';

/** The file name the draft is judged under: its extension tells the list format. */
export const DRAFT_FILES: Record<ListFormat, string> = {
  native: 'proposed-entry.yaml',
  rst: 'proposed-entry.rst',
  governance: 'proposed-projects.yaml',
};

const MANAGED_TAG = 'vulnerability:managed';

/**
 * A value the draft wrote itself, from no source: the checklist never counts a clause as met
 * on it, since the proposer has not said it yet.
 */
export interface DraftedValue {
  field: string;
  value: string;
  /** The rule that would otherwise be met on it. */
  rule: string;
  /** What the proposer must confirm. */
  confirm: string;
}

export interface Draft {
  format: ListFormat;
  /** The file the draft is judged as (a list holding the entry alone). */
  file: string;
  /** The list text holding the entry alone, in the list's own format. */
  text: string;
  /** What to do with the text, for the format (where it goes). */
  hint: string;
  drafted: DraftedValue[];
}

export interface DraftFacts {
  governance: GovernanceFacts | null;
  releases: ReleasesFacts | null;
}

/** The entry for `repository` in the list's own format, filled in from what the sources say. */
export function draftFor(format: ListFormat, repository: string, facts: DraftFacts): Draft {
  if (format === 'rst') return rstDraft(repository);
  if (format === 'governance' && facts.governance?.owner) return governanceDraft(repository, facts);
  const draft = nativeDraft(repository, facts);
  if (format !== 'governance') return draft;
  // No official deliverable holds it: there is nothing to tag yet.
  return {
    ...draft,
    format,
    hint:
      `${repository} is in no deliverable of an official team in reference/projects.yaml, so ` +
      `there is no deliverable to tag ${MANAGED_TAG}: first add it to one of its team's ` +
      'deliverables (a governance change). Judged as this native entry meanwhile',
  };
}

/**
 * A native list entry: the owning team, the Launchpad project from the releases data, the
 * security liaison (else the PTL), all from the sources; and the policy's 90-day embargo, which
 * no source says and is therefore a drafted value to confirm. What no source says and has no
 * default (the tracker's security group) is left out, so the checklist shows it as missing.
 */
export function draftEntry(
  repository: string,
  { governance, releases }: DraftFacts,
): DeclaredFields & { name: string } {
  const owner = governance?.owner ?? null;
  const launchpad = [...(releases?.files ?? [])].reverse().find((f) => f.launchpad)?.launchpad;
  const liaison = owner?.team.securityLiaisons[0] ?? owner?.team.ptl ?? null;
  return {
    name: repository,
    ...(owner ? { team: owner.team.name } : {}),
    ...(launchpad ? { tracker: { launchpad } } : {}),
    'embargo-days': POLICY_EMBARGO_DAYS,
    ...(liaison?.email ? { liaison: { name: liaison.name ?? '', email: liaison.email } } : {}),
  };
}

const POLICY_EMBARGO_DAYS = 90;

function nativeDraft(repository: string, facts: DraftFacts): Draft {
  return {
    format: 'native',
    file: DRAFT_FILES.native,
    text: stringify({ repositories: [draftEntry(repository, facts)] }, { indent: 2 }),
    hint: 'paste the entry under `repositories:`, in sorted order',
    drafted: [
      {
        field: 'embargo-days',
        value: String(POLICY_EMBARGO_DAYS),
        rule: 'embargo',
        confirm:
          `embargo-days ${POLICY_EMBARGO_DAYS} is the draft's own value (the policy's maximum), ` +
          "not the team's: confirm the embargo the team keeps, or drop the field",
      },
    ],
  };
}

/** The VMT page's bullet: a link to the repository on opendev.org. */
function rstDraft(repository: string): Draft {
  return {
    format: 'rst',
    file: DRAFT_FILES.rst,
    text: `* \`${repository} <https://opendev.org/${repository}>\`_\n`,
    hint: 'add the bullet to the list, in sorted order',
    drafted: [],
  };
}

/** The owning deliverable of projects.yaml, tagged: every one of its repositories is listed. */
function governanceDraft(repository: string, { governance }: DraftFacts): Draft {
  const owner = governance!.owner!;
  const others = owner.repos.filter((name) => name !== repository);
  const text = stringify(
    {
      [owner.team.name]: {
        deliverables: { [owner.name]: { repos: owner.repos, tags: [MANAGED_TAG] } },
      },
    },
    { indent: 2 },
  );
  return {
    format: 'governance',
    file: DRAFT_FILES.governance,
    text,
    hint:
      `in reference/projects.yaml, add ${MANAGED_TAG} to the tags of deliverable ` +
      `${owner.name} of team ${owner.team.name}` +
      (others.length > 0
        ? `; this puts its other repositories on the list too: ${others.join(', ')}`
        : ''),
    drafted: [],
  };
}
