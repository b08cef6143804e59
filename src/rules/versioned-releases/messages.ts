/**
 * What versioned-releases says, by message id; the engine appends the clause. `{{found}}` and
 * `{{later}}` are sentences built from lists of versions; `{{later}}` and `{{notExamined}}` are
 * empty when there is nothing to add.
 */
const NOT_OFFICIAL =
  'No official release: {{found}} Pre-releases, release candidates, milestones and ' +
  'eol/eom/em/last tags are not official releases.';

export const messages = {
  releaseManagementNone:
    'Governance declares release-management: none for deliverable {{deliverable}} ({{ref}}): it ' +
    'is never released, and repositories must have versioned releases to qualify. Drop the ' +
    'entry until the deliverable is released.',
  notYetCreated:
    'No release on or before {{asOf}} ({{history}}): the repository had no commit by then, so ' +
    'it had no official release. Propose the entry after its first final X.Y.Z release.',
  released:
    '{{count}} official release(s), the latest {{latest}}; this rests on {{restsOn}}.{{notExamined}}',
  externalUnverifiable:
    'Unverifiable: governance says deliverable {{deliverable}} is released outside ' +
    'openstack/releases (release-management: external, {{ref}}). {{found}} Link an official ' +
    'final release in the review.{{notExamined}}',
  noRelease: `${NOT_OFFICIAL} Propose the entry after the first final X.Y.Z release.{{later}}{{notExamined}}`,
  oldStyleOnly:
    `${NOT_OFFICIAL} Old-style versions predate the current scheme: check them by hand.` +
    '{{later}}{{notExamined}}',
} as const;

export type MessageId = keyof typeof messages;
