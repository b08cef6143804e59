import type { Finding } from '../report/finding';
import type { RepositoryChange, RuleMeta, RunSettings } from '../rules/types';
import type { MissingEvidence } from './types';

const FLAG_FOR_SOURCE: Record<string, string> = {
  governance: '--governance',
  releases: '--releases',
  'project-config': '--project-config',
  repository: '--repos-root',
  gerrit: '--gerrit and --change',
};

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
  const flag = FLAG_FOR_SOURCE[missing.source] ?? 'the evidence flags';
  const advice =
    missing.source === 'rule'
      ? 'This is a bug in vmt-oversight: please report it with the evidence.'
      : `Provide the ${missing.source} data (${flag}) and run again.`;
  return {
    rule: 'evidence-unavailable',
    clause: '—',
    severity: canBlock ? 'error' : 'warning',
    repository: change.repository,
    message:
      `Cannot check ${meta.id} (clause ${meta.clause}) for ${change.repository}: ` +
      `${missing.reason}. ${advice}`,
    file: settings.listFile,
    line: change.kind === 'removed' ? null : change.entry.location.line,
    evidence: {
      rule: meta.id,
      source: missing.source,
      kind: missing.kind,
      reason: missing.reason,
      ...(change.kind === 'removed' ? { lineAtBase: change.entry.location.line } : {}),
    },
  };
}
