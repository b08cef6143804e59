/** Builders of hand-made evidence for rule tests, shaped like OpenStack's real data. */
import type {
  DataRef,
  DeliverableFile,
  GitBranch,
  GitTag,
  GovernanceDeliverable,
  GovernanceFacts,
  GovernanceTeam,
  ReleasesFacts,
  RepositoryFacts,
  Series,
  SeriesStatus,
  SourceId,
  ZuulInRepoConfig,
  ZuulJobRef,
  ZuulProjectStanza,
} from '../../src/evidence/types';
import type { DeclaredField, DeclaredFields, ListEntry, Person } from '../../src/list/model';
import type { Proposal } from '../../src/diff/model';
import type { ChangeKind, RepositoryChange } from '../../src/rules/types';

export const LIST_FILE = 'repos-overseen.yaml';

export function ref(source: SourceId, file: string, line?: number): DataRef {
  return line === undefined ? { source, file } : { source, file, line };
}

export function entry(name: string, declared: DeclaredFields = {}): ListEntry {
  const fieldLines: Partial<Record<DeclaredField, number>> = {};
  (Object.keys(declared) as DeclaredField[]).forEach((field, i) => {
    fieldLines[field] = 11 + i;
  });
  return { name, location: { file: LIST_FILE, line: 10 }, declared, fieldLines };
}

export function change(
  kind: ChangeKind,
  listEntry: ListEntry,
  options: { before?: ListEntry; changedFields?: DeclaredField[] } = {},
): RepositoryChange {
  const before = options.before ?? (kind === 'removed' || kind === 'modified' ? listEntry : null);
  return {
    kind,
    repository: listEntry.name,
    entry: listEntry,
    before,
    changedFields: options.changedFields ?? [],
  };
}

/* ---------- governance ---------- */

export function team(
  name: string,
  options: { distributed?: boolean; ptl?: Person | null; security?: Person[] } = {},
): GovernanceTeam {
  const distributed = options.distributed ?? false;
  return {
    name,
    leadershipType: distributed ? 'distributed' : 'ptl',
    ptl: distributed ? null : (options.ptl ?? { name: 'Pat Lead', email: 'ptl@example.org' }),
    securityLiaisons: options.security ?? [],
    ref: ref('governance', 'reference/projects.yaml', 100),
  };
}

export function deliverable(
  name: string,
  owner: GovernanceTeam,
  options: Partial<Pick<GovernanceDeliverable, 'releaseManagement' | 'deprecated' | 'repos'>> = {},
): GovernanceDeliverable {
  return {
    name,
    team: owner,
    repos: options.repos ?? [`openstack/${name}`],
    releaseManagement: options.releaseManagement ?? null,
    deprecated: options.deprecated ?? null,
    ref: ref('governance', 'reference/projects.yaml', 120),
  };
}

export function governance(
  owner: GovernanceDeliverable | null,
  retired: GovernanceFacts['retired'] = null,
): GovernanceFacts {
  return { owner, retired };
}

/* ---------- releases ---------- */

interface SeriesRow {
  name: string;
  releaseId: string | null;
  status: SeriesStatus;
  initial: string;
  next: [SeriesStatus, string | null] | null;
  eol?: string;
}

/** data/series_status.yaml as of releases 02df7c9a3 (2026-08-21), newest first. */
const SERIES_ROWS: SeriesRow[] = [
  {
    name: 'indri',
    releaseId: '2027.1',
    status: 'future',
    initial: '2027-03-24',
    next: ['development', '2026-10-01'],
  },
  {
    name: 'hibiscus',
    releaseId: '2026.2',
    status: 'development',
    initial: '2026-09-30',
    next: ['maintained', '2026-09-30'],
  },
  {
    name: 'gazpacho',
    releaseId: '2026.1',
    status: 'maintained',
    initial: '2026-04-01',
    next: ['unmaintained', '2027-10-27'],
  },
  {
    name: 'flamingo',
    releaseId: '2025.2',
    status: 'maintained',
    initial: '2025-10-01',
    next: ['end of life', '2027-04-28'],
  },
  {
    name: 'epoxy',
    releaseId: '2025.1',
    status: 'maintained',
    initial: '2025-04-02',
    next: ['unmaintained', '2026-10-02'],
  },
  {
    name: 'dalmatian',
    releaseId: '2024.2',
    status: 'end of life',
    initial: '2024-10-02',
    next: null,
    eol: '2026-04-29',
  },
  {
    name: 'caracal',
    releaseId: '2024.1',
    status: 'unmaintained',
    initial: '2024-04-03',
    next: ['end of life', null],
  },
  {
    name: 'bobcat',
    releaseId: '2023.2',
    status: 'end of life',
    initial: '2023-10-04',
    next: null,
    eol: '2025-04-30',
  },
  {
    name: 'antelope',
    releaseId: '2023.1',
    status: 'unmaintained',
    initial: '2023-03-22',
    next: ['end of life', null],
  },
  {
    name: 'zed',
    releaseId: null,
    status: 'unmaintained',
    initial: '2022-10-05',
    next: ['end of life', null],
  },
  {
    name: 'yoga',
    releaseId: null,
    status: 'unmaintained',
    initial: '2022-03-30',
    next: ['end of life', null],
  },
  {
    name: 'xena',
    releaseId: null,
    status: 'end of life',
    initial: '2021-10-06',
    next: null,
    eol: '2025-12-19',
  },
];

