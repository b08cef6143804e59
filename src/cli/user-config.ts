import { isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../errors';
import { readConfigText } from './config-file';

/**
 * A person's own settings, `~/.config/vmt-oversight/config.yaml` (XDG_CONFIG_HOME respected):
 * where their checkouts and cache are, and which git server to fetch from. It never decides
 * rules or severities (the list repository's `.vmt-oversight.yaml` at base does), and it never
 * holds tokens (those come from the environment or netrc, and are never printed).
 */
export interface UserConfig {
  governance?: string;
  releases?: string;
  'project-config'?: string;
  'repos-root'?: string;
  'cache-dir'?: string;
  'git-base-url'?: string;
  offline?: boolean;
  'stale-after-days'?: number;
}

const PATH_KEYS = ['governance', 'releases', 'project-config', 'repos-root', 'cache-dir'] as const;
const KEYS = new Set<string>([...PATH_KEYS, 'git-base-url', 'offline', 'stale-after-days']);

/** Where the user configuration is, or null when the environment names no home. */
export function userConfigFile(env: NodeJS.ProcessEnv): string | null {
  if (env.VMT_OVERSIGHT_CONFIG) return resolve(env.VMT_OVERSIGHT_CONFIG);
  const base = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : '');
  return base ? join(base, 'vmt-oversight', 'config.yaml') : null;
}

/** The user configuration (empty when there is none), paths resolved against its directory. */
export function readUserConfig(env: NodeJS.ProcessEnv): UserConfig {
  const file = userConfigFile(env);
  if (!file) return {};
  const text = readConfigText(file, file);
  return text === null ? {} : parseUserConfig(text, file);
}

export function parseUserConfig(text: string, file: string): UserConfig {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, maxAliasCount: 10 }) ?? {};
  } catch (error) {
    throw new ConfigurationError(`${file}: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigurationError(`${file} is invalid: it must be a mapping`);
  }
  const values = data as Record<string, unknown>;
  const config: UserConfig = {};
  for (const [key, value] of Object.entries(values)) {
    if (/token|password|secret/i.test(key)) {
      throw new ConfigurationError(
        `${file}: '${key}': tokens are read only from the environment or netrc, never from a file`,
      );
    }
    if (!KEYS.has(key)) throw new ConfigurationError(`${file}: unknown setting '${key}'`);
    if (key === 'offline') {
      if (typeof value !== 'boolean')
        throw new ConfigurationError(`${file}: offline is true or false`);
      config.offline = value;
    } else if (key === 'stale-after-days') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new ConfigurationError(`${file}: stale-after-days is a whole number of days`);
      }
      config['stale-after-days'] = value;
    } else {
      if (typeof value !== 'string' || value === '') {
        throw new ConfigurationError(`${file}: ${key} is a non-empty string`);
      }
      const dir = join(file, '..');
      const text =
        (PATH_KEYS as readonly string[]).includes(key) && !isAbsolute(value)
          ? resolve(dir, value)
          : value;
      (config as Record<string, string>)[key] = text;
    }
  }
  return config;
}
