/**
 * Repository names reach git, file paths and URLs, so only `namespace/name` made of a strict
 * character set is accepted. Anything else (`--upload-pack=…`, `ext::sh -c …`, URLs, `../x`,
 * whitespace) is refused before it can get near a command line.
 */
const PART = '[A-Za-z0-9][A-Za-z0-9._-]{0,99}';
const SAFE_NAME = new RegExp(`^${PART}/${PART}$`);

export const REPOSITORY_NAME_HINT =
  'Write it as <namespace>/<name> (for example openstack/nova) using only letters, digits, ".", "_" and "-", each part starting with a letter or digit.';

export function isSafeRepositoryName(name: unknown): name is string {
  return typeof name === 'string' && SAFE_NAME.test(name) && !name.includes('..');
}

/** Why a name is not safe, for the message that asks the user to fix it. */
export function unsafeNameReason(name: string): string {
  if (name.trim() === '') return 'it is empty';
  if (name.startsWith('-')) return 'it starts with "-", which git would read as an option';
  if (name.includes('::') || /^[a-z][a-z0-9+.-]*:/i.test(name)) {
    return 'it looks like a URL or a git transport, not a repository name';
  }
  if (/\s/.test(name)) return 'it contains whitespace';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f-\x9f]/.test(name)) return 'it contains control characters';
  if (name.includes('..')) return 'it contains ".."';
  if (name.split('/').length !== 2) return 'it does not have exactly one "/"';
  if (name.split('/').some((part) => part.length > 100)) return 'a part is over 100 characters';
  return 'it contains characters that are not allowed';
}
