/**
 * Typed evidence. Sources (src/sources/*) produce these by reading OpenStack's data; rules read
 * them and never do I/O. Every fact carries a DataRef so a finding can say what it rests on.
 */
import type { Person } from '../list/model';

export type SourceId =
  'governance' | 'releases' | 'project-config' | 'repository' | 'gerrit' | 'launchpad' | 'github';

/** A file (path relative to its data root) and optionally the line a fact was read from. */
export interface DataRef {
  source: SourceId;
  file: string;
  line?: number;
  /** The commit of the data repository that was read, when it is a git checkout. */
  commit?: string;
}

/**
 * `internal`: not missing data but a bug in vmt-oversight met while reading it; its reason begins
 * with INTERNAL_FAILURE. It is still unavailable evidence: a bug never passes.
 */
export type Evidence<T> =
  | { status: 'available'; value: T }
  | { status: 'unavailable'; source: SourceId; reason: string; internal?: true };

/** How the reason of internal (bug) evidence begins, so whoever renders it can tell. */
export const INTERNAL_FAILURE = 'a bug in vmt-oversight';

/* ---------- governance: reference/projects.yaml and reference/legacy.yaml ---------- */

export interface GovernanceTeam {
  name: string;
  leadershipType: 'ptl' | 'distributed';
  ptl: Person | null;
  securityLiaisons: Person[];
  ref: DataRef;
}

export interface GovernanceDeliverable {
  name: string;
  team: GovernanceTeam;
  repos: string[];
  releaseManagement: 'none' | 'deprecated' | 'external' | null;
  deprecated: string | null;
  ref: DataRef;
}

export interface RetiredDeliverable {
  team: string;
  deliverable: string;
  retiredOn: string | null;
  ref: DataRef;
}

export interface GovernanceFacts {
  /** The official deliverable whose `repos` list the repository, or null when none does. */
  owner: GovernanceDeliverable | null;
  /** A legacy.yaml entry listing the repository, when there is one. */
  retired: RetiredDeliverable | null;
  /** The projects.yaml these facts were read from; absent in facts built by hand. */
  projects?: GovernanceProjects;
}

/**
 * projects.yaml as read: what a change that creates a deliverable is judged against when
 * governance is the list's own repository, read at the change's base.
 */
export interface GovernanceProjects {
  /** `reference/projects.yaml`, with the commit read when governance is a git checkout. */
  ref: DataRef;
  /** The revision governance was read at (the change's base) instead of the date, if any. */
  revision: string | null;
  /** Each official team (its key in projects.yaml) → the names of its deliverables. */
  teams: ReadonlyMap<string, readonly string[]>;
}

/** A repository of an official team's deliverable, where `projects.yaml` lists it. */
export interface OfficialRepository {
  name: string;
  team: string;
  deliverable: string;
  ref: DataRef;
}

/** Every repository of every official team's deliverables, in file order, each once. */
export interface OfficialRepositories {
  /** `reference/projects.yaml`, with the commit read when governance is a git checkout. */
  ref: DataRef;
  /** The repositories of every entry that could be read. */
  repositories: OfficialRepository[];
  /** Entries (team, deliverable) whose shape cannot be read: the repositories they list are unknown. */
  unreadable: UnreadableOfficialEntry[];
}

/** An entry of projects.yaml that cannot be read, as a reviewer must find it. */
export interface UnreadableOfficialEntry {
  /** `Nova.deliverables.nova (line 12) cannot be read: …`. */
  text: string;
  ref: DataRef;
}

/* ---------- releases: data/series_status.yaml and deliverables/<series>/<name>.yaml ---------- */

/** Series statuses in the order a series goes through them (it only ever moves forward). */
export const SERIES_LIFECYCLE = [
  'future',
  'development',
  'maintained',
  'extended maintenance',
  'unmaintained',
  'end of life',
] as const;

export type SeriesStatus = (typeof SERIES_LIFECYCLE)[number];

export interface Series {
  name: string;
  /** `2024.1` from antelope on; null before. Always a string, never a YAML number. */
  releaseId: string | null;
  /**
   * null when the data of the date records no series status (before 2018-04): the series is
   * then known from its deliverables directory and the releases docs' series table only.
   */
  status: SeriesStatus | null;
  /** The status as the releases docs' series table words it ("Security-supported"), if read. */
  statusText?: string;
  initialRelease: string | null;
  nextPhase: { status: SeriesStatus; date: string | null } | null;
  eolDate: string | null;
  ref: DataRef;
}

