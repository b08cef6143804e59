import { Option, type Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors';
import { wrongCheckout, wrongCheckoutText } from '../sources/checkout-kind';
import type { SourceOptions } from '../sources/options';
import type { Report } from '../findings/report';
import {
  cacheStaleness,
  DEFAULT_STALE_AFTER_DAYS,
  staleCheckouts,
  staleText,
} from '../sources/staleness';
import type { LoadedConfig } from './config';
import { addCacheOptions, cacheDirectory, gitCacheFor, type CacheFlags } from './git-cache';
import type { CliIO } from './io';
import { networkOptions } from './network-options';
import { terminalProgress } from './progress';
import { readUserConfig, type UserConfig } from './user-config';

/** The evidence flags shared by check, audit and vote. */
export interface EvidenceFlags extends CacheFlags {
  governance?: string;
  releases?: string;
  projectConfig?: string;
  reposRoot?: string;
  asOf?: string;
}

export function addEvidenceOptions(command: Command): Command {
  return addCacheOptions(command)
    .option('--governance <dir>', 'a checkout of openstack/governance (reference/projects.yaml)')
    .option('--releases <dir>', 'a checkout of openstack/releases (data/, deliverables/)')
    .option('--project-config <dir>', 'a checkout of openstack/project-config (zuul.d/, gerrit/)')
    .option(
      '--repos-root <dir>',
      'holds candidate repositories as <dir>/<namespace>/<name> (work trees or bare; Zuul src/opendev.org fits)',
    )
    .addOption(
      new Option('--as-of <date>', 'judge everything as it was on this date (YYYY-MM-DD)').default(
        undefined,
        'today',
      ),
    );
}

/**
 * Resolves the flags (falling back to the configuration, relative to its directory) and
 * checks that every directory given exists: a missing one is a usage error, not missing evidence.
 */
export function sourceOptions(
  flags: EvidenceFlags,
  loaded: LoadedConfig,
  today: string,
  io?: CliIO,
): SourceOptions {
  const { values: config, dir: configDir } = loaded;
  const user: UserConfig = io ? readUserConfig(io.env) : {};
  const env = io?.env ?? {};
  const dir = (flag: string, given: string | undefined, fromConfig: string | undefined) => {
    const key = flag.slice(2) as 'governance' | 'releases' | 'project-config' | 'repos-root';
    const fromEnv = env[`VMT_OVERSIGHT_${key.toUpperCase().replace('-', '_')}`];
    const fallback = fromConfig ?? user[key];
    return pathFrom(flag, given ?? (fromEnv || undefined), fallback, fromConfig ? configDir : '');
  };
  const pathFrom = (
    flag: string,
    given: string | undefined,
    fromConfig: string | undefined,
    configDir: string,
  ) =>
    given !== undefined
      ? existingDirectory(flag, resolve(given))
      : fromConfig !== undefined
        ? existingDirectory(
            flag,
            isAbsolute(fromConfig) ? fromConfig : resolve(configDir, fromConfig),
          )
        : undefined;
  const options: SourceOptions = { asOf: validDate(flags.asOf ?? today), today };
  const cache = io ? gitCacheFor(flags, user, io) : undefined;
  if (cache) options.gitCache = cache;
  const governance = dir('--governance', flags.governance, config.governance);
  const releases = dir('--releases', flags.releases, config.releases);
  const projectConfig = dir('--project-config', flags.projectConfig, config['project-config']);
  const reposRoot = dir('--repos-root', flags.reposRoot, config['repos-root']);
  if (governance) options.governance = governance;
  if (releases) options.releases = releases;
  if (projectConfig) options.projectConfig = projectConfig;
  if (reposRoot) options.reposRoot = reposRoot;
  // Without the process's io (a library caller), nothing remote is ever asked.
  if (io) {
    const cacheDir = cache ? (cacheDirectory(flags, user, io.env) ?? undefined) : undefined;
    options.network = networkOptions(flags, io, cacheDir);
  }
  return options;
}

/**
 * `sourceOptions`, with every data directory checked to be the kind of checkout its flag names:
 * a releases checkout given as `--governance` is a usage error, not missing evidence.
 */
export async function checkedSourceOptions(
  ...args: Parameters<typeof sourceOptions>
): Promise<SourceOptions> {
  const options = sourceOptions(...args);
  const given = [
    ['--governance', options.governance, 'governance'],
    ['--releases', options.releases, 'releases'],
    ['--project-config', options.projectConfig, 'project-config'],
  ] as const;
  for (const [flag, dir, kind] of given) {
    const wrong = dir === undefined ? null : await wrongCheckout(flag, dir, kind);
    if (wrong) throw new UsageError(wrongCheckoutText(wrong));
  }
  return options;
}

function existingDirectory(flag: string, path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError(`${flag}: no such directory: ${path}`);
  }
  return path;
}

function validDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--as-of: '${text}' is not a date of the form YYYY-MM-DD`);
  }
  return text;
}

/**
 * Judges with the age of the evidence said: every local data checkout older than the date
 * judged by more than the margin (`stale-after-days` in the user config,
 * VMT_OVERSIGHT_STALE_AFTER_DAYS; 30 by default), and, when the cache was not refreshed
 * (`--offline`, `--no-fetch`), when the repositories read from it were last fetched and which
 * are older than the margin. Said on stderr (one block before judging, one after) and in the
 * report's `warnings`; never a finding, never a change of verdict.
 */
export async function judgeWithStaleness(
  options: SourceOptions,
  io: CliIO,
  judge: () => Promise<Report>,
): Promise<Report> {
  const margin = staleMargin(io);
  const checkouts = (await staleCheckouts(options, margin)).map((e) => staleText(e, options.asOf));
  writeWarnings(io, checkouts);
  const report = await judge();
  const cache = options.gitCache;
  const cached =
    cache && cache.mode !== 'fetch'
      ? cacheStaleness(cache.uses(), `--${cache.mode}`, options.asOf, margin)
      : [];
  writeWarnings(io, cached);
  const warnings = [...checkouts, ...cached];
  return warnings.length === 0 ? report : { ...report, warnings };
}

function staleMargin(io: CliIO): number {
  const fromEnv = io.env.VMT_OVERSIGHT_STALE_AFTER_DAYS;
  return fromEnv !== undefined && /^\d+$/.test(fromEnv)
    ? Number(fromEnv)
    : (readUserConfig(io.env)['stale-after-days'] ?? DEFAULT_STALE_AFTER_DAYS);
}

function writeWarnings(io: CliIO, lines: readonly string[]): void {
  for (const line of lines) terminalProgress(io).line(`warning: ${line}`);
}
