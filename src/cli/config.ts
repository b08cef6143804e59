import { bothInOrder } from '../util/in-order';
import type { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { openRepository, readListFile, type ListRepository } from '../diff/git';
import { resolveRevisions, type RevisionFlags, type Revisions } from '../diff/revisions';
import { ConfigurationError } from '../errors';
import type { ConfigChange } from '../evidence/config-change';
import { configChange } from './config-change';
import { CONFIG_FILE, parseConfig, type FileConfig } from './config-schema';

export { CONFIG_FILE, parseConfig, type FileConfig, type ZuulJobConfig } from './config-schema';
import { readConfigText } from './config-file';

/** A configuration and the directory its relative paths are relative to. */
export interface LoadedConfig {
  values: FileConfig;
  dir: string;
  /** Findings about an edit of the configuration by the change under review. */
  /** What the change does to the configuration file, when it edits it. */
  configChange?: ConfigChange;
}

/** `--config FILE` (an explicit, trusted file) or `--no-config` (`false`). */
export interface ConfigFlags {
  config?: string | false;
}

export function addConfigOptions(command: Command): Command {
  return command
    .option('--config <file>', `read defaults from this file instead of ${CONFIG_FILE}`)
    .option('--no-config', `ignore ${CONFIG_FILE}`);
}

/** The repository of the change under review and the revisions it is judged between. */
export interface ReviewTarget {
  repository: ListRepository;
  revisions: Revisions;
}

/**
 * Opens the repository and resolves `--base`/`--head` on the first call only, so the
 * configuration and the diff of one run share the repository and the very same revisions.
 */
export function reviewTarget(
  flags: RevisionFlags,
  open: (repo: string) => Promise<ListRepository> = openRepository,
): (repo: string) => Promise<ReviewTarget> {
  let target: Promise<ReviewTarget> | undefined;
  return (repo) =>
    (target ??= open(repo).then(async (repository) => ({
      repository,
      revisions: await resolveRevisions(repository, flags),
    })));
}

/**
 * The configuration for judging a change. A change must not configure its own judgment (switch
 * a rule off, point at a decoy list or decoy evidence), so `.vmt-oversight.yaml` is read as it
 * is at the base revision, never from the head or the work tree.
 */
export async function configAtBase(
  repo: string,
  flags: ConfigFlags & RevisionFlags,
  target: (repo: string) => Promise<ReviewTarget> = reviewTarget(flags),
): Promise<LoadedConfig> {
  const explicit = explicitConfig(repo, flags);
  if (explicit) return explicit;
  const { repository, revisions } = await target(repo);
  const { base, head } = revisions;
  const [text, headText] = await bothInOrder(
    base.commit ? readListFile(repository, base.commit, CONFIG_FILE) : Promise.resolve(null),
    configTextAt(repository, head.commit),
  );
  const where = `${CONFIG_FILE} at ${base.label}`;
  const values = text ? parseConfig(text.toString('utf8'), where) : {};
  const baseText = text?.toString('utf8') ?? null;
  if (headText === baseText) return { values, dir: repository.root };
  const change = configChange(baseText === null ? null : values, headText);
  return { values, dir: repository.root, configChange: change };
}

async function configTextAt(repository: ListRepository, commit: string | null) {
  if (commit !== null)
    return (await readListFile(repository, commit, CONFIG_FILE))?.toString('utf8') ?? null;
  return readConfigText(join(repository.root, CONFIG_FILE), `${CONFIG_FILE} in the work tree`);
}

/** The configuration of the checkout itself (audit, propose: no change is being judged). */
export function configInWorkTree(repo: string, flags: ConfigFlags): LoadedConfig {
  const explicit = explicitConfig(repo, flags);
  if (explicit) return explicit;
  const text = readConfigText(join(repo, CONFIG_FILE), CONFIG_FILE);
  const values = text === null ? {} : parseConfig(text, CONFIG_FILE);
  return { values, dir: repo };
}

function explicitConfig(repo: string, flags: ConfigFlags): LoadedConfig | null {
  if (flags.config === false) return { values: {}, dir: repo };
  if (flags.config === undefined) return null;
  const file = resolve(flags.config);
  const text = readConfigText(file, '--config');
  if (text === null) throw new ConfigurationError(`--config: no such file: ${file}`);
  return { values: parseConfig(text, file), dir: dirname(file) };
}
