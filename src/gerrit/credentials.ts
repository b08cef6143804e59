import { homedir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { FileRefusedError, readRegularFileSync } from '../util/regular-file';
import { GerritError } from './errors';
import { netrcEntryFor, parseNetrc } from './netrc';
import { defaultPort, type Origin } from './origin';

/**
 * An HTTP credential for Gerrit's `/a/` endpoints. The values stay private: printing, logging or
 * serialising the object shows only where it came from.
 */
export class Credentials {
  readonly #username: string;
  readonly #password: string;

  constructor(
    username: string,
    password: string,
    /** `the environment (GERRIT_USERNAME)` or `~/.netrc` — never a value. */
    readonly source: string,
  ) {
    this.#username = username;
    this.#password = password;
  }

  /** The `Authorization` header value (HTTP Basic). */
  authorization(): string {
    return `Basic ${Buffer.from(`${this.#username}:${this.#password}`).toString('base64')}`;
  }

  /**
   * Replaces every occurrence of a secret in `text` (a server's reply may echo one): the header,
   * its base64 part, the password, and the user name unless it is too short to redact safely.
   */
  redact(text: string): string {
    const header = this.authorization();
    const secrets = [header, header.slice('Basic '.length), this.#password, this.#username];
    return secrets
      .filter((secret) => secret.length >= (secret === this.#username ? 3 : 1))
      .reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  }

  toJSON(): { source: string } {
    return { source: this.source };
  }

  toString(): string {
    return `Credentials(from ${this.source})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export interface CredentialLookup {
  env: NodeJS.ProcessEnv;
  /** The Gerrit server: its host and port pick the netrc entry (see `netrcEntryFor`). */
  site: Origin & { port: number };
  /** Where `~` is; defaults to the user's home directory. */
  home?: string;
}

/**
 * Credentials for `host`, from (1) `GERRIT_USERNAME` with `GERRIT_PASSWORD` (or its alias
 * `GERRIT_HTTP_PASSWORD`), else (2) the netrc file (`$NETRC`, else `~/.netrc`) entry whose
 * `machine` is the host on the same port (or its `default` entry). Null when neither has any.
 * Whether they may be sent to that server is `mayCarryCredentials`'s to say.
 */
export function findCredentials(lookup: CredentialLookup): Credentials | null {
  return fromEnvironment(lookup.env) ?? fromNetrc(lookup);
}

function fromEnvironment(env: NodeJS.ProcessEnv): Credentials | null {
  const username = nonEmpty(env.GERRIT_USERNAME);
  const passwordVariable = nonEmpty(env.GERRIT_PASSWORD)
    ? 'GERRIT_PASSWORD'
    : nonEmpty(env.GERRIT_HTTP_PASSWORD)
      ? 'GERRIT_HTTP_PASSWORD'
      : null;
  if (username === undefined && passwordVariable === null) return null;
  if (username === undefined) {
    throw new GerritError('credentials', `${passwordVariable} is set but GERRIT_USERNAME is not`);
  }
  if (passwordVariable === null) {
    throw new GerritError(
      'credentials',
      'GERRIT_USERNAME is set but neither GERRIT_PASSWORD nor GERRIT_HTTP_PASSWORD is',
    );
  }
  const password = env[passwordVariable] as string;
  return new Credentials(username, password, `the environment (${passwordVariable})`);
}

const MAX_NETRC_BYTES = 1024 * 1024;

function fromNetrc(lookup: CredentialLookup): Credentials | null {
  const file = nonEmpty(lookup.env.NETRC) ?? join(lookup.home ?? homedir(), '.netrc');
  let bytes: Buffer | null;
  try {
    bytes = readRegularFileSync(file, { maxBytes: MAX_NETRC_BYTES });
  } catch (error) {
    // A FIFO or a device would block or never end: say so rather than wait or guess.
    if (error instanceof FileRefusedError) throw new GerritError('credentials', error.message);
    return null;
  }
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  const { host, port, scheme } = lookup.site;
  const entry = netrcEntryFor(parseNetrc(text), { host, port, defaultPort: defaultPort(scheme) });
  if (!entry || entry.login === undefined || entry.password === undefined) return null;
  const name = entry.machine === null ? 'its default entry' : `machine ${entry.machine}`;
  return new Credentials(entry.login, entry.password, `${displayPath(file, lookup)} (${name})`);
}

function displayPath(file: string, lookup: CredentialLookup): string {
  const home = lookup.home ?? homedir();
  return file.startsWith(`${home}/`) ? `~/${file.slice(home.length + 1)}` : file;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
