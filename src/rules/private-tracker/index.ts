import type { DeliverableFile, ReleasesFacts } from '../../evidence/types';
import { refText, refValue } from '../../openstack/evidence';
import { declaredValue, onField } from '../evidence-values';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryRule, RuleResult } from '../types';

const CLAUSE = 'policy clause 4';
const UNREADABLE =
  "Launchpad's sharing policy (private security bugs visible only to the VMT) cannot be read " +
  'from the data: a VMT member must check it by hand';

/** The newest deliverable file that names a Launchpad project. */
function releasesTracker(releases: ReleasesFacts | undefined): DeliverableFile | null {
  const files = releases?.files ?? [];
  return [...files].reverse().find((f) => f.launchpad !== null) ?? null;
}

function trackerValue(file: DeliverableFile | null): EvidenceRecord | null {
  return file ? { launchpad: file.launchpad, ref: refValue(file.ref) } : null;
}

export const rule: RepositoryRule<never, 'releases'> = {
  scope: 'repository',
  meta: {
    id: 'private-tracker',
    clause: '4',
    title: 'The defect tracker keeps private security reports visible only to the VMT at first.',
    defaultSeverity: 'error',
    canBlock: true,
    fields: ['tracker'],
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => [],
  wants: () => ['releases'],
  check({ change, evidence, missing }): RuleResult[] {
    const declared = change.entry.declared.tracker;
    const known = releasesTracker(evidence.releases);
    const releasesNote = missing.releases
      ? ` (releases data unavailable: ${missing.releases})`
      : '';
    if (!declared) {
      const found = known
        ? `the releases data names Launchpad project '${known.launchpad ?? ''}' (${refText(known.ref)})`
        : `no tracker is declared or found in the releases data${releasesNote}`;
      return [
        {
          severity: 'warning',
          message: `Unverifiable: ${found}; ${UNREADABLE} (${CLAUSE}).`,
          evidence: {
            declared: null,
            releasesTracker: trackerValue(known),
            releasesUnavailable: missing.releases ?? null,
          },
        },
      ];
    }
    const base = {
      ...declaredValue(change, 'tracker'),
      declared: { ...declared },
      releasesTracker: trackerValue(known),
    };
    if (declared['private-by-default'] === false) {
      return [
        {
          severity: 'error',
          ...onField(change, 'tracker'),
          message:
            'The entry declares private-by-default: false: privately reported suspected ' +
            `vulnerabilities must initially be visible only to the VMT (${CLAUSE}). Configure the ` +
            "tracker's sharing policy so, then declare private-by-default: true.",
          evidence: base,
        },
      ];
    }
    const launchpad = declared.launchpad;
    if (
      launchpad !== undefined &&
      known?.launchpad &&
      launchpad.toLowerCase() !== known.launchpad.toLowerCase()
    ) {
      return [
        {
          severity: 'error',
          ...onField(change, 'tracker'),
          message:
            `The entry declares Launchpad project '${launchpad}', but the releases data names ` +
            `'${known.launchpad}' (${refText(known.ref)}): declare the tracker the team really uses (${CLAUSE}).`,
          evidence: base,
        },
      ];
    }
    const stated =
      declared['private-by-default'] === true
        ? 'the proposer states it is private by default, but '
        : '';
    return [
      {
        severity: 'warning',
        ...onField(change, 'tracker'),
        message: `Unverifiable: ${stated}${UNREADABLE} (${CLAUSE}).${releasesNote}`,
        evidence: base,
      },
    ];
  },
};
