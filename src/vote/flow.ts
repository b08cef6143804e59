import { UsageError } from '../errors';
import type { CheckOptions } from '../engine/types';
import { changedFiles, currentRevision } from '../gerrit/change';
import { changeFacts } from '../sources/gerrit-facts';
import { CHANGE_FACT_OPTIONS, createGerritClient, type GerritClient } from '../gerrit/client';
import { findCredentials } from '../gerrit/credentials';
import { GerritError } from '../gerrit/errors';
import { defaultPort, mayCarryCredentials } from '../gerrit/origin';
import type { ChangeInfo, ReviewInput } from '../gerrit/types';
import { parseChangeArgument, parseGerritUrl, type GerritSite } from '../gerrit/url';
import { buildReviewInput } from '../report/gerrit';
import { visible } from '../util/visible';
import type { Report } from '../findings/report';
import { resolveCommit } from './local-commit';
import type { VoteDependencies, VoteOptions } from './options';

export interface VoteTarget {
  number: number;
  project: string;
  revision: string;
  patchSet: number;
  url: string;
}

export interface VoteOutcome {
  report: Report;
  target: VoteTarget;
  /** The ReviewInput posted (or, on a dry run, that would have been). */
  review: ReviewInput;
  posted: boolean;
  /** The POST's answer was lost and the review was found on the change afterwards. */
  confirmedByReadBack: boolean;
  /** 0 pass, 1 fail, 3 inconclusive. */
  exitCode: 0 | 1 | 3;
}

/**
 * `vmt-oversight vote`: read the change (refusing a closed change or a stale revision), judge
 * the revision with `runCheck`, and post exactly one review on it.
 */
export async function runVote(options: VoteOptions, deps: VoteDependencies): Promise<VoteOutcome> {
  const site = parseGerritUrl(options.gerrit);
  const ref = parseChangeArgument(options.change);
  const client = clientFor(site, options, deps);
  const change = await client.getChange(ref, [...CHANGE_FACT_OPTIONS, 'MESSAGES']);
  const target = await checkTarget(site, change, options);
  const report = await deps.runCheck(checkOptions(options.check, site, change, target.revision));
  const review = buildReviewInput(report, {
    label: options.label,
    notify: options.notify,
    files: changedFiles(change),
  });
  const exitCode = report.verdict === 'pass' ? 0 : report.verdict === 'fail' ? 1 : 3;
  if (options.dryRun) {
    return { report, target, review, posted: false, confirmedByReadBack: false, exitCode };
  }
  const posted = await client.postReview(change, target.revision, review);
  return {
    report,
    target,
    review,
    posted: true,
    confirmedByReadBack: posted.confirmedByReadBack,
    exitCode,
  };
}

function clientFor(site: GerritSite, options: VoteOptions, deps: VoteDependencies): GerritClient {
  const credentials = findCredentials({
    env: options.env,
    site,
    ...(options.home !== undefined ? { home: options.home } : {}),
  });
  if (credentials !== null && !mayCarryCredentials(site)) {
    throw new UsageError(
      `--gerrit: ${site.base} is plain http, so the credentials from ${credentials.source} ` +
        'would cross the network readable by anyone on the path. They are sent only over https ' +
        '(or plain http to this machine: localhost, 127.0.0.0/8, ::1): use ' +
        `${site.base.replace(/^http:/, 'https:')}, or an SSH tunnel to localhost. Nothing was sent.`,
    );
  }
  if (credentials === null && !options.dryRun) {
    throw new GerritError(
      'credentials',
      `voting needs Gerrit credentials for ${site.host}: set GERRIT_USERNAME and GERRIT_PASSWORD ` +
        `(or GERRIT_HTTP_PASSWORD), or add a "machine ${netrcMachine(site)}" entry to ~/.netrc`,
    );
  }
  return createGerritClient({ ...deps.transport, site, credentials });
}

/** The netrc `machine` that matches the site: the port only when it is not the default. */
function netrcMachine(site: GerritSite): string {
  return site.port === defaultPort(site.scheme) ? site.host : `${site.host}:${site.port}`;
}

/**
 * The revision to vote on: it must be the change's current one, and the change must be open.
 * (That the answer is about the change asked for, project included, the client has checked.)
 */
async function checkTarget(
  site: GerritSite,
  change: ChangeInfo,
  options: VoteOptions,
): Promise<VoteTarget> {
  if (change.status !== 'NEW') {
    throw new GerritError(
      'conflict',
      `change ${change._number} is ${change.status.toLowerCase()}: vmt-oversight votes only on open changes`,
    );
  }
  const { sha, revision } = currentRevision(change);
  const local = await localRevision(options);
  if (local.sha !== sha) {
    throw new UsageError(
      `refusing to vote on a stale revision: ${local.flag === 'HEAD' ? "the checkout's HEAD" : local.flag} is ${local.sha}, but the current ` +
        `revision of change ${change._number} is ${sha} (patch set ${revision._number}). ` +
        `Fetch it (git review -d ${change._number}) and run again.`,
    );
  }
  return {
    number: change._number,
    project: visible(change.project),
    revision: sha,
    patchSet: revision._number,
    url: changeFacts(site, change).url,
  };
}

async function localRevision(options: VoteOptions): Promise<{ sha: string; flag: string }> {
  const { repo, head } = options.check;
  if (options.revision === undefined) {
    const flag = head !== undefined ? '--head' : 'HEAD';
    return { sha: await resolveCommit(repo, head ?? 'HEAD', flag), flag };
  }
  const sha = await resolveCommit(repo, options.revision, '--revision');
  if (head !== undefined && (await resolveCommit(repo, head, '--head')) !== sha) {
    throw new UsageError(`--revision ${options.revision} and --head ${head} are different commits`);
  }
  return { sha, flag: '--revision' };
}

/** Judge exactly the revision voted on, against its parent, with the change's own facts. */
function checkOptions(
  check: CheckOptions,
  site: GerritSite,
  change: ChangeInfo,
  revision: string,
): CheckOptions {
  const facts = changeFacts(site, change);
  return {
    ...check,
    head: revision,
    base: check.base ?? `${revision}^`,
    sources: {
      ...check.sources,
      change: () => Promise.resolve({ status: 'available', value: facts }),
    },
  };
}
