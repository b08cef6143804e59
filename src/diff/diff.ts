import { bothInOrder } from '../util/in-order';
import { UsageError } from '../errors';
import type { OversightList } from '../list/model';
import { parseList } from '../list/parse';
import { computeProposal } from './compute';
import {
  chooseList,
  describeRevision,
  openRepository,
  readListFile,
  renamedFrom,
  type ListChoice,
  type ListRepository,
} from './git';
import type { Proposal, Revision, SecondLists } from './model';
import { resolveRevisions, type RevisionFlags, type Revisions } from './revisions';
import { validateListPath } from './validate';

export interface LoadProposalOptions extends RevisionFlags {
  /** Any directory inside the list's git work tree. */
  repo: string;
  /**
   * The list's path from the repository root; default: the first of `LIST_CANDIDATES` at base,
   * followed to head (see `chooseList`).
   */
  list?: string;
  /** `repo` already opened in this run (the configuration read it): what git said is reused. */
  repository?: ListRepository;
  /**
   * The revisions already resolved in this run (the configuration was read at this base); when
   * given, `base` and `head` are not looked at. Otherwise they are resolved by `resolveRevisions`.
   */
  revisions?: Revisions;
  /**
   * Parse the lists once this settles: the run's data files (governance, project-config), whose
   * parsing warms up the YAML code. Parsed first, cold, the lists took a check of 60
   * repositories 5% more CPU.
   */
  warmUp?: Promise<unknown>;
  /**
   * Told the list's bytes at base and head once both are read, before they are parsed (which
   * waits for `warmUp`): for a run to get ready for a big change sooner. Not told when the list
   * is new or deleted.
   */
  onRead?: (base: Buffer, head: Buffer) => void;
}

type ParseList = (path: string, content: Buffer) => Promise<OversightList>;

/** Reads the list at base and head from git and computes the proposal. */
export async function loadProposal(options: LoadProposalOptions): Promise<Proposal> {
  const list = options.list === undefined ? undefined : validateListPath(options.list);
  const repo = options.repository ?? (await openRepository(options.repo));
  const revisions = options.revisions ?? (await resolveRevisions(repo, options));
  const { base, head } = revisions;
  const parse = listParsers(options);

  if (list !== undefined) {
    const [headList, baseList] = await bothInOrder(
      readHeadList(repo, head, list, parse.head),
      readBaseList(repo, base, head, list, parse.base),
    );
    return computeProposal(baseList, headList, revisions);
  }
  const choice = await chooseList(repo, base, head);
  if (choice.base === null) {
    // No list at base: the list is new (or renamed from a path that is not a candidate).
    const headList = await readHeadList(repo, head, choice.head, parse.head);
    const baseList = await readBaseList(repo, base, head, choice.head, parse.base);
    return withSecondLists(computeProposal(baseList, headList, revisions), headList, choice);
  }
  const baseList = await readListAt(repo, base, choice.base, parse.base);
  const headList =
    choice.head === null
      ? deletedList(baseList)
      : await readHeadList(repo, head, choice.head, parse.head);
  return withSecondLists(computeProposal(baseList, headList, revisions), headList, choice);
}

/**
 * The parse of the list at each side, after `warmUp`; `onRead` is told both sides' bytes as soon
 * as the second is read.
 */
function listParsers(options: LoadProposalOptions): { base: ParseList; head: ParseList } {
  const read: { base?: Buffer; head?: Buffer } = {};
  let told = false;
  const side =
    (name: 'base' | 'head'): ParseList =>
    async (path, content) => {
      read[name] = content;
      if (!told && read.base && read.head) {
        told = true;
        options.onRead?.(read.base, read.head);
      }
      await options.warmUp;
      return parseList(path, content);
    };
  return { base: side('base'), head: side('head') };
}

async function readHeadList(
  repo: ListRepository,
  head: Revision,
  listPath: string,
  parse: ParseList,
): Promise<OversightList> {
  const content = await readListFile(repo, head.commit, listPath);
  if (content === null) {
    throw new UsageError(`the list '${listPath}' does not exist in ${describeRevision(head)}`);
  }
  return parse(listPath, content);
}

/** The list at a base commit where `chooseList` found it. */
async function readListAt(
  repo: ListRepository,
  base: Revision,
  listPath: string,
  parse: ParseList,
): Promise<OversightList> {
  const content = base.commit === null ? null : await readListFile(repo, base.commit, listPath);
  if (content === null) throw new Error(`the list '${listPath}' vanished at ${base.label}`);
  return parse(listPath, content);
}

/**
 * The head list of a change that deletes the list: empty, in the format it had, so every entry
 * is removed and the removal rule judges each one.
 */
function deletedList(baseList: OversightList): OversightList {
  return {
    path: baseList.path,
    format: baseList.format,
    entries: [],
    duplicates: [],
    problems: [],
  };
}

/**
 * A list file the change adds beside the list it is judged on would go unjudged: recorded on the
 * proposal for list-consistency to judge.
 */
function withSecondLists(
  proposal: Proposal,
  headList: OversightList,
  choice: ListChoice,
): Proposal {
  if (choice.added.length === 0) return proposal;
  const secondLists: SecondLists = {
    paths: choice.added,
    listed: choice.head ?? choice.base ?? headList.path,
    listDeleted: choice.head === null,
    listIsNew: choice.base === null,
  };
  return { ...proposal, secondLists };
}

/**
 * The list at base for a list path given or found at head: under the same path, else under its
 * old name when the change renamed it; null when it was not there.
 */
async function readBaseList(
  repo: ListRepository,
  base: Revision,
  head: Revision,
  listPath: string,
  parse: ParseList,
): Promise<OversightList | null> {
  if (base.commit === null) return null;
  const content = await readListFile(repo, base.commit, listPath);
  if (content !== null) return parse(listPath, content);
  const oldPath = await renamedFrom(repo, base.commit, head.commit, listPath);
  if (oldPath === null) return null;
  const oldContent = await readListFile(repo, base.commit, oldPath);
  return oldContent === null ? null : parse(oldPath, oldContent);
}
