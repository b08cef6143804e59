/** What a change does to the scope of oversight: the list made to mean every official repository. */
import type { ScopeChange } from '../../diff/model';
import type { AllOfficialScope } from '../../list/model';
import type { Citation, Finding } from '../../findings/finding';
import type { RuleReport } from '../define';

/** The TC resolution that made the VMT oversee every official repository (2025). */
export const RESOLUTION_URL =
  'https://governance.openstack.org/tc/resolutions/20250317-extend-scope-VMT-cover-all-projects.html';

export const SCOPE_MESSAGES = {
  oversightWidened:
    'Oversight widened: the list now says "{{clause}}", which means every repository of every ' +
    'official team (TC resolution 20250317), instead of the {{count}} repositories it listed. ' +
    'Each of those stays overseen while governance lists it as official (the removal rule ' +
    'judges any that it does not); the repositories newly overseen are not judged by this ' +
    'check: run `vmt-oversight audit --all-official` to judge every official repository.',
  oversightNarrowed:
    'Oversight narrowed: the list no longer says "{{clause}}" (every repository of every ' +
    'official team, TC resolution 20250317) and names {{count}} repositories instead, so every ' +
    'other official repository would leave oversight, which only a removal that keeps ' +
    'maintained branches covered may do. Judge what leaves with ' +
    '`vmt-oversight audit --all-official` at the base, or keep the sentence.',
} as const;

export type ScopeMessageId = keyof typeof SCOPE_MESSAGES;

/** The finding for a change of scope: widened is a warning for reviewers, narrowed blocks. */
export function scopeReport(change: ScopeChange, listFile: string): RuleReport<ScopeMessageId> {
  const { scope, listed } = change;
  const widened = change.kind === 'widened';
  return {
    messageId: widened ? 'oversightWidened' : 'oversightNarrowed',
    data: { clause: scope.clause, count: listed.length },
    severity: widened ? 'warning' : 'error',
    line: scope.line,
    cite: {
      clause: scope.clause,
      line: scope.line,
      resolution: RESOLUTION_URL,
      [widened ? 'listedAtBase' : 'listedAtHead']: listed,
    },
    citations: scopeCitations(scope.clause, listFile, scope.line),
  };
}

/** The page's sentence, where it is, and the TC resolution behind it. */
export function scopeCitations(clause: string, file: string, line: number): Citation[] {
  return [
    { source: 'list', text: `"${clause}"`, file, line },
    {
      source: 'governance',
      text: 'TC resolution 20250317: the VMT oversees every official repository',
      repository: 'openstack/governance',
      url: RESOLUTION_URL,
    },
  ];
}

/**
 * The note an audit of such a page starts with (the engine adds it, since it is about what the
 * audit judges, not about a change): every official repository is judged instead of the page.
 */
export function auditedAllOfficial(file: string, scope: AllOfficialScope): Finding {
  return {
    rule: 'list-consistency',
    clause: '—',
    severity: 'info',
    repository: null,
    message:
      `The list says "${scope.clause}" (TC resolution 20250317): it means every repository of ` +
      'every official team, so the audit judges every official repository in governance ' +
      'reference/projects.yaml, as `vmt-oversight audit --all-official` does.',
    file,
    line: scope.line,
    evidence: { clause: scope.clause, line: scope.line, resolution: RESOLUTION_URL },
    citations: scopeCitations(scope.clause, file, scope.line),
  };
}
