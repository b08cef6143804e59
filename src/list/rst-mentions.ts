import { isSafeRepositoryName } from './names';

/** Something in rst text that a reader could take for a repository. */
export interface Mention {
  /** What was found, as written (cut for messages). */
  text: string;
  /** How a message describes it, e.g. `a link to a repository host`. */
  kind: string;
  /** Offset in the text searched. */
  offset: number;
}

// Hosts whose URLs name source repositories.
const CODE_HOSTS = new Set([
  'opendev.org',
  'review.opendev.org',
  'git.openstack.org',
  'review.openstack.org',
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'git.sr.ht',
]);

// Namespaces of repositories hosted on opendev.org: `openstack/x` in prose names a repository.
const KNOWN_NAMESPACES = new Set([
  'openstack',
  'openstack-archive',
  'openstack-attic',
  'openstack-dev',
  'openstack-infra',
  'opendev',
  'openinfra',
  'osf',
  'x',
  'starlingx',
  'airship',
  'zuul',
  'kata-containers',
]);

// Linear on any input (the file is untrusted): a span starts only at a backtick and ends at the
// next one; URLs and token edges are found by scanning, not by backtracking patterns.
const SPAN = /`([^`]+)`(_{0,2})/g;
const TOKEN_SPLIT = /[\s`*|()<>[\]{},;"'!?]+/;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const URL_END = /[\s<>`]/;

export interface MentionOptions {
  /** In hidden text, any link written the rst way counts, whatever it names. */
  anyLink: boolean;
}

/** The first thing in `text` that names or links a repository, or null. */
export function findMention(text: string, options: MentionOptions): Mention | null {
  const found = [urlMention(text), spanMention(text, options), nameMention(text)].filter(
    (mention): mention is Mention => mention !== null,
  );
  found.sort((a, b) => a.offset - b.offset);
  return found[0] ?? null;
}

export function isCodeHostUrl(url: string): boolean {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@\s]*@)?([^/:?#\s]+)/i.exec(url);
  if (!match) return false;
  const host = (match[1] ?? '')
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return CODE_HOSTS.has(host);
}

function urlMention(text: string): Mention | null {
  let from = 0;
  let scannedTo = 0;
  for (;;) {
    const at = text.indexOf('://', from);
    if (at === -1) return null;
    let start = at;
    while (start > scannedTo && SCHEME_CHAR.test(text.charAt(start - 1))) start -= 1;
    let end = at + 3;
    while (end < text.length && !URL_END.test(text.charAt(end))) end += 1;
    const url = text.slice(start, end);
    if (isCodeHostUrl(url))
      return { text: url, kind: 'a link to a repository host', offset: start };
    from = Math.max(end, at + 3);
    scannedTo = from;
  }
}

function spanMention(text: string, { anyLink }: MentionOptions): Mention | null {
  for (const match of text.matchAll(SPAN)) {
    const inside = match[1] ?? '';
    const isReference = (match[2] ?? '') !== '';
    const embedded = /<([^<>]*)>\s*$/.exec(inside);
    const label = (embedded ? inside.slice(0, embedded.index) : inside).replace(/\s+/g, ' ').trim();
    const offset = match.index ?? 0;
    if (isSafeRepositoryName(label)) return { text: match[0], kind: 'a repository name', offset };
    if (anyLink && isReference) return { text: match[0], kind: 'a link', offset };
  }
  return null;
}

function nameMention(text: string): Mention | null {
  const tokens = text.split(TOKEN_SPLIT).filter((token) => /[A-Za-z0-9]/.test(token));
  const whole = tokens.length === 1;
  let from = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, from);
    from = at + token.length;
    if (token.includes('://')) continue;
    const name = trimPunctuation(token);
    if (!isSafeRepositoryName(name)) continue;
    const namespace = name.slice(0, name.indexOf('/')).toLowerCase();
    if (whole || KNOWN_NAMESPACES.has(namespace)) {
      return { text: name, kind: 'a repository name', offset: at };
    }
  }
  return null;
}

/** A token without the sentence punctuation around it: `openstack/nova.` names openstack/nova. */
function trimPunctuation(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && ':.'.includes(token.charAt(start))) start += 1;
  while (end > start && '.:_'.includes(token.charAt(end - 1))) end -= 1;
  return token.slice(start, end);
}
