/**
 * Where credentials may go. HTTP Basic over plain `http:` is readable by anyone on the path, so
 * credentials travel only over `https:`, or over `http:` to this machine (loopback: a local
 * Gerrit, a test server, an SSH tunnel).
 */

export type Scheme = 'http' | 'https';

export interface Origin {
  scheme: Scheme;
  /** As `URL.hostname` spells it: lower case, IPv6 in brackets (`[::1]`). */
  host: string;
}

/** `localhost`, 127.0.0.0/8 or `::1`; `URL` has already normalised `127.1` or `0x7f.0.0.1`. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function mayCarryCredentials(origin: Origin): boolean {
  return origin.scheme === 'https' || isLoopbackHost(origin.host);
}

export function defaultPort(scheme: Scheme): number {
  return scheme === 'https' ? 443 : 80;
}
