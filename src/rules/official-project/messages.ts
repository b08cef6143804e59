/** What official-project says, by message id; the engine appends the clause. */
const PROJECTS = 'governance reference/projects.yaml';
const ONLY_OFFICIAL =
  'Only source code of official OpenStack project teams is eligible: drop the entry, or first ' +
  'make the repository a deliverable of an official team.';
const NOT_LISTED = `No official team lists this repository among its deliverables' repos in ${PROJECTS}`;
const LEGACY_DATED =
  'deliverable {{deliverable}} of team {{team}} retired on {{retiredOn}} ({{ref}})';
const LEGACY_UNDATED = 'deliverable {{deliverable}} of team {{team}} retired (undated) ({{ref}})';
const STILL_OWNED = `${PROJECTS} still lists it under team {{owner}}, which decides; check that the entry is not stale.`;
const DEPRECATED_TAIL =
  '({{ref}}): it is still official, but confirm with team {{team}} that it will stay maintained.';

const AT_BASE =
  'governance is read at the base revision, {{ref}}, so that a change cannot make a ' +
  'repository official and tag it in one go';

export const messages = {
  createdAtBase:
    'Not official at base: the deliverable {{deliverable}} of team {{team}} is created by this ' +
    `change (${AT_BASE}); clause 2 is met once it merges.`,
  addedToDeliverableAtBase:
    'Not official at base: this change adds the repository to deliverable {{deliverable}} of ' +
    `team {{team}} (${AT_BASE}); clause 2 is met once it merges.`,
  newTeamAtBase:
    'Not official at base: team {{team}} is not an official team at the base revision ' +
    '({{ref}}); this change creates it with deliverable {{deliverable}}. A new team is accepted ' +
    'by the Technical Committee first: tag its deliverables in a later change.',
  official:
    'Official: deliverable {{deliverable}} of team {{team}} ({{ref}}) lists the repository.',
  notOfficial: `${NOT_LISTED}. ${ONLY_OFFICIAL}`,
  notOfficialRetired: `${NOT_LISTED}; governance legacy.yaml lists it as retired: ${LEGACY_DATED}. ${ONLY_OFFICIAL}`,
  notOfficialRetiredUndated: `${NOT_LISTED}; governance legacy.yaml lists it as retired: ${LEGACY_UNDATED}. ${ONLY_OFFICIAL}`,
  retiredAcl:
    'project-config gerrit/projects.yaml gives the repository the retired ACL ({{acl}}): a ' +
    'retired repository is no longer maintained and cannot be overseen. Drop the entry.',
  alsoRetired: `Governance legacy.yaml also lists the repository: ${LEGACY_DATED}. ${STILL_OWNED}`,
  alsoRetiredUndated: `Governance legacy.yaml also lists the repository: ${LEGACY_UNDATED}. ${STILL_OWNED}`,
  retiredLater:
    `Official on the date, retired later: governance legacy.yaml lists ${LEGACY_DATED}, after ` +
    `the evaluated date, which is why ${PROJECTS} no longer lists it.`,
  wrongTeam:
    `The entry declares team '{{declared}}', but ${PROJECTS} lists the repository under team ` +
    "'{{team}}' (deliverable {{deliverable}}, {{ref}}): set team to '{{team}}'.",
  wrongLegacyTeam:
    "The entry declares team '{{declared}}', but governance legacy.yaml lists the repository " +
    "under team '{{team}}' (deliverable {{deliverable}}, {{ref}}): set team to '{{team}}'.",
  deprecated: `Governance marks deliverable {{deliverable}} as deprecated ${DEPRECATED_TAIL}`,
  deprecatedSince: `Governance marks deliverable {{deliverable}} as deprecated since {{since}} ${DEPRECATED_TAIL}`,
} as const;

export type MessageId = keyof typeof messages;
