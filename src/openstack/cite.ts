/**
 * Citations: the facts a finding rests on, each with where a reviewer finds it (file, line,
 * commit) and, when the data is public on opendev.org at a known commit, a URL to that line.
 */
import type {
  DataRef,
  GitTag,
  GovernanceFacts,
  GovernanceTeam,
  RepositoryMirror,
} from '../evidence/types';
import type { Citation } from '../findings/finding';
import type { Person } from '../list/model';
import { personText } from './evidence';

const OPENDEV = 'https://opendev.org';

/** The public repository each data source is read from. */
const DATA_REPOSITORY: Record<DataRef['source'], string | null> = {
  governance: 'openstack/governance',
  releases: 'openstack/releases',
  'project-config': 'openstack/project-config',
  repository: null,
  gerrit: null,
  launchpad: null,
  github: null,
};

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const COMMIT = /^[0-9a-f]{40}$/;

/** `https://opendev.org/<repo>/src/commit/<sha>/<file>#L<line>`, or undefined without a commit. */
export function fileUrl(
  repository: string,
  file: string,
  commit: string | undefined,
  line?: number,
): string | undefined {
  if (commit === undefined || !COMMIT.test(commit) || !NAME.test(repository)) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  const anchor = line === undefined ? '' : `#L${line}`;
  return `${OPENDEV}/${repository}/src/commit/${commit}/${path}${anchor}`;
}

/** A fact read from governance, releases or project-config at `ref`. */
export function citeData(ref: DataRef, text: string, repository?: string): Citation {
  const holder = repository ?? DATA_REPOSITORY[ref.source] ?? undefined;
  const citation: Citation = { source: ref.source, text, file: ref.file };
  if (holder !== undefined) citation.repository = holder;
  if (ref.line !== undefined) citation.line = ref.line;
  if (ref.commit !== undefined) citation.commit = ref.commit;
  const url = holder === undefined ? undefined : fileUrl(holder, ref.file, ref.commit, ref.line);
  if (url !== undefined) citation.url = url;
  return citation;
}

/** The proposal's own entry (or field) in the list file. */
export function citeList(file: string, line: number | null, text: string): Citation {
  return line === null ? { source: 'list', text, file } : { source: 'list', text, file, line };
}

/** A file (or the tree) of the candidate repository at the commit it was read at. */
export function citeRepositoryFile(
  repository: string,
  commit: string,
  text: string,
  file?: string,
  line?: number,
): Citation {
  const citation: Citation = { source: 'repository', text, repository, commit };
  if (file !== undefined) citation.file = file;
  if (line !== undefined) citation.line = line;
  const url =
    file === undefined ? commitUrl(repository, commit) : fileUrl(repository, file, commit, line);
  if (url !== undefined) citation.url = url;
  return citation;
}

/** A git tag of the candidate: `tag 5.0.0, 2024-02-20`. */
export function citeTag(repository: string, tag: GitTag): Citation {
  const citation: Citation = {
    source: 'repository',
    text: `tag ${tag.name}, ${tag.date.slice(0, 10)}`,
    repository,
    commit: tag.commit,
  };
  const url = commitUrl(repository, tag.commit);
  if (url !== undefined) citation.url = url;
  return citation;
}

function commitUrl(repository: string, commit: string): string | undefined {
  if (!COMMIT.test(commit) || !NAME.test(repository)) return undefined;
  return `${OPENDEV}/${repository}/commit/${commit}`;
}

/**
 * A citation of the candidate `repository` when its facts were read from its GitHub mirror: the
 * source is `github` and the link goes to the mirror (`github.com/<repo>/blob/<sha>/<file>#L<n>`,
 * `…/commit/<sha>`), since opendev.org is not where the fact was seen. Others are unchanged.
 */
export function onMirror(
  citation: Citation,
  repository: string,
  mirror: Pick<RepositoryMirror, 'url' | 'unchecked'>,
): Citation {
  if (citation.source !== 'repository' || citation.repository !== repository) return citation;
  const moved: Citation = { ...citation, source: 'github' };
  // A mirror never checked against the releases data is not silently taken as current.
  if (mirror.unchecked)
    moved.text = `${citation.text} (GitHub mirror not checked: ${mirror.unchecked})`;
  delete moved.url;
  const url = mirrorUrl(mirror.url, citation.commit, citation.file, citation.line);
  if (url !== undefined) moved.url = url;
  return moved;
}

function mirrorUrl(
  base: string,
  commit: string | undefined,
  file: string | undefined,
  line: number | undefined,
): string | undefined {
  if (!/^https:\/\/[^\s]+$/.test(base) || commit === undefined || !COMMIT.test(commit)) {
    return undefined;
  }
  const root = base.replace(/\/+$/, '');
  if (file === undefined) return `${root}/commit/${commit}`;
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${root}/blob/${commit}/${path}${line === undefined ? '' : `#L${line}`}`;
}

/** What governance says of a team's liaisons: `team ironic, security liaison Sam <sam@…>`. */
export function citeTeam(team: GovernanceTeam): Citation {
  return citeData(team.ref, teamText(team));
}

function teamText(team: GovernanceTeam): string {
  const names = (people: readonly Person[]) => people.map(personText).join(', ');
  if (team.securityLiaisons.length > 0) {
    const noun = team.securityLiaisons.length === 1 ? 'liaison' : 'liaisons';
    return `team ${team.name}, security ${noun} ${names(team.securityLiaisons)}`;
  }
  if (team.leadershipType === 'distributed') {
    return `team ${team.name}, distributed leadership, no security liaison`;
  }
  return team.ptl
    ? `team ${team.name}, PTL ${personText(team.ptl)}, no security liaison`
    : `team ${team.name}, no PTL, no security liaison`;
}

/** projects.yaml as read, for a repository no deliverable lists. */
export function citeNotListed(facts: GovernanceFacts, repository: string): Citation {
  const ref = facts.projects?.ref ?? { source: 'governance', file: 'reference/projects.yaml' };
  return citeData(ref, `no deliverable lists ${repository}`);
}

/** The owning team's entry, or projects.yaml when no deliverable lists it; none when unread. */
export function citeOwningTeam(facts: GovernanceFacts | undefined, repository: string): Citation[] {
  if (facts === undefined) return [];
  return facts.owner ? [citeTeam(facts.owner.team)] : [citeNotListed(facts, repository)];
}
