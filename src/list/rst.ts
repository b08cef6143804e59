import type { Candidate, ReadResult } from './candidates';
import type { ListProblem } from './model';
import { isSafeRepositoryName } from './names';
import { consistencyProblem, quote, schemaProblem, type Position } from './problems';

/** A piece of a bullet item: its first line or a continuation line. */
interface Part {
  text: string;
  line: number;
  column: number;
}

const BULLET = /^([*+-][ \t]+)(\S.*)$/;
// Linear on purpose (no nested or overlapping quantifiers): the file is untrusted.
const LINK = /^`([^`<]*)<([^`>]*)>`__?$/;
const BARE_NAME = /^[^\s/`]+\/[^\s/`]+$/;

/**
 * Reads the VMT's published page: every top-level bullet that holds a link is an entry, e.g.
 * ``* `openstack/nova <https://opendev.org/openstack/nova>`_``. A link may wrap onto indented
 * continuation lines; the entry's line is the bullet's.
 */
export function readRst(text: string): ReadResult {
  const candidates: Candidate[] = [];
  const problems: ListProblem[] = [];
  for (const bullet of bullets(text.split(/\r?\n/))) {
    const result = readBullet(bullet);
    if (result === null) continue;
    if ('problem' in result) problems.push(result.problem);
    else {
      candidates.push(result.candidate);
      if (result.linkProblem) problems.push(result.linkProblem);
    }
  }
  return { candidates, problems };
}

function bullets(lines: readonly string[]): Part[][] {
  const found: Part[][] = [];
  let current: Part[] | null = null;
  lines.forEach((line, index) => {
    const bullet = BULLET.exec(line);
    if (bullet) {
      current = [{ text: bullet[2] ?? '', line: index + 1, column: (bullet[1] ?? '').length + 1 }];
      found.push(current);
    } else if (current && /^[ \t]+\S/.test(line)) {
      const indent = line.length - line.trimStart().length;
      current.push({ text: line.trim(), line: index + 1, column: indent + 1 });
    } else {
      current = null;
    }
  });
  return found;
}

type BulletResult =
  { candidate: Candidate; linkProblem: ListProblem | null } | { problem: ListProblem } | null;

function readBullet(parts: Part[]): BulletResult {
  const first = parts[0];
  if (!first) return null;
  const joined = parts.map((part) => part.text.trimEnd()).join(' ');
  const position = { line: first.line, column: first.column };
  const link = LINK.exec(joined);
  if (!link) return malformed(joined, position);
  const name = (link[1] ?? '').trim().replace(/\s+/g, ' ');
  // docutils drops whitespace inside a link target, which is how a long URL wraps.
  const target = (link[2] ?? '').replace(/\s+/g, '');
  if (name === '') return malformed(joined, position);
  return {
    candidate: { name, position, declared: {}, fieldLines: {}, link: target },
    linkProblem: linkProblem(name, target, parts),
  };
}

function malformed(joined: string, position: Position): BulletResult {
  if (!joined.startsWith('`') && !BARE_NAME.test(joined)) return null;
  return {
    problem: schemaProblem(
      `rst-bullet:${joined.slice(0, 100)}`,
      `The bullet on line ${position.line} is not a repository link: write it as ` +
        '* `<namespace>/<name> <https://opendev.org/<namespace>/<name>>`_' +
        ` (found ${quote(joined)}).`,
      { position },
    ),
  };
}

function linkProblem(name: string, target: string, parts: Part[]): ListProblem | null {
  if (!isSafeRepositoryName(name)) return null;
  const expected = `https://opendev.org/${name}`;
  if ([expected, `${expected}/`, `${expected}.git`].includes(target)) return null;
  return consistencyProblem(
    'error',
    `link:${name}`,
    `The link for ${name} points at ${quote(target, 200)}, not at the repository it names. ` +
      `Change the target to <${expected}>.`,
    { position: targetPosition(parts), repository: name },
  );
}

function targetPosition(parts: Part[]): Position | null {
  for (const part of parts) {
    const at = part.text.indexOf('<');
    if (at !== -1) return { line: part.line, column: part.column + at + 1 };
  }
  return null;
}
