/** The governance and Gerrit facts official-project judges: their values, data and dates. */
import type {
  GerritProject,
  GovernanceDeliverable,
  RetiredDeliverable,
} from '../../evidence/types';
import { citeData } from '../../openstack/cite';
import { refText, refValue } from '../../openstack/evidence';
import type { Citation, EvidenceRecord } from '../../findings/finding';

/** A legacy.yaml entry with its `retired-on` date. */
export type DatedRetirement = RetiredDeliverable & { retiredOn: string };

export function ownerValue(owner: GovernanceDeliverable): EvidenceRecord {
  return {
    team: owner.team.name,
    deliverable: owner.name,
    releaseManagement: owner.releaseManagement,
    deprecated: owner.deprecated,
    ref: refValue(owner.ref),
    teamRef: refValue(owner.team.ref),
  };
}

export function retiredValue(retired: RetiredDeliverable): EvidenceRecord {
  return {
    team: retired.team,
    deliverable: retired.deliverable,
    retiredOn: retired.retiredOn,
    ref: refValue(retired.ref),
  };
}

export function gerritValue(gerrit: GerritProject): EvidenceRecord {
  return { acl: gerrit.acl, description: gerrit.description, ref: refValue(gerrit.ref) };
}

/** Message data naming a deliverable and its team. */
export function ownerData(owner: GovernanceDeliverable) {
  return { deliverable: owner.name, team: owner.team.name, ref: refText(owner.ref) };
}

/** Message data naming a legacy.yaml entry (its date, when it has one). */
export function retiredData(retired: RetiredDeliverable) {
  const named = { deliverable: retired.deliverable, team: retired.team };
  const ref = refText(retired.ref);
  return retired.retiredOn === null
    ? { ...named, ref }
    : { ...named, retiredOn: retired.retiredOn, ref };
}

/** A legacy.yaml entry counts once its `retired-on` date has come (undated: retired). */
export function retiredBy(
  retired: RetiredDeliverable | null,
  asOf: string,
): RetiredDeliverable | null {
  if (!retired) return null;
  return retired.retiredOn === null || retired.retiredOn <= asOf ? retired : null;
}

/** A legacy.yaml entry dated after the evaluated date: the repository was still official then. */
export function retiredAfter(
  retired: RetiredDeliverable | null,
  asOf: string,
): DatedRetirement | null {
  if (!retired || retired.retiredOn === null || retired.retiredOn <= asOf) return null;
  return { ...retired, retiredOn: retired.retiredOn };
}

export function sameTeam(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `deliverable sushy (team ironic)` at its line of projects.yaml. */
export function citeOwner(owner: GovernanceDeliverable): Citation {
  return citeData(owner.ref, `deliverable ${owner.name} (team ${owner.team.name})`);
}

/** The legacy.yaml entry: `retired deliverable x (team y), retired-on 2024-01-01`. */
export function citeRetired(retired: RetiredDeliverable): Citation {
  const when = retired.retiredOn === null ? 'undated' : `retired-on ${retired.retiredOn}`;
  return citeData(
    retired.ref,
    `retired deliverable ${retired.deliverable} (team ${retired.team}), ${when}`,
  );
}

export function citeGerrit(gerrit: GerritProject): Citation {
  return citeData(gerrit.ref, `Gerrit ACL ${gerrit.acl ?? 'none'}`);
}
