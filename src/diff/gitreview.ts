/** The branch `git review` sends a change to, from the `.gitreview` file git-review reads. */
export interface ReviewBranch {
  /** `refs/remotes/<remote>/<branch>`, in the order to try. */
  refs: string[];
  branch: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const MAX_GITREVIEW_BYTES = 4096;

/**
 * The remote-tracking refs of the branch `.gitreview` names (`defaultbranch`, default `master`),
 * on its `defaultremote`, then `gerrit` (git-review's default), then `origin`. Null when the file
 * says nothing usable: a value that is not a plain ref name is ignored, never passed to git.
 */
export function parseGitreview(text: string): ReviewBranch | null {
  if (text.length > MAX_GITREVIEW_BYTES) return null;
  const values = gerritSection(text);
  if (values === null) return null;
  const branch = values.get('defaultbranch') ?? 'master';
  if (!isSafeRefName(branch)) return null;
  const remote = values.get('defaultremote');
  const remotes = [
    ...new Set([...(remote && isSafeRefName(remote) ? [remote] : []), 'gerrit', 'origin']),
  ];
  return { branch, refs: remotes.map((name) => `refs/remotes/${name}/${branch}`) };
}

function gerritSection(text: string): Map<string, string> | null {
  const values = new Map<string, string>();
  let section: string | null = null;
  let seen = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      section = header[1]?.toLowerCase() ?? null;
      seen ||= section === 'gerrit';
      continue;
    }
    const pair = /^([A-Za-z]+)\s*[=:]\s*(.*)$/.exec(line);
    if (section === 'gerrit' && pair?.[1] && pair[2] !== undefined) {
      values.set(pair[1].toLowerCase(), pair[2].trim());
    }
  }
  return seen ? values : null;
}

function isSafeRefName(name: string): boolean {
  return (
    SAFE_NAME.test(name) && !name.includes('..') && !name.endsWith('/') && !name.endsWith('.lock')
  );
}
