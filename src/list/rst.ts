import type { Candidate, ReadResult } from './candidates';
import type { ListProblem } from './model';
import type { Position } from './problems';
import {
  docutilsLines,
  HIDDEN_BREAKS,
  PYTHON_SPACES,
  pythonStrip,
  type RstLine,
} from './rst-lines';
import { bulletWithMore, hiddenBreak, notAnEntry } from './rst-problems';
import { allOfficialScope } from './rst-scope';
import { walkRst, type TopBullet } from './rst-walk';

// Linear on purpose (no nested or overlapping quantifiers): the file is untrusted. docutils
// reads `<...>` as the link's target only after a space or line break (a no-break space or a
// tab does not do); the name may not hold `<`.
const LINK = /^`([^`<]* )<([^`>]*)>`__?$/;

/**
 * Reads the VMT's published page the way docutils renders it. An entry is a top-level bullet
 * (`*`, `-` or `+`) whose only content is one link, e.g.
 * ``* `openstack/nova <https://opendev.org/openstack/nova>`_``; a link may wrap onto indented
 * continuation lines, and the entry's line is the bullet's. Everything else a reader could take
 * for a repository (a nested or indented bullet, another marker, text around the link, a
 * table, a directive that includes, hides or passes markup through, a link in a comment) is a
 * `list-schema` error at its line, so nothing shown passes unjudged and nothing hidden counts.
 */
export function readRst(text: string): ReadResult {
  const walked = walkRst(docutilsLines(text));
  const candidates: Candidate[] = [];
  const problems: ListProblem[] = [...lineBreakProblems(text), ...walked.problems];
  for (const bullet of walked.bullets) {
    const result = readBullet(bullet);
    if ('problem' in result) problems.push(result.problem);
    else candidates.push(result.candidate);
  }
  const allOfficial = allOfficialScope(walked.paragraphs);
  return { candidates, problems: distinctKeys(problems), ...(allOfficial ? { allOfficial } : {}) };
}

type BulletResult = { candidate: Candidate } | { problem: ListProblem };

function readBullet(bullet: TopBullet): BulletResult {
  const { parts, position, extra } = bullet;
  if (extra) return { problem: bulletWithMore(position, extra, bullet.text) };
  const joined = parts.map((part) => pythonStrip(part.text)).join(' ');
  const link = LINK.exec(joined);
  const name = pythonStrip((link?.[1] ?? '').replace(PYTHON_SPACES, ' '));
  if (!link || name === '') return { problem: notAnEntry(joined, position) };
  // docutils drops whitespace inside a link target, which is how a long URL wraps.
  const target = (link[2] ?? '').replace(PYTHON_SPACES, '');
  const linkAt = targetPosition(parts);
  return {
    candidate: {
      name,
      position,
      declared: {},
      fieldLines: {},
      link: target,
      ...(linkAt ? { linkAt } : {}),
    },
  };
}

function targetPosition(parts: readonly RstLine[]): Position | null {
  for (const part of parts) {
    const at = part.text.indexOf('<');
    if (at !== -1) return { line: part.line, column: part.column + at + 1 };
  }
  return null;
}

/** One problem per kind of line break that docutils honours and git does not. */
function lineBreakProblems(text: string): ListProblem[] {
  const seen = new Map<string, number>();
  for (const match of text.matchAll(HIDDEN_BREAKS)) {
    const code = `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    if (!seen.has(code)) seen.set(code, lineOf(text, match.index ?? 0));
  }
  return [...seen].map(([code, line]) => hiddenBreak(code, { line }));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
  }
  return line;
}

/**
 * Identical blocks get the same key; a second and later copy is told apart by its number, so
 * copying a block already refused at base is still a problem the change introduces.
 */
function distinctKeys(problems: readonly ListProblem[]): ListProblem[] {
  const counts = new Map<string, number>();
  return problems.map((problem) => {
    if (!problem.key.startsWith('rst-')) return problem;
    const count = (counts.get(problem.key) ?? 0) + 1;
    counts.set(problem.key, count);
    return count === 1 ? problem : { ...problem, key: `${problem.key}#${count}` };
  });
}
