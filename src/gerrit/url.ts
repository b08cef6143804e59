import { UsageError } from '../errors';
import { defaultPort, type Origin } from './origin';

/** A Gerrit server: its base URL (no trailing slash; may have a path such as `/r`). */
export interface GerritSite extends Origin {
  base: string;
  /** The port requests go to: the URL's own, else the scheme's default. */
  port: number;
}

/** `--gerrit URL`: http(s), no credentials, no query; a trailing slash is dropped. */
export function parseGerritUrl(text: string): GerritSite {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--gerrit: '${text}' is not a URL (e.g. https://review.opendev.org)`);
  }
  if (url.username !== '' || url.password !== '') {
    // The URL itself is not repeated: it holds a secret.
    throw new UsageError(
      '--gerrit: the URL must not contain credentials; set GERRIT_USERNAME and GERRIT_PASSWORD ' +
        'or add the host to ~/.netrc',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--gerrit: '${text}' is not an http or https URL`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UsageError(`--gerrit: '${text}' must not have a query or fragment`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/a$/, '');
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  return {
    base: `${url.origin}${path}`,
    host: url.hostname,
    scheme,
    port: url.port === '' ? defaultPort(scheme) : Number(url.port),
  };
}

/** A change as named on the command line: `12345` or `openstack/governance~12345`. */
export interface ChangeRef {
  number: number;
  project: string | null;
}

export function parseChangeArgument(text: string): ChangeRef {
  const match = /^(?:(.+)~)?([1-9]\d*)$/.exec(text.trim());
  if (!match) {
    throw new UsageError(`--change: '${text}' is not a change number (or project~number)`);
  }
  return { number: Number(match[2]), project: match[1] ?? null };
}

/** The `{change-id}` of a URL: `<project>~<number>` URL-encoded (`openstack%2Fgovernance~1`). */
export function changeIdOf(ref: ChangeRef): string {
  return ref.project === null
    ? String(ref.number)
    : `${encodeURIComponent(ref.project)}~${ref.number}`;
}

/** The path of an endpoint: under `/a/` when authenticated. `path` starts with `changes/`. */
export function endpoint(site: GerritSite, path: string, authenticated: boolean): string {
  return `${site.base}/${authenticated ? 'a/' : ''}${path}`;
}
