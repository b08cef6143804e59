/** What private-tracker findings rest on: the declared tracker and the releases data's. */
import type { DeliverableFile, ReleasesFacts } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import type { TrackerDeclaration } from '../../list/model';
import { citeData } from '../../openstack/cite';
import { citeEntry, citeField } from '../evidence-values';
import type { RepositoryChange } from '../types';

/** `tracker: launchpad sushy, private-by-default true`, at the field's line. */
export function citeDeclaredTracker(
  change: RepositoryChange,
  declared: TrackerDeclaration,
): Citation {
  const parts = Object.entries(declared).map(([key, value]) => `${key} ${String(value)}`);
  const text = parts.length > 0 ? `tracker: ${parts.join(', ')}` : 'tracker: empty';
  return citeField(change, 'tracker', text);
}

/** The entry, read and found without a tracker. */
export function citeNoTracker(change: RepositoryChange): Citation {
  return citeEntry(change, `entry ${change.repository}, no tracker`);
}

/**
 * The tracker the releases data names (its deliverable file), or what was read and found
 * without one; nothing when the releases data was not read.
 */
export function citeReleasesTracker(
  repository: string,
  releases: ReleasesFacts | undefined,
  known: DeliverableFile | null,
): Citation[] {
  if (known) return [citeData(known.ref, `launchpad: ${known.launchpad ?? ''}`)];
  if (!releases) return [];
  const newest = releases.files.at(-1);
  if (newest) return [citeData(newest.ref, 'no launchpad project')];
  const deliverable = releases.deliverable === null ? '' : ` (deliverable ${releases.deliverable})`;
  return [{ source: 'releases', text: `no deliverable file lists ${repository}${deliverable}` }];
}
