import type { Proposal } from '../diff/model';
import type { OversightList } from '../list/model';
import type { Report } from '../report/report';
import { createEvidenceProvider } from '../sources';
import { auditChanges } from './changes';
import { judgeProposal } from './check';
import type { CheckOptions } from './types';

/** `vmt-oversight audit`: judge every entry of the list as it stands. */
export async function auditList(
  list: OversightList,
  options: Pick<CheckOptions, 'sources' | 'severities' | 'progress'>,
): Promise<Report> {
  const proposal: Proposal = {
    listPath: list.path,
    format: list.format,
    base: { label: 'none', commit: null },
    head: { label: 'WORKTREE', commit: null },
    baseList: null,
    headList: list,
    added: [],
    removed: [],
    modified: [],
  };
  const provider = createEvidenceProvider(options.sources);
  return judgeProposal(proposal, auditChanges(list), provider, options);
}
