import { UsageError } from '../errors';
import { mayCarryCredentials } from '../gerrit/origin';
import {
  DEFAULT_GERRIT,
  DEFAULT_GITHUB_API,
  DEFAULT_GITHUB_WEB,
  DEFAULT_LAUNCHPAD_API,
  type GitHubSettings,
  type GitHubUse,
  type NetworkOptions,
} from '../sources/net/options';
import type { CliIO } from './io';
import { terminalProgress } from './progress';

export interface NetworkFlags {
  offline?: boolean;
  verbose?: boolean;
}

/**
 * The remote services, on by default on a user's machine. Offline with `--offline` or
 * `VMT_OVERSIGHT_OFFLINE=1` (the test suite and `npm start` set it). URLs from
 * `VMT_OVERSIGHT_LAUNCHPAD_API` and `VMT_OVERSIGHT_GERRIT`; the Launchpad authorization (for the
 * VMT grant) only from `LAUNCHPAD_AUTHORIZATION`, never printed.
 */
export function networkOptions(flags: NetworkFlags, io: CliIO, cacheDir?: string): NetworkOptions {
  const env = io.env;
  const progress = terminalProgress(io);
  const offlineBecause = flags.offline
    ? '--offline'
    : env.VMT_OVERSIGHT_OFFLINE === '1'
      ? 'VMT_OVERSIGHT_OFFLINE=1'
      : undefined;
  const authorization = env.LAUNCHPAD_AUTHORIZATION;
  const launchpadApi =
    httpUrl('VMT_OVERSIGHT_LAUNCHPAD_API', env.VMT_OVERSIGHT_LAUNCHPAD_API) ??
    DEFAULT_LAUNCHPAD_API;
  if (authorization) {
    requireSafeTransport('LAUNCHPAD_AUTHORIZATION', 'VMT_OVERSIGHT_LAUNCHPAD_API', launchpadApi);
  }
  return {
    offline: offlineBecause !== undefined,
    ...(offlineBecause ? { offlineBecause } : {}),
    launchpadApi,
    gerrit: httpUrl('VMT_OVERSIGHT_GERRIT', env.VMT_OVERSIGHT_GERRIT) ?? DEFAULT_GERRIT,
    ...(authorization ? { launchpadAuthorization: authorization } : {}),
    github: githubSettings(env, cacheDir),
    onRequest: (service, item) => {
      progress.begin('asking', `${service} ${item}`);
      return () => progress.end('asking', `${service} ${item}`);
    },
    ...(flags.verbose ? { log: (line: string) => progress.line(line) } : {}),
  };
}

const GITHUB_USE: Record<string, GitHubUse> = {
  '': 'fallback',
  fallback: 'fallback',
  '1': 'always',
  always: 'always',
  '0': 'never',
  never: 'never',
};

/**
 * GitHub mirrors: `VMT_OVERSIGHT_GITHUB` is `fallback` (the default: when the git cache cannot
 * have a candidate), `1`/`always` (instead of the cache) or `0`/`never`. The API from
 * `VMT_OVERSIGHT_GITHUB_API`; the token only from `GITHUB_TOKEN`, never printed.
 */
function githubSettings(env: NodeJS.ProcessEnv, cacheDir: string | undefined): GitHubSettings {
  const use = GITHUB_USE[env.VMT_OVERSIGHT_GITHUB ?? ''];
  if (!use) {
    throw new UsageError(
      `VMT_OVERSIGHT_GITHUB: '${env.VMT_OVERSIGHT_GITHUB}' is not fallback, always (1) or never (0)`,
    );
  }
  const token = env.GITHUB_TOKEN;
  const api =
    httpUrl('VMT_OVERSIGHT_GITHUB_API', env.VMT_OVERSIGHT_GITHUB_API) ?? DEFAULT_GITHUB_API;
  if (token) requireSafeTransport('GITHUB_TOKEN', 'VMT_OVERSIGHT_GITHUB_API', api);
  return {
    use,
    api,
    web: DEFAULT_GITHUB_WEB,
    ...(token ? { token } : {}),
    ...(cacheDir ? { cacheDir } : {}),
  };
}

/**
 * A secret goes only over https, or plain http to this machine (the rule of `vote --gerrit`):
 * anything else is a usage error before any request, so the secret is never sent.
 */
function requireSafeTransport(secret: string, variable: string, url: string): void {
  const parsed = new URL(url);
  const scheme = parsed.protocol === 'https:' ? 'https' : 'http';
  if (mayCarryCredentials({ scheme, host: parsed.hostname })) return;
  throw new UsageError(
    `${secret} is set, but ${variable} is '${url}': a credential is sent only over https, or ` +
      'plain http only to localhost, 127.0.0.0/8 or ::1; use https or unset the credential',
  );
}

function httpUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${name}: '${value}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${name}: '${value}' is not an http or https URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`${name}: the URL must not contain credentials`);
  }
  return value.replace(/\/+$/, '');
}
