/**
 * A `.netrc` reader (the format of ftp(1), curl and Python's netrc): `machine HOST login USER
 * password SECRET` entries, an optional `default` entry, `account` (ignored), `macdef` bodies
 * (skipped up to the next blank line), `#` comments, and double-quoted tokens with `\` escapes.
 */

export interface NetrcEntry {
  /** The host name, or null for the `default` entry. */
  machine: string | null;
  login?: string;
  password?: string;
}

interface Token {
  text: string;
  end: number;
}

export function parseNetrc(text: string): NetrcEntry[] {
  const entries: NetrcEntry[] = [];
  let current: NetrcEntry | null = null;
  let position = 0;
  for (;;) {
    const token = nextToken(text, position);
    if (!token) break;
    position = token.end;
    const value = (): string | undefined => {
      const next = nextToken(text, position);
      if (!next) return undefined;
      position = next.end;
      return next.text;
    };
    switch (token.text) {
      case 'machine':
        current = { machine: (value() ?? '').toLowerCase() };
        entries.push(current);
        break;
      case 'default':
        current = { machine: null };
        entries.push(current);
        break;
      case 'login':
      case 'password':
      case 'account': {
        const field = value();
        if (current && field !== undefined && token.text !== 'account') current[token.text] = field;
        break;
      }
      case 'macdef':
        value();
        position = endOfMacro(text, position);
        current = null;
        break;
      default:
        // An unknown token: skip it, as curl does.
        break;
    }
  }
  return entries;
}

/** The server a credential is looked up for. */
export interface NetrcTarget {
  /** As `URL.hostname` spells it (IPv6 in brackets). */
  host: string;
  /** The port the request goes to. */
  port: number;
  /** The port a `machine` without one stands for: the scheme's default (443 for https). */
  defaultPort: number;
}

/**
 * The first entry whose `machine` is exactly the host (case-insensitive: no suffix or prefix
 * match) on the same port, else the `default` entry. A `machine` may name a port
 * (`review.example.org:8443`, `[::1]:8080`); without one it stands for the scheme's default
 * port, so it is not sent to another port the URL names.
 */
export function netrcEntryFor(
  entries: readonly NetrcEntry[],
  target: NetrcTarget,
): NetrcEntry | null {
  const host = bare(target.host.toLowerCase());
  const matches = (machine: string): boolean => {
    const named = machineAddress(machine);
    return named.host === host && (named.port ?? target.defaultPort) === target.port;
  };
  return (
    entries.find((e) => e.machine !== null && matches(e.machine)) ??
    entries.find((e) => e.machine === null) ??
    null
  );
}

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address (several colons, no port). */
function machineAddress(machine: string): { host: string; port: number | null } {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(machine);
  if (bracketed) return { host: bracketed[1] ?? '', port: portOf(bracketed[2]) };
  const withPort = /^([^:]*):(\d+)$/.exec(machine);
  if (withPort) return { host: withPort[1] ?? '', port: portOf(withPort[2]) };
  return { host: machine, port: null };
}

function portOf(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function nextToken(text: string, from: number): Token | null {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (i >= text.length) return null;
    if (text.charAt(i) !== '#') break;
    while (i < text.length && text.charAt(i) !== '\n') i++;
  }
  return text.charAt(i) === '"' ? quoted(text, i + 1) : unquoted(text, i);
}

function unquoted(text: string, start: number): Token {
  let end = start;
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  return { text: text.slice(start, end), end };
}

function quoted(text: string, start: number): Token {
  let value = '';
  let i = start;
  while (i < text.length && text.charAt(i) !== '"') {
    if (text.charAt(i) === '\\' && i + 1 < text.length) i++;
    value += text.charAt(i);
    i++;
  }
  return { text: value, end: Math.min(i + 1, text.length) };
}

/** A macro body runs from the line after `macdef NAME` to the next empty line. */
function endOfMacro(text: string, from: number): number {
  const lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0) return text.length;
  const blank = /\n[ \t]*(\r?\n|$)/.exec(text.slice(lineEnd));
  return blank ? lineEnd + blank.index + blank[0].length : text.length;
}
