import { stringify } from 'yaml';
import type { GovernanceFacts, ReleasesFacts } from '../evidence/types';
import type { DeclaredFields } from '../list/model';

export const DRAFT_FILE = 'proposed-entry.yaml';

/**
 * A native list entry for `repository`, filled in from what the sources say: the owning team,
 * the Launchpad project from the releases data, the security liaison (else the PTL), and the
 * policy's 90-day embargo. What no source says (the tracker's security group) is left out, so
 * the checklist shows it as missing rather than a guess as met.
 */
export function draftEntry(
  repository: string,
  governance: GovernanceFacts | null,
  releases: ReleasesFacts | null,
): DeclaredFields & { name: string } {
  const owner = governance?.owner ?? null;
  const launchpad = [...(releases?.files ?? [])].reverse().find((f) => f.launchpad)?.launchpad;
  const liaison = owner?.team.securityLiaisons[0] ?? owner?.team.ptl ?? null;
  return {
    name: repository,
    ...(owner ? { team: owner.team.name } : {}),
    ...(launchpad ? { tracker: { launchpad } } : {}),
    'embargo-days': 90,
    ...(liaison?.email ? { liaison: { name: liaison.name ?? '', email: liaison.email } } : {}),
  };
}

/** The entry as a native list holding it alone, ready to paste under `repositories:`. */
export function draftListText(entry: DeclaredFields & { name: string }): string {
  return stringify({ repositories: [entry] }, { indent: 2 });
}