export interface DeliverableRelease {
  version: string;
  /** The hash recorded for this repository in the release, when present. */
  commit: string | null;
  ref: DataRef;
}

export interface DeliverableBranch {
  name: string;
  /** A version string, or null when the location is a map or missing. */
  location: string | null;
  ref: DataRef;
}

export interface DeliverableFile {
  /** The directory's series name; `independent` for `_independent`. */
  series: string;
  team: string | null;
  type: string | null;
  releaseModel: string | null;
  releaseType: string | null;
  launchpad: string | null;
  storyboard: string | null;
  /** Only the releases that include this repository, in file order. */
  releases: DeliverableRelease[];
  branches: DeliverableBranch[];
  /** `repository-settings.<repo>.flags` contains `retired`. */
  retired: boolean;
  ref: DataRef;
}

export interface ReleasesFacts {
  /** Every series of series_status.yaml, newest first. */
  series: Series[];
  /** The deliverable name used to find the files (from governance), or null if unknown. */
  deliverable: string | null;
  /** The deliverable files that mention the repository, oldest series first, independent last. */
  files: DeliverableFile[];
  /**
   * Whether `series` is the data as of the evaluated date: 'exact' when read from a git checkout
   * at the date (or the date is today or later); 'latest' when a plain directory, newer than the
   * date, is judged at a past date. Absent means 'exact'.
   */
  seriesAsOf?: SeriesDataAsOf;
  /**
   * Deliverable files naming the repository in a `deliverables/<series>/` directory that
   * series_status.yaml does not list (kept apart: nothing can date their releases or branches).
   */
  unlistedSeriesFiles?: DeliverableFile[];
  /**
   * Why the data of the date records no series status (before 2018-04): `series` was then
   * derived from the deliverables directories and the docs' series table, with no status, and
   * which branch was maintained on the date cannot be established from it.
   */
  seriesStatusMissing?: string;
}

export type SeriesDataAsOf = 'exact' | 'latest';

/* ---------- project-config: gerrit/projects.yaml and zuul.d/projects.yaml ---------- */

export interface ZuulJobRef {
  name: string;
  voting: boolean;
  /** Branch matchers of a job variant, or null when it runs on every branch. */
  branches: string[] | null;
}

/** A `project` stanza: its templates and the jobs of each pipeline. */
export interface ZuulProjectStanza {
  templates: string[];
  pipelines: Record<string, ZuulJobRef[]>;
  ref: DataRef;
}

export interface ZuulJobDefinition {
  name: string;
  parent: string | null;
  /** The definition's own `voting` (`-nv` jobs set false), when it sets one. */
  voting?: boolean;
  /** `abstract: true`: a base for other jobs, never run itself. */
  abstract?: boolean;
  ref: DataRef;
}

export interface GerritProject {
  acl: string | null;
  description: string | null;
  /** The ACL is the retired one (`…/retired.config`). */
  retired: boolean;
  ref: DataRef;
}

export interface ProjectConfigFacts {
  gerrit: GerritProject | null;
  zuul: ZuulProjectStanza | null;
  /**
   * Present when project-config predates Zuul v3 (2017-09) and `zuul/layout.yaml` was read:
   * that central layout is the whole truth (in-repo Zuul files were not read then).
   */
  zuulV2?: ZuulV2Layout;
}

export interface ZuulV2Layout {
  ref: DataRef;
  /** Each project-template the layout defines → the pipelines it puts jobs into. */
  templatePipelines: Record<string, string[]>;
}

/* ---------- the candidate repository itself ---------- */

export interface GitTag {
  name: string;
  /** Creator date (ISO 8601): the tagger date of an annotated tag, else the commit date. */
  date: string;
  /** The commit the tag points to (peeled). */
  commit: string;
  /** A tag object (`git tag -a`), not a lightweight ref straight to a commit. */
  annotated: boolean;
  /** The tagger date (ISO 8601) of an annotated tag; null when lightweight or unreadable. */
  taggerDate: string | null;
}

