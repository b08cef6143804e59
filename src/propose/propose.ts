import type { Proposal } from '../diff/model';
import { repositoryChanges } from '../engine/changes';
import { judgeProposal } from '../engine/check';
import type { CheckOptions } from '../engine/types';
import { UsageError } from '../errors';
import type { Evidence } from '../evidence/types';
import { isSafeRepositoryName, parseList } from '../list';
import type { ListFormat } from '../list/model';
import type { Report } from '../findings/report';
import { createEvidenceProvider } from '../sources';
import { draftFor, type Draft } from './draft';
import { existsNowhere } from './exists';

export interface ProposalDraft {
  found: true;
  draft: Draft;
  /** The entry judged as an addition to a list in its format. */
  report: Report;
}

/** The repository is in no source at all: nothing to draft (exit 1). */
export interface NowhereToBeFound {
  found: false;
  repository: string;
  message: string;
}

/** `vmt-oversight propose`: a ready entry in the list's format and how it fares per clause. */
export async function proposeRepository(
  repository: string,
  options: Pick<CheckOptions, 'sources' | 'severities'> & { format?: ListFormat },
): Promise<ProposalDraft | NowhereToBeFound> {
  if (!isSafeRepositoryName(repository)) {
    throw new UsageError(`'${repository}' is not a repository name of the form namespace/name`);
  }
  const provider = createEvidenceProvider(options.sources);
  const [governance, releases, candidate] = await Promise.all([
    provider.get('governance', repository),
    provider.get('releases', repository),
    provider.get('repository', repository),
  ]);
  const nowhere = existsNowhere(repository, governance, releases, candidate);
  if (nowhere !== null) return { found: false, repository, message: nowhere };
  const draft = draftFor(options.format ?? 'native', repository, {
    governance: valueOf(governance),
    releases: valueOf(releases),
  });
  const list = parseList(draft.file, draft.text);
  const proposal: Proposal = {
    listPath: draft.file,
    format: list.format,
    base: { label: 'NONE', commit: null },
    head: { label: 'DRAFT', commit: null },
    baseList: null,
    headList: list,
    added: list.entries,
    removed: [],
    modified: [],
  };
  const report = await judgeProposal(proposal, repositoryChanges(proposal), provider, options);
  return { found: true, draft, report };
}

function valueOf<T>(evidence: Evidence<T>): T | null {
  return evidence.status === 'available' ? evidence.value : null;
}
