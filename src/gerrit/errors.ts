import { VmtError } from '../errors';
import { visible } from '../util/visible';

export type GerritErrorKind =
  | 'credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'protocol'
  | 'outcome-unknown'
  | 'label-ignored';

/**
 * A Gerrit request failed, or could not be made. Exit code 2. The message names the operation,
 * the status and Gerrit's own plain-text reason; it never holds a credential (see `redact`).
 * Server text in it cannot drive a terminal: control and format characters (ESC sequences,
 * C1 controls, U+202E) are shown as `\u{…}` escapes, whoever builds the message.
 */
export class GerritError extends VmtError {
  constructor(
    readonly kind: GerritErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(visible(message), 2);
  }
}

/** What was being done, for the error message: `read change 12345 on review.example.org`. */
export interface RequestContext {
  operation: string;
  host: string;
  /** Names the place credentials came from, for the 401 hint; never the values. */
  credentialSource?: string;
}

const MAX_REASON = 300;

/** Gerrit's plain-text error body, on one line, bounded and with its controls escaped. */
function reasonOf(body: string): string {
  const line = visible(body.replace(/\s+/g, ' ').trim());
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

/**
 * Maps a final HTTP error status to a typed error with a message a user can act on. `location`
 * is a redirect's target: redirects are never followed (see `send`).
 */
export function httpError(
  context: RequestContext,
  status: number,
  body: string,
  location?: string,
): GerritError {
  const reason = reasonOf(body);
  const said = reason ? `: ${reason}` : '';
  const what = `Gerrit could not ${context.operation}`;
  if (status >= 300 && status < 400) {
    const to = location === undefined ? '' : ` to ${reasonOf(location)}`;
    return new GerritError(
      'protocol',
      `${what} (HTTP ${status}, a redirect${to}): redirects are not followed, so no request or ` +
        'credentials go to another address. Give the Gerrit URL the redirect names as --gerrit, ' +
        'if you trust it.',
      status,
    );
  }
  switch (status) {
    case 400:
      return new GerritError('bad-request', `${what} (400 Bad Request${said})`, status);
    case 401:
      return new GerritError(
        'unauthorized',
        `${what} (401 Unauthorized): ${context.host} rejected the credentials` +
          (context.credentialSource ? ` from ${context.credentialSource}` : '') +
          '. Use an HTTP password (Settings → HTTP Credentials), not the account password.',
        status,
      );
    case 403:
      return new GerritError(
        'forbidden',
        `${what} (403 Forbidden${said}). The account lacks the permission; ` +
          'a label vote needs the label in its permitted range (see --label).',
        status,
      );
    case 404:
      return new GerritError(
        'not-found',
        `${what} (404${said}): it does not exist or this account cannot see it`,
        status,
      );
    case 409:
      return new GerritError('conflict', `${what} (409 Conflict${said})`, status);
    case 429:
      return new GerritError('rate-limited', `${what} (429 Too Many Requests${said})`, status);
    default:
      return new GerritError(
        status >= 500 ? 'server' : 'protocol',
        `${what} (HTTP ${status}${said})`,
        status,
      );
  }
}