export const SERIES: Series[] = SERIES_ROWS.map((row, i) => ({
  name: row.name,
  releaseId: row.releaseId,
  status: row.status,
  initialRelease: row.initial,
  nextPhase: row.next ? { status: row.next[0], date: row.next[1] } : null,
  eolDate: row.eol ?? null,
  ref: ref('releases', 'data/series_status.yaml', 10 + i * 8),
}));

export interface FileOptions {
  releases?: string[];
  branches?: string[];
  releaseType?: string;
  releaseModel?: string;
  launchpad?: string;
  retired?: boolean;
}

export function deliverableFile(
  series: string,
  name: string,
  options: FileOptions = {},
): DeliverableFile {
  const dir = series === 'independent' ? '_independent' : series;
  const file = `deliverables/${dir}/${name}.yaml`;
  return {
    series,
    team: 'cinder',
    type: 'library',
    releaseModel: options.releaseModel ?? 'cycle-with-intermediary',
    releaseType: options.releaseType ?? null,
    launchpad: options.launchpad ?? name,
    storyboard: null,
    releases: (options.releases ?? []).map((version, i) => ({
      version,
      commit: `${i}`.padStart(40, 'a'),
      ref: ref('releases', file, 5 + i * 4),
    })),
    branches: (options.branches ?? []).map((branch, i) => ({
      name: branch,
      location: null,
      ref: ref('releases', file, 200 + i * 2),
    })),
    retired: options.retired ?? false,
    ref: ref('releases', file),
  };
}

export function releases(
  files: DeliverableFile[],
  deliverableName: string | null = 'os-brick',
): ReleasesFacts {
  return { series: SERIES, deliverable: deliverableName, files };
}

/* ---------- repository ---------- */

/** An annotated tag dated by its tagger; `{ annotated: false }` for a lightweight one. */
export function tag(name: string, date: string, options: Partial<GitTag> = {}): GitTag {
  const when = `${date}T12:00:00+00:00`;
  const annotated = options.annotated ?? true;
  return {
    name,
    date: when,
    commit: name.padEnd(40, '0').slice(0, 40),
    annotated,
    taggerDate: annotated ? when : null,
    ...options,
  };
}

export function branch(name: string, date = '2026-01-01'): GitBranch {
  return { name, commit: 'b'.repeat(40), date: `${date}T12:00:00+00:00` };
}

export function jobs(...names: (string | Partial<ZuulJobRef>)[]): ZuulJobRef[] {
  return names.map((job) =>
    typeof job === 'string'
      ? { name: job, voting: true, branches: null }
      : { name: job.name ?? 'unnamed', voting: job.voting ?? true, branches: job.branches ?? null },
  );
}

export function stanza(
  file: string,
  templates: string[],
  pipelines: Record<string, ZuulJobRef[]> = {},
  source: SourceId = 'repository',
): ZuulProjectStanza {
  return { templates, pipelines, ref: ref(source, file, 1) };
}

export function inRepoZuul(
  location: ZuulInRepoConfig['location'],
  projects: ZuulProjectStanza[],
  jobDefinitions: [string, string | null][] = [],
): ZuulInRepoConfig {
  const file = projects[0]?.ref.file ?? location;
  return {
    location,
    files: [file],
    projects,
    jobs: jobDefinitions.map(([name, parent], i) => ({
      name,
      parent,
      ref: ref('repository', file, 40 + i * 10),
    })),
  };
}

export function repository(options: Partial<RepositoryFacts> = {}): RepositoryFacts {
  return {
    name: options.name ?? 'openstack/os-brick',
    evaluated: options.evaluated ?? {
      commit: 'c'.repeat(40),
      date: '2026-08-21',
      branch: 'master',
    },
    tags: options.tags ?? [],
    branches: options.branches ?? [branch('master')],
    zuul: options.zuul ?? null,
    testEntryPoints: options.testEntryPoints ?? [],
    ...(options.undatedBranches ? { undatedBranches: options.undatedBranches } : {}),
    ...(options.laterTags ? { laterTags: options.laterTags } : {}),
  };
}

/** A proposal of a native list `repos.yaml` (base HEAD~1, head the work tree), with `parts` set. */
export function proposal(parts: Partial<Proposal> = {}): Proposal {
  const entries = [...(parts.added ?? []), ...(parts.modified ?? []).map((m) => m.after)];
  return {
    listPath: 'repos.yaml',
    format: 'native',
    base: { label: 'HEAD~1', commit: 'a'.repeat(40) },
    head: { label: 'WORKTREE', commit: null },
    baseList: null,
    headList: { path: 'repos.yaml', format: 'native', entries, duplicates: [], problems: [] },
    added: [],
    removed: [],
    modified: [],
    ...parts,
  };
}
