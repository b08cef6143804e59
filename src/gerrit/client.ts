import type { Credentials } from './credentials';
import { GerritError, type RequestContext } from './errors';
import { send, type TransportOptions } from './http';
import { parseGerritJson } from './json';
import { accountListValidator, changeInfoValidator, reviewResultValidator } from './schemas';
import type { AccountInfo, ChangeInfo, ReviewInput, ReviewResult } from './types';
import { changeIdOf, endpoint, type ChangeRef, type GerritSite } from './url';

/** ListChangesOption values this tool asks for. */
export type ChangeOption =
  'CURRENT_REVISION' | 'CURRENT_FILES' | 'DETAILED_LABELS' | 'DETAILED_ACCOUNTS' | 'MESSAGES';

/** What team-consent reads: the uploader, the owner and the Code-Review votes, with emails. */
export const CHANGE_FACT_OPTIONS: readonly ChangeOption[] = [
  'CURRENT_REVISION',
  'CURRENT_FILES',
  'DETAILED_LABELS',
  'DETAILED_ACCOUNTS',
];

export interface GerritClientOptions extends TransportOptions {
  site: GerritSite;
  /** With credentials every call goes under `/a/` with HTTP Basic; without, it is anonymous. */
  credentials: Credentials | null;
}

export interface PostedReview {
  result: ReviewResult;
  /** True when the POST's answer was lost and the review was found by reading the change. */
  confirmedByReadBack: boolean;
}

export interface GerritClient {
  readonly authenticated: boolean;
  getChange(ref: ChangeRef, options: readonly ChangeOption[]): Promise<ChangeInfo>;
  /**
   * Posts one review on `revision` of `change` (read with MESSAGES, so a lost answer can be
   * checked against the messages that were there before). Never posts twice.
   */
  postReview(change: ChangeInfo, revision: string, input: ReviewInput): Promise<PostedReview>;
  /**
   * The members of a group by name, included groups resolved (`?recursive`). Gerrit leaves out
   * members of groups the caller cannot see, and answers 404 for a group it cannot see at all.
   */
  getGroupMembers(group: string): Promise<AccountInfo[]>;
}

export function createGerritClient(options: GerritClientOptions): GerritClient {
  const { site, credentials } = options;
  const context = (operation: string): RequestContext => ({
    operation,
    host: site.host,
    ...(credentials ? { credentialSource: credentials.source } : {}),
  });

  async function getChange(ref: ChangeRef, opts: readonly ChangeOption[]): Promise<ChangeInfo> {
    const query = opts.map((o) => `o=${o}`).join('&');
    const path = `changes/${changeIdOf(ref)}${query ? `?${query}` : ''}`;
    const body = await send(
      {
        method: 'GET',
        url: endpoint(site, path, credentials !== null),
        credentials,
        context: context(`read change ${ref.number}`),
      },
      options,
    );
    const change = parseGerritJson(body, changeInfoValidator(), `the read of change ${ref.number}`);
    checkIsChange(change, ref);
    return change;
  }

  async function postReview(
    change: ChangeInfo,
    revision: string,
    input: ReviewInput,
  ): Promise<PostedReview> {
    if (!credentials) throw new GerritError('credentials', 'posting a review needs credentials');
    const ref = { project: change.project, number: change._number };
    const path = `changes/${changeIdOf(ref)}/revisions/${encodeURIComponent(revision)}/review`;
    const request = {
      method: 'POST' as const,
      url: endpoint(site, path, true),
      body: input,
      credentials,
      context: context(`post the review on change ${change._number}`),
    };
    let body: string;
    try {
      body = await send(request, options);
    } catch (error) {
      if (!(error instanceof GerritError) || error.kind !== 'outcome-unknown') throw error;
      return readBack(change, revision, input, error);
    }
    const result = readReviewResult(body, change._number);
    checkLabels(input, result, change._number);
    return { result, confirmedByReadBack: false };
  }

  /** After a lost answer: is there a new message with our tag on that patch set? */
  async function readBack(
    change: ChangeInfo,
    revision: string,
    input: ReviewInput,
    lost: GerritError,
  ): Promise<PostedReview> {
    const patchSet = change.revisions?.[revision]?._number;
    const known = new Set((change.messages ?? []).map((m) => m.id));
    let after: ChangeInfo;
    try {
      after = await getChange({ project: change.project, number: change._number }, ['MESSAGES']);
    } catch {
      throw new GerritError(
        'outcome-unknown',
        `${lost.message}, and reading the change back failed: check change ${change._number} ` +
          'for a review from vmt-oversight before running vote again',
        lost.status,
      );
    }
    const posted = (after.messages ?? []).some(
      (m) => !known.has(m.id) && m.tag === input.tag && m._revision_number === patchSet,
    );
    if (posted) return { result: {}, confirmedByReadBack: true };
    throw new GerritError(
      'outcome-unknown',
      `${lost.message}; change ${change._number} shows no new review from vmt-oversight yet. ` +
        'Check the change before running vote again',
      lost.status,
    );
  }

  async function getGroupMembers(group: string): Promise<AccountInfo[]> {
    const path = `groups/${encodeURIComponent(group)}/members/?recursive`;
    const body = await send(
      {
        method: 'GET',
        url: endpoint(site, path, credentials !== null),
        credentials,
        context: context(`read the members of group ${group}`),
      },
      options,
    );
    return parseGerritJson(body, accountListValidator(), `the members of group ${group}`);
  }

  return { authenticated: credentials !== null, getChange, postReview, getGroupMembers };
}

/** The answer must be about the change asked for: another one's votes are no evidence. */
function checkIsChange(change: ChangeInfo, ref: ChangeRef): void {
  if (change._number !== ref.number || (ref.project !== null && change.project !== ref.project)) {
    throw new GerritError(
      'protocol',
      `Gerrit answered the read of change ${ref.project !== null ? `${ref.project}~` : ''}` +
        `${ref.number} with change ${change.project}~${change._number}`,
    );
  }
}

/** A 2xx answer that is no ReviewResult is no success: say the review may be there. */
function readReviewResult(body: string, change: number): ReviewResult {
  try {
    return parseGerritJson(body, reviewResultValidator(), 'the review');
  } catch (error) {
    if (!(error instanceof GerritError)) throw error;
    throw new GerritError(
      'protocol',
      `${error.message}. The review may or may not have been posted: check change ${change} ` +
        'before running vote again',
    );
  }
}

/** Gerrit drops an unknown label silently (unless change.strictLabels): say so. */
function checkLabels(input: ReviewInput, result: ReviewResult, change: number): void {
  for (const label of Object.keys(input.labels ?? {})) {
    if (result.labels?.[label] === undefined) {
      throw new GerritError(
        'label-ignored',
        `Gerrit posted the review on change ${change} but did not apply the label "${label}": ` +
          'the project has no such label, or the value is not valid for it (see --label)',
      );
    }
  }
}
