import { createHash } from 'node:crypto';
import type { GitProtocol } from '../environment';

/** Where repositories are fetched from when no local checkout is given. */
export const DEFAULT_GIT_BASE_URL = 'https://opendev.org';

/** A base URL that was checked: its scheme is one git may use, it holds no credentials. */
export interface GitBaseUrl {
  /** Without a trailing slash: `https://opendev.org`, `file:///srv/mirror`. */
  readonly href: string;
  readonly protocol: GitProtocol;
}

/** Why a base URL is refused (a usage error). */
export class BaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaseUrlError';
  }
}

const PROTOCOLS: Record<string, GitProtocol> = {
  'https:': 'https',
  'http:': 'http',
  'file:': 'file',
};

/**
 * Checks a base URL: https, http or file only (never ssh, git or ext, which run programs or
 * bypass proxies), no user or password (tokens come from the environment or netrc, never from a
 * URL that would be printed), no query or fragment.
 */
export function parseBaseUrl(text: string): GitBaseUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BaseUrlError(`'${text}' is not a URL (https://host[/path], http://… or file:///dir)`);
  }
  const protocol = PROTOCOLS[url.protocol];
  if (!protocol) {
    throw new BaseUrlError(`'${text}': only https, http and file URLs are allowed`);
  }
  if (url.username || url.password) {
    throw new BaseUrlError(`'${redact(url)}': a base URL may not hold credentials`);
  }
  if (url.search || url.hash) {
    throw new BaseUrlError(`'${text}': a base URL has no query or fragment`);
  }
  return { href: url.href.replace(/\/+$/, ''), protocol };
}

/** The URL of `namespace/name` under the base (the name is checked by the caller). */
export function repositoryUrl(base: GitBaseUrl, name: string): string {
  return `${base.href}/${name}`;
}

/** A short, readable directory name per base URL, so two mirrors never share a clone. */
export function baseUrlKey(base: GitBaseUrl): string {
  const url = new URL(base.href);
  const readable = `${url.protocol.replace(':', '')}-${url.host || 'local'}`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
  return `${readable}-${createHash('sha256').update(base.href).digest('hex').slice(0, 10)}`;
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