export interface GitBranch {
  /** Without `refs/heads/`: `master`, `stable/2024.1`, `unmaintained/zed`. */
  name: string;
  commit: string;
  date: string;
}

/**
 * A branch whose tip is after the date and whose fork point from the default branch could not be
 * found (unrelated histories, a missing object): whether it existed on the date is unknown.
 */
export interface UndatedBranch {
  name: string;
  reason: string;
}

export interface ZuulInRepoConfig {
  /** Which of zuul.yaml, zuul.d/, .zuul.yaml, .zuul.d/ Zuul would read (its precedence). */
  location: 'zuul.yaml' | 'zuul.d' | '.zuul.yaml' | '.zuul.d';
  files: string[];
  /** Project stanzas without a name (or naming this repository), in file order. */
  projects: ZuulProjectStanza[];
  jobs: ZuulJobDefinition[];
  /** `project-template` stanzas the repository defines, by name. */
  templates?: ZuulTemplateDefinition[];
  /**
   * Why the configuration cannot be read, each `file line N: why`: a file that is not UTF-8
   * YAML of Zuul's shape, too large or too deep, a missing blob, a stanza for another project.
   * Zuul refuses such a configuration, so any problem leaves the in-repo configuration unknown.
   */
  problems?: string[];
}

export interface ZuulTemplateDefinition {
  name: string;
  stanza: ZuulProjectStanza;
}

export interface LocalTestEntryPoint {
  kind: 'tox' | 'npm' | 'go' | 'make' | 'other';
  file: string;
  /** For tox: the `testenv:<name>` sections plus `envlist`; for npm: script names. */
  targets: string[];
  /** tox only: a bare `[testenv]` section exists, so any envlist name (py3…) can run. */
  bareTestenv?: boolean;
  /** The file exists but was not read (over the size cap, not a regular file) or only in part. */
  unreadable?: string;
}

/** A repository whose complete clone has no commit on or before the date: it did not exist yet. */
export interface NotYetCreated {
  /** The clone's earliest commit (the oldest root of its history), dated after the date. */
  firstCommit: { commit: string; date: string };
  /** Every tag of the clone (all after the date), sorted by name: its later history. */
  laterTags: GitTag[];
}

export interface RepositoryFacts {
  name: string;
  /**
   * The commit the tree was read at: the default branch's last commit on or before the date.
   * For a repository not created yet (`notYetCreated`), its first commit, whose tree is not read.
   */
  evaluated: { commit: string; date: string; branch: string };
  /**
   * Set when the repository had no commit at all on or before the date: no tag, branch, tree,
   * Zuul configuration or test existed then (all empty here).
   */
  notYetCreated?: NotYetCreated;
  /** Tags created on or before the evaluated date, sorted by name. */
  tags: GitTag[];
  /**
   * Tags created after the evaluated date, sorted by name: the clone's later history. Upstream
   * deletes a stable branch once it is tagged `-eol`, so a later `<series>-eol` tag is what shows
   * today that the branch was still there on the date.
   */
  laterTags?: GitTag[];
  /** Branches that existed (had a commit) on or before the evaluated date, sorted by name. */
  branches: GitBranch[];
  /** Branches whose existence on the date could not be established, sorted by name. */
  undatedBranches?: UndatedBranch[];
  /** null when the tree has no Zuul configuration. */
  zuul: ZuulInRepoConfig | null;
  testEntryPoints: LocalTestEntryPoint[];
  /** Set when these facts were read from a GitHub mirror rather than a git clone. */
  mirror?: RepositoryMirror;
}

/** The GitHub mirror facts were read from, and what showed it current enough to read. */
export interface RepositoryMirror {
  source: 'github';
  /** `https://github.com/openstack/nova`. */
  url: string;
  /** The mirror's newest commit over its branches: what it can show goes no further. */
  newestCommit: { commit: string; date: string } | null;
  /** The newest release of the releases data found on the mirror at its hash; null if none. */
  checkedAgainst: { version: string; commit: string; file: string } | null;
  /** Why the mirror was not checked against the releases data (it records no release). */
  unchecked?: string;
}

/* ---------- Gerrit: the change under review (team-consent) ---------- */

export interface GerritAccount {
  accountId: number;
  name?: string;
  email?: string;
  username?: string;
}

