import type { Proposal } from '../diff/model';
import { INTERNAL_FAILURE } from '../evidence/types';
import { isUnreadable } from '../list/readable';
import type { Citation, CitationSource, Finding } from '../findings/finding';
import type { RepositoryChange, RuleMeta, RunSettings } from '../rules/types';
import type { MissingEvidence } from './types';

const FLAG_FOR_SOURCE: Record<string, string> = {
  governance: '--governance',
  releases: '--releases',
  'project-config': '--project-config',
  repository: '--repos-root',
  gerrit: '--gerrit and --change',
};

/** The parts of an `evidence-unavailable` finding that differ from one use to the next. */
interface UnavailableFinding {
  canBlock: boolean;
  repository: string | null;
  /** What could not be done, then why, then what to do: one message. */
  message: string;
  file: string | null;
  line: number | null;
  evidence: Finding['evidence'];
  /** The source that could not be read (what was missing), or what the bug was met on. */
  citations: Citation[];
}

/**
 * The one factory of `evidence-unavailable` findings: an error (inconclusive verdict) where the
 * judgment it stands in for could block, else a warning.
 */
export function unavailableFinding(parts: UnavailableFinding): Finding {
  return {
    rule: 'evidence-unavailable',
    clause: '—',
    severity: parts.canBlock ? 'error' : 'warning',
    repository: parts.repository,
    message: parts.message,
    file: parts.file,
    line: parts.line,
    evidence: parts.evidence,
    citations: parts.citations,
  };
}

/** The public repository each data source is read from. */
const DATA_REPOSITORY: Record<string, string> = {
  governance: 'openstack/governance',
  releases: 'openstack/releases',
  'project-config': 'openstack/project-config',
};

const CITED_SOURCES: ReadonlySet<string> = new Set<CitationSource>([
  'governance',
  'releases',
  'project-config',
  'repository',
  'gerrit',
  'github',
  'launchpad',
]);

/** At most `limit` characters: a citation is read at a glance, the message has the whole reason. */
function clip(text: string, limit = 120): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * The source that was missing, as read and found wanting: `openstack/releases, not read: no
 * --releases given`. A rule that broke cites the entry it was judging instead.
 */
export function citeMissing(
  missing: MissingEvidence,
  change: RepositoryChange,
  listFile: string,
): Citation {
  const { source, reason } = missing;
  if (!CITED_SOURCES.has(source)) {
    const line = change.kind === 'removed' ? null : change.entry.location.line;
    const text = `entry ${change.repository}, judged when the ${source} failed`;
    return line === null
      ? { source: 'list', text, file: listFile }
      : { source: 'list', text, file: listFile, line };
  }
  const holder = source === 'repository' ? change.repository : DATA_REPOSITORY[source];
  const what = holder ?? (source === 'gerrit' ? 'the Gerrit change' : source);
  const citation: Citation = {
    source: source as CitationSource,
    text: `${what}, not read: ${clip(reason)}`,
  };
  if (holder !== undefined) citation.repository = holder;
  return citation;
}

/**
 * Missing evidence is a finding, never a pass. For a rule that can block it is an error that
 * makes the verdict inconclusive; for a recommendation it is a warning.
 */
export function evidenceUnavailable(
  meta: RuleMeta,
  canBlock: boolean,
  change: RepositoryChange,
  missing: MissingEvidence,
  settings: RunSettings,
): Finding {
  return unavailableFinding({
    canBlock,
    repository: change.repository,
    message:
      `Cannot check ${meta.id} (clause ${meta.clause}) for ${change.repository}: ` +
      `${missing.reason}. ${adviceFor(missing)}`,
    file: settings.listFile,
    line: change.kind === 'removed' ? null : change.entry.location.line,
    evidence: {
      rule: meta.id,
      source: missing.source,
      kind: missing.kind,
      reason: missing.reason,
      ...(isBug(missing) ? { internal: true } : {}),
      ...(change.kind === 'removed' ? { lineAtBase: change.entry.location.line } : {}),
    },
    citations: [citeMissing(missing, change, settings.listFile)],
  });
}

/**
 * What the user can do: report a bug (a rule or a source that broke), give the missing data, or
 * fix (or have a reviewer judge) what was refused.
 */
export function adviceFor(missing: MissingEvidence): string {
  if (isBug(missing)) {
    return 'This is a bug in vmt-oversight: please report it with the evidence.';
  }
  if (NOT_GIVEN.test(missing.reason)) {
    const flag = FLAG_FOR_SOURCE[missing.source] ?? 'the evidence flags';
    return `Provide the ${missing.source} data (${flag}) and run again.`;
  }
  return 'Fix what the reason names and run again; until then a reviewer must judge this by hand.';
}

/** A rule that threw, or a source that met a bug (its reason says so, see src/sources). */
function isBug(missing: MissingEvidence): boolean {
  return (
    missing.internal === true ||
    missing.source === 'rule' ||
    missing.reason.startsWith(INTERNAL_FAILURE)
  );
}

// The reason a source gives when its flag was not given at all (see src/sources).
const NOT_GIVEN = /^no --[a-z-]+(\/--[a-z-]+)? given$/;

/**
 * A base list that could not be read holds no entries anyone can name, so what the change removes
 * (or modifies) cannot be known: without this finding every deletion would pass unjudged. Null
 * when the base list was read, or when the head list cannot be read either (its own list-schema
 * error then speaks for the change). `canBlock`: whether the removal rule can block as configured.
 */
export function baseListUnreadable(
  proposal: Proposal,
  canBlock: boolean,
  settings: RunSettings,
): Finding | null {
  const { baseList, headList, base } = proposal;
  if (baseList === null || !isUnreadable(baseList) || isUnreadable(headList)) return null;
  const fatal = baseList.problems.filter((p) => p.rule === 'list-schema' && p.severity === 'error');
  const revision = base.commit ?? base.label;
  const at = base.label === revision ? revision : `${base.label} (${revision})`;
  const why = fatal[0]?.message ?? 'no entries';
  const reason = `the list at base ('${baseList.path}' at ${at}) could not be read: ${why}`;
  return unavailableFinding({
    canBlock,
    repository: null,
    message:
      `Cannot tell what this change removes from the list: ${reason} ` +
      'No deletion can be judged (removal, clause Deprecation), and every entry at head is ' +
      'judged as added. A reviewer must compare the two revisions by hand.',
    file: settings.listFile,
    line: null,
    evidence: {
      rule: 'removal',
      source: 'list',
      kind: 'list',
      reason,
      file: baseList.path,
      revision,
      problems: fatal.map((p) => p.key),
    },
    citations: [citeBaseList(baseList.path, base.label, base.commit, fatal[0]?.line)],
  });
}

/** The base list, read and found unreadable. */
function citeBaseList(
  file: string,
  label: string,
  commit: string | null,
  line: number | undefined,
): Citation {
  const citation: Citation = { source: 'list', text: `list at base ${label}, unreadable`, file };
  if (line !== undefined) citation.line = line;
  if (commit !== null) citation.commit = commit;
  return citation;
}
