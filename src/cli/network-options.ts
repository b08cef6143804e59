import { UsageError } from '../errors';
import { DEFAULT_GERRIT, DEFAULT_LAUNCHPAD_API, type NetworkOptions } from '../sources/net/options';
import type { CliIO } from './io';

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
export function networkOptions(
  flags: NetworkFlags,
  io: Pick<CliIO, 'env' | 'stderr'>,
): NetworkOptions {
  const env = io.env;
  const offlineBecause = flags.offline
    ? '--offline'
    : env.VMT_OVERSIGHT_OFFLINE === '1'
      ? 'VMT_OVERSIGHT_OFFLINE=1'
      : undefined;
  const authorization = env.LAUNCHPAD_AUTHORIZATION;
  return {
    offline: offlineBecause !== undefined,
    ...(offlineBecause ? { offlineBecause } : {}),
    launchpadApi:
      httpUrl('VMT_OVERSIGHT_LAUNCHPAD_API', env.VMT_OVERSIGHT_LAUNCHPAD_API) ??
      DEFAULT_LAUNCHPAD_API,
    gerrit: httpUrl('VMT_OVERSIGHT_GERRIT', env.VMT_OVERSIGHT_GERRIT) ?? DEFAULT_GERRIT,
    ...(authorization ? { launchpadAuthorization: authorization } : {}),
    ...(flags.verbose ? { log: (line: string) => void io.stderr.write(`${line}\n`) } : {}),
  };
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
