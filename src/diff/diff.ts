import { UsageError } from '../errors';
import type { OversightList } from '../list/model';
import { parseList } from '../list/parse';
import { computeProposal } from './compute';
import {
  defaultBase,
  describeRevision,
  locateList,
  openRepository,
  readListFile,
  renamedFrom,
  resolveRevision,
  worktreeRevision,
  type ListRepository,
} from './git';
import type { Proposal, Revision } from './model';
import { validateListPath, validateRevision } from './validate';

export { changedFieldsOf, computeProposal, type ProposalRevisions } from './compute';

export interface LoadProposalOptions {
  /** Any directory inside the list's git work tree. */
  repo: string;
  /** The list's path from the repository root; default: the first of `LIST_CANDIDATES`. */
  list?: string;
  /** Default: merge-base of head with `@{upstream}`, else head's parent. */
  base?: string;
  /** Default: the work tree, uncommitted edits included. */
  head?: string;
  /** `repo` already opened in this run (the configuration read it): what git said is reused. */
  repository?: ListRepository;
}

/** Reads the list at base and head from git and computes the proposal. */
export async function loadProposal(options: LoadProposalOptions): Promise<Proposal> {
  // Validate everything the user gave before anything reaches git.
  const list = options.list === undefined ? undefined : validateListPath(options.list);
  const baseRev = options.base === undefined ? undefined : validateRevision(options.base, '--base');
  const headRev = options.head === undefined ? undefined : validateRevision(options.head, '--head');

  const repo = options.repository ?? (await openRepository(options.repo));
  const head =
    headRev === undefined ? worktreeRevision() : await resolveRevision(repo, headRev, '--head');
  const base =
    baseRev === undefined
      ? await defaultBase(repo, head)
      : await resolveRevision(repo, baseRev, '--base');
  const listPath = list ?? (await locateList(repo, head));

  const headContent = await readListFile(repo, head.commit, listPath);
  if (headContent === null) {
    throw new UsageError(`the list '${listPath}' does not exist in ${describeRevision(head)}`);
  }
  const baseList = await readBaseList(repo, base, head, listPath);
  return computeProposal(baseList, parseList(listPath, headContent), { base, head });
}

/** The list at base, under its old name when the change renamed it; null when it was not there. */
async function readBaseList(
  repo: ListRepository,
  base: Revision,
  head: Revision,
  listPath: string,
): Promise<OversightList | null> {
  if (base.commit === null) return null;
  const content = await readListFile(repo, base.commit, listPath);
  if (content !== null) return parseList(listPath, content);
  const oldPath = await renamedFrom(repo, base.commit, head.commit, listPath);
  if (oldPath === null) return null;
  const oldContent = await readListFile(repo, base.commit, oldPath);
  return oldContent === null ? null : parseList(oldPath, oldContent);
}
