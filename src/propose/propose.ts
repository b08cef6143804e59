import type { Proposal } from '../diff/model';
import { repositoryChanges } from '../engine/changes';
import { judgeProposal } from '../engine/check';
import type { CheckOptions } from '../engine/types';
import { UsageError } from '../errors';
import type { Evidence } from '../evidence/types';
import { isSafeRepositoryName, parseList } from '../list';
import type { Report } from '../findings/report';
import { createEvidenceProvider } from '../sources';
import { DRAFT_FILE, draftEntry, draftListText } from './draft';

export interface ProposalDraft {
  /** The native entry, as a list holding it alone. */
  text: string;
  /** The entry judged as an addition to the list. */
  report: Report;
}

/** `vmt-oversight propose`: a ready entry and how it fares against every clause. */
export async function proposeRepository(
  repository: string,
  options: Pick<CheckOptions, 'sources' | 'severities'>,
): Promise<ProposalDraft> {
  if (!isSafeRepositoryName(repository)) {
    throw new UsageError(`'${repository}' is not a repository name of the form namespace/name`);
  }
  const provider = createEvidenceProvider(options.sources);
  const [governance, releases] = await Promise.all([
    provider.get('governance', repository),
    provider.get('releases', repository),
  ]);
  const text = draftListText(draftEntry(repository, valueOf(governance), valueOf(releases)));
  const list = parseList(DRAFT_FILE, text);
  const proposal: Proposal = {
    listPath: DRAFT_FILE,
    format: 'native',
    base: { label: 'NONE', commit: null },
    head: { label: 'DRAFT', commit: null },
    baseList: null,
    headList: list,
    added: list.entries,
    removed: [],
    modified: [],
  };
  const report = await judgeProposal(proposal, repositoryChanges(proposal), provider, options);
  return { text, report };
}

function valueOf<T>(evidence: Evidence<T>): T | null {
  return evidence.status === 'available' ? evidence.value : null;
}
