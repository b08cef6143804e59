import { GitError } from './errors';
import type { Git } from './run';

export interface GitObject {
  type: string;
  content: Buffer;
}

/**
 * Reads several objects (`<rev>:<path>` or shas) with one `git cat-file --batch`.
 * Missing objects map to null. An answer that is not whole (fewer objects than asked, content
 * shorter than its header says, a header that is neither an object nor "missing") is a GitError:
 * unavailable evidence, never an object read short or a file taken for absent.
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
    if (end < 0) throw notWhole(`no answer for ${spec}`);
    const header = out.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const match = /^[0-9a-f]+ (\S+) (\d+)$/.exec(header);
    if (!match) {
      if (header !== `${spec} missing` && header !== `${spec} ambiguous`) {
        throw notWhole(`unexpected answer for ${spec}: ${JSON.stringify(header.slice(0, 200))}`);
      }
      result.set(spec, null);
      continue;
    }
    const size = Number(match[2]);
    if (offset + size >= out.length || out[offset + size] !== 0x0a) {
      throw notWhole(`${spec} is shorter than its ${size} bytes`);
    }
    result.set(spec, { type: match[1] ?? '', content: out.subarray(offset, offset + size) });
    offset += size + 1;
  }
  return result;
}

function notWhole(detail: string): GitError {
  return new GitError(['cat-file', '--batch'], `its answer is not whole: ${detail}`, null);
}

/** The committer date (ISO 8601, UTC) recorded in a raw commit object. */
export function committerDate(commit: Buffer): string | null {
  const match = /^committer .* (\d+) [+-]\d{4}$/m.exec(commit.toString('utf8'));
  return match ? new Date(Number(match[1]) * 1000).toISOString().replace('.000Z', 'Z') : null;
}
