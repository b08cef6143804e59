import type { Proposal } from '../diff/model';
import type { OfficialRepositories, UnreadableOfficialEntry } from '../evidence/types';
import { citeData } from '../openstack/cite';
import { officialList } from '../list';
import type { OversightList } from '../list/model';
import type { Finding } from '../findings/finding';
import type { Report } from '../findings/report';
import { createEvidenceProvider } from '../sources';
import { PROJECTS_FILE } from '../sources/governance/projects';
import { auditedAllOfficial } from '../rules/list-consistency/scope';
import { auditChanges } from './changes';
import { buildReport, judgeProposal, withDeclaredTrackers } from './check';
import { sortFindings } from './evaluate';
import { visibleFinding } from '../findings/visible';
import { adviceFor, unavailableFinding } from './unavailable';
import type { CheckOptions } from './types';
import { verdictOf } from './verdict';

type AuditOptions = Pick<CheckOptions, 'sources' | 'severities' | 'progress'>;

/**
 * `vmt-oversight audit`: judge every entry of the list as it stands. A page that says every
 * official repository is overseen (the 2025 wording) is audited as `--all-official`, with a note
 * on the page's sentence.
 */
export async function auditList(list: OversightList, options: AuditOptions): Promise<Report> {
  if (list.allOfficial) {
    return auditOfficial(options, [auditedAllOfficial(list.path, list.allOfficial)]);
  }
  const proposal = auditProposal(list, { label: 'WORKTREE', commit: null });
  const sources = withDeclaredTrackers(options.sources, proposal);
  const provider = createEvidenceProvider(sources);
  return judgeProposal(proposal, auditChanges(list), provider, { ...options, sources });
}

/**
 * `vmt-oversight audit --all-official`: judge every repository of every official team's
 * deliverables in governance `projects.yaml` as of the date, as if each deliverable carried
 * `vulnerability:managed`. Findings point at the line of `projects.yaml` that lists the
 * repository. When governance cannot be read, nothing can be enumerated: inconclusive.
 */
export async function auditOfficial(
  options: AuditOptions,
  notes: readonly Finding[] = [],
): Promise<Report> {
  const provider = createEvidenceProvider(options.sources);
  const official = await provider.officialRepositories();
  if (official.status === 'unavailable') {
    const proposal = auditProposal(officialList(PROJECTS_FILE, []), {
      label: 'WORKTREE',
      commit: null,
    });
    const findings = sortFindings([...notes, governanceUnavailable(official)]);
    return buildReport(proposal, findings, options.sources.asOf);
  }
  const list = officialListOf(official.value);
  const head = { label: 'WORKTREE', commit: official.value.ref.commit ?? null };
  const report = await judgeProposal(
    auditProposal(list, head),
    auditChanges(list),
    provider,
    options,
  );
  const unreadable = official.value.unreadable.map(unreadableEntryFinding);
  const withUnreadable = unreadable.length === 0 ? report : withBlocking(report, unreadable);
  return notes.length === 0 ? withUnreadable : withNotes(withUnreadable, notes);
}

/** The report with notes that cannot block added (the verdict stays what the findings made it). */
function withNotes(report: Report, notes: readonly Finding[]): Report {
  return { ...report, findings: sortFindings([...notes.map(visibleFinding), ...report.findings]) };
}

/** The report with evidence-unavailable errors added: never a pass, at best inconclusive. */
function withBlocking(report: Report, unavailable: readonly Finding[]): Report {
  const findings = sortFindings([...unavailable.map(visibleFinding), ...report.findings]);
  return { ...report, findings, ...verdictOf(findings) };
}

/** One entry of projects.yaml that cannot be read: the repositories it lists are not audited. */
function unreadableEntryFinding(entry: UnreadableOfficialEntry): Finding {
  return unavailableFinding({
    canBlock: true,
    repository: null,
    message:
      `Cannot list every official repository: ${PROJECTS_FILE} ${entry.text}, so the ` +
      'repositories it lists are not audited (every other entry is). Fix the entry in ' +
      'governance, or audit its repositories by hand.',
    file: PROJECTS_FILE,
    line: entry.ref.line ?? null,
    evidence: {
      source: 'governance',
      kind: 'officialRepositories',
      reason: entry.text,
    },
    citations: [citeData(entry.ref, entry.text)],
  });
}

function officialListOf(official: OfficialRepositories): OversightList {
  return officialList(
    official.ref.file,
    official.repositories.map(({ name, team, deliverable, ref }) => ({
      name,
      team,
      deliverable,
      line: ref.line ?? 1,
    })),
  );
}

function auditProposal(list: OversightList, head: Proposal['head']): Proposal {
  return {
    listPath: list.path,
    format: list.format,
    base: { label: 'none', commit: null },
    head,
    baseList: null,
    headList: list,
    added: [],
    removed: [],
    modified: [],
  };
}

function governanceUnavailable(evidence: {
  source: string;
  reason: string;
  internal?: true;
}): Finding {
  const missing = { kind: 'governance' as const, ...evidence };
  return unavailableFinding({
    canBlock: true,
    repository: null,
    message: `Cannot list the official repositories: ${evidence.reason}. ${adviceFor(missing)}`,
    file: PROJECTS_FILE,
    line: null,
    evidence: {
      source: evidence.source,
      kind: 'governance',
      reason: evidence.reason,
      ...(evidence.internal ? { internal: true } : {}),
    },
    citations: [
      {
        source: 'governance',
        text: `openstack/governance ${PROJECTS_FILE}, not read: ${evidence.reason}`,
        repository: 'openstack/governance',
        file: PROJECTS_FILE,
      },
    ],
  });
}
