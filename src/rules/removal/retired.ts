/** A deleted entry whose repository governance has retired: no team is left to cover it. */
import type { DataRef, GovernanceFacts, ProjectConfigFacts } from '../../evidence/types';
import type { Citation, EvidenceRecord } from '../../findings/finding';
import { citeData } from '../../openstack/cite';

/** The fact that the repository is retired on the date, and where it is recorded. */
export interface Retirement {
  /** In words: "deliverable ironic-lib of team ironic retired on 2025-03-10 (legacy.yaml)". */
  text: string;
  cite: EvidenceRecord;
  citation: Citation;
}

/**
 * Whether governance records the repository as retired on or before `asOf`: a legacy.yaml entry
 * with `retired-on` on or before the date while no official deliverable lists it any more
 * (being in legacy.yaml alone is not retirement: openstack/ossa is there and active), or the
 * retired ACL in project-config `gerrit/projects.yaml`. Null when neither says so, or when the
 * evidence that could say so is missing: a retirement is never assumed.
 */
export function retirementOf(
  governance: GovernanceFacts | undefined,
  projectConfig: ProjectConfigFacts | undefined,
  asOf: string,
): Retirement | null {
  const retired = governance?.retired;
  if (governance && governance.owner === null && retired?.retiredOn && retired.retiredOn <= asOf) {
    const what = `deliverable ${retired.deliverable} of team ${retired.team}`;
    return {
      text: `${what} retired on ${retired.retiredOn} (${retired.ref.file})`,
      cite: {
        retired: {
          team: retired.team,
          deliverable: retired.deliverable,
          retiredOn: retired.retiredOn,
          file: refText(retired.ref),
        },
      },
      citation: citationOf(`${what}, retired-on ${retired.retiredOn}`, retired.ref),
    };
  }
  const gerrit = projectConfig?.gerrit;
  if (gerrit?.retired) {
    const acl = gerrit.acl ?? 'retired.config';
    return {
      text: `its Gerrit project has the retired ACL (${gerrit.ref.file})`,
      cite: { retired: { acl, file: refText(gerrit.ref) } },
      citation: citationOf(`Gerrit ACL ${acl}`, gerrit.ref),
    };
  }
  return null;
}

function refText(ref: DataRef): string {
  return ref.line !== undefined ? `${ref.file}:${ref.line}` : ref.file;
}

/** The fact where it is recorded, with its opendev.org URL when the commit is known. */
function citationOf(text: string, ref: DataRef): Citation {
  return citeData(ref, text);
}
