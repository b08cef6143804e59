/**
 * Why the retired Gerrit ACL, which blocks, cannot be settled: the reasons official-project gives
 * for `evidence-unavailable` (kind `projectConfig`).
 */
import type { GerritProject } from '../../evidence/types';
import { refText } from '../../openstack/evidence';
import type { DatedRetirement } from './facts';

const CLAUSE = 'policy clause 2';

/** Without project-config the ACL is unchecked: never a pass. */
export function aclUncheckedReason(missing: string): string {
  return (
    `project-config is unavailable (${missing}), so whether project-config gerrit/projects.yaml ` +
    `gives the repository the retired ACL, which blocks, cannot be checked (${CLAUSE})`
  );
}

/**
 * A retired ACL seen in project-config that is not a git checkout (so possibly newer than the
 * date), for a repository governance retired only after the date: the ACL may postdate it.
 */
export function aclMayPostdateReason(gerrit: GerritProject, retired: DatedRetirement): string {
  return (
    `project-config gerrit/projects.yaml gives the repository the retired ACL ` +
    `(${gerrit.acl ?? ''}, ${refText(gerrit.ref)}), but governance retired it only on ` +
    `${retired.retiredOn}, after the evaluated date, and project-config is not a git ` +
    `checkout that can be read as of the date: whether the ACL was retired by then cannot be ` +
    `established. Pass a git checkout of openstack/project-config as --project-config (${CLAUSE})`
  );
}
