import type { Git } from './run';

export interface GitObject {
  type: string;
  content: Buffer;
}

/**
 * Reads several objects (`<rev>:<path>` or shas) with one `git cat-file --batch`.
 * Missing objects map to null.
 */
export async function readObjects(
  git: Git,
  specs: readonly string[],
): Promise<Map<string, GitObject | null>> {
  const result = new Map<string, GitObject | null>();
  const wanted = specs.filter((spec) => !spec.includes('\n'));
  if (wanted.length === 0) return result;
  const out = await git.run(['cat-file', '--batch'], wanted.map((spec) => `${spec}\n`).join(''));
  let offset = 0;
  for (const spec of wanted) {
    const end = out.indexOf(0x0a, offset);
    if (end < 0) break;
    const header = out.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const match = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
    if (!match) {
      // "<spec> missing" or "<spec> ambiguous"
      result.set(spec, null);
      continue;
    }
    const size = Number(match[2]);
    result.set(spec, { type: match[1] ?? '', content: out.subarray(offset, offset + size) });
    offset += size + 1;
  }
  return result;
}

/** The committer date (ISO 8601, UTC) recorded in a raw commit object. */
export function committerDate(commit: Buffer): string | null {
  const match = /^committer .* (\d+) [+-]\d{4}$/m.exec(commit.toString('utf8'));
  return match ? new Date(Number(match[1]) * 1000).toISOString().replace('.000Z', 'Z') : null;
}