export interface ChangeFacts {
  number: number;
  project: string;
  status: string;
  currentRevision: string;
  owner: GerritAccount;
  uploader: GerritAccount;
  /** Code-Review votes on the current revision. */
  codeReview: { account: GerritAccount; value: number }[];
  url: string;
}

/* ---------- remote services: Launchpad (clauses 4, 5) and Gerrit groups (clause 5) ---------- */

/**
 * One fact a service was asked for: found, known to be absent, or unknown with the reason
 * (offline, a timeout, a rate limit, a private team's 404, a redacted value).
 */
export type Lookup<T> =
  | { state: 'found'; value: T; url: string }
  | { state: 'absent'; url: string }
  | { state: 'unknown'; reason: string; url?: string };

export interface LaunchpadProject {
  name: string;
  /** The `~name` of `owner_link`; null when redacted. */
  owner: string | null;
  /** `bug_sharing_policy` (devel): `Public`, `Proprietary`…; null when absent or redacted. */
  bugSharingPolicy: string | null;
  /** `official_bugs`: bugs are tracked in Launchpad; null when redacted. */
  officialBugs: boolean | null;
  informationType: string | null;
  private: boolean | null;
}

export interface LaunchpadTeam {
  name: string;
  owner: string | null;
  /** `membership_policy` title: `Open Team`, `Moderated Team`, `Restricted Team`…; null when redacted. */
  membershipPolicy: string | null;
  visibility: string | null;
  /** `members` `total_size`. */
  size: number | null;
  /** Member usernames and display names, as far as read (for matching with Gerrit). */
  members: { name: string; displayName: string | null }[];
}

/** What the VMT's Private Security grant on the project is, when it can be read. */
export type SharingGrant = 'granted' | 'not-granted';

export interface LaunchpadFacts {
  /** The project asked for, and why that name: `declared` (tracker.launchpad) or `releases`. */
  projectName: { name: string; from: 'declared' | 'releases' } | null;
  project: Lookup<LaunchpadProject> | null;
  /** The security team asked for: `declared` (tracker.security-group) or `default` (<project>-coresec). */
  teamName: { name: string; from: 'declared' | 'default' } | null;
  team: Lookup<LaunchpadTeam> | null;
  /** The VMT's Private Security grant (needs launchpad.Driver: unknown anonymously). */
  vmtGrant: Lookup<SharingGrant> | null;
}

export interface GerritGroupMembers {
  group: string;
  members: GerritAccount[];
}

export interface CoreReviewerFacts {
  /** The ACL file read and every file it inherits from, in order. */
  aclFiles: DataRef[];
  /** Groups with Code-Review -2..+2 on refs/heads/* (or refs/*), global groups left out. */
  groups: string[];
  /** Each group's members (recursive), or why it could not be read. */
  members: Lookup<GerritGroupMembers>[];
}

/** Everything a rule may ask for, by kind. */
export interface EvidenceMap {
  governance: GovernanceFacts;
  releases: ReleasesFacts;
  projectConfig: ProjectConfigFacts;
  repository: RepositoryFacts;
  change: ChangeFacts;
  launchpad: LaunchpadFacts;
  coreReviewers: CoreReviewerFacts;
}

export type EvidenceKind = keyof EvidenceMap;

/** What the engine asks evidence from. Implementations cache within a run. */
export interface EvidenceProvider {
  get<K extends EvidenceKind>(kind: K, repository: string): Promise<Evidence<EvidenceMap[K]>>;
  /**
   * Drops what was read for this one repository once it is judged (an audit of every official
   * repository then holds one repository's evidence per worker, not all of them); asked again,
   * it is read again.
   */
  forget?(repository: string): void;
  /**
   * How many repositories the run will judge, told once it is known: a hint for how to read
   * (a few repositories' deliverable files are parsed without a thread), never what is read.
   */
  expect?(repositories: number): void;
  /**
   * An early guess of how many repositories the run will judge, before the lists are parsed: a
   * hint to get ready sooner for many (start the parsing thread), never what is read.
   */
  expectAbout?(repositories: number): void;
  /**
   * A hint that this repository will be judged soon, on evidence of these kinds, so that it can
   * start being read off the main thread; never changes what is read.
   */
  prefetch?(repository: string, kinds: readonly EvidenceKind[]): void;
}
