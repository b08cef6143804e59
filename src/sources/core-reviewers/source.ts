import type { CoreReviewerFacts, DataRef, GerritAccount, Lookup } from '../../evidence/types';
import type { GerritGroupMembers } from '../../evidence/types';
import { createGerritClient } from '../../gerrit/client';
import { GerritError } from '../../gerrit/errors';
import { parseGerritUrl } from '../../gerrit/url';
import { openDataDir, type DataDir } from '../data-dir';
import type { NetworkOptions } from '../net/options';
import { perRun, type EvidenceSource, type SourceRun } from '../source';
import { Unavailable } from '../unavailable';
import { aclFile, readAcl } from './acl';

/** How many `inheritFrom` steps are followed (OpenStack's chains are two long). */
const MAX_INHERIT = 5;
/** More core groups than this in one chain is not an ACL the checker knows. */
const MAX_GROUPS = 10;

const projectConfigDir = perRun((run: SourceRun) =>
  openDataDir({
    source: 'project-config',
    flag: '--project-config',
    dir: run.options.projectConfig,
    asOf: run.options.asOf,
    counter: run.counter,
  }),
);

/** The core groups of the ACL file and the files it inherits from, in order. */
async function coreGroups(data: DataDir, first: string) {
  const files: DataRef[] = [];
  const groups: string[] = [];
  let file: string | null = first;
  const seen = new Set<string>();
  for (let step = 0; file !== null && step <= MAX_INHERIT && !seen.has(file); step++) {
    seen.add(file);
    const text = (await data.read([file])).get(file);
    if (typeof text !== 'string') {
      throw new Unavailable('project-config', `${data.label} has no ${file}`);
    }
    files.push(data.ref(file));
    const acl = readAcl(text);
    for (const group of acl.coreGroups) if (!groups.includes(group)) groups.push(group);
    file = acl.inheritFrom ? `gerrit/acls/${acl.inheritFrom}.config` : null;
  }
  return { files, groups: groups.slice(0, MAX_GROUPS) };
}

async function members(
  group: string,
  net: NetworkOptions | undefined,
): Promise<Lookup<GerritGroupMembers>> {
  if (!net) return { state: 'unknown', reason: 'network sources are not enabled' };
  const site = parseGerritUrl(net.gerrit);
  const url = `${site.base}/groups/${encodeURIComponent(group)}/members/?recursive`;
  if (net.offline) {
    return { state: 'unknown', url, reason: `offline (${net.offlineBecause ?? '--offline'})` };
  }
  const client = createGerritClient({
    site,
    credentials: null,
    ...(net.dispatcher ? { dispatcher: net.dispatcher } : {}),
  });
  const started = Date.now();
  const ended = net.onRequest?.('Gerrit', `group ${group}`);
  try {
    const accounts = await client.getGroupMembers(group);
    net.log?.(`GET ${url} → 200 (${Date.now() - started} ms, ${accounts.length} members)`);
    const list: GerritAccount[] = accounts.map((a) => ({
      accountId: a._account_id,
      ...(a.name !== undefined ? { name: a.name } : {}),
      ...(a.username !== undefined ? { username: a.username } : {}),
    }));
    return { state: 'found', url, value: { group, members: list } };
  } catch (error) {
    if (!(error instanceof GerritError)) throw error;
    net.log?.(`GET ${url} → ${error.status ?? error.kind} (${Date.now() - started} ms)`);
    const reason =
      error.kind === 'not-found'
        ? `Gerrit answers 404 for group ${group}: it is not visible to anonymous callers, or does not exist`
        : error.message;
    return { state: 'unknown', url, reason };
  } finally {
    ended?.();
  }
}

/**
 * Clause 5's core reviewers: the groups with Code-Review -2..+2 in the repository's ACL file in
 * project-config (following `inheritFrom`; names are read, never guessed), and each group's
 * members from Gerrit, anonymously.
 */
export const coreReviewersSource: EvidenceSource<'coreReviewers'> = {
  id: 'gerrit',
  kind: 'coreReviewers',
  dependencies: ['projectConfig'],
  scope: 'repository',
  subject: 'the core reviewers',
  async read(repository, run): Promise<CoreReviewerFacts> {
    const projectConfig = await run.evidence('projectConfig', repository);
    if (projectConfig.status === 'unavailable') {
      throw new Unavailable(projectConfig.source, projectConfig.reason);
    }
    const gerrit = projectConfig.value.gerrit;
    if (!gerrit) {
      throw new Unavailable('project-config', `${repository} is not in gerrit/projects.yaml`);
    }
    const file = aclFile(repository, gerrit.acl);
    if (!file)
      throw new Unavailable('project-config', `acl-config ${gerrit.acl} is not an ACL path`);
    const data = await projectConfigDir(run);
    const { files, groups } = await coreGroups(data, file);
    const lookups = await Promise.all(groups.map((g) => members(g, run.options.network)));
    return { aclFiles: files, groups, members: lookups };
  },
};
