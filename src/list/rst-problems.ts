import { createHash } from 'node:crypto';
import type { ListProblem } from './model';
import { quote, schemaProblem, type Position } from './problems';
import type { Mention } from './rst-mentions';

/**
 * The `list-schema` errors of the rst reader. Each key names the kind of problem and a digest
 * of the block it is about (never a line number), so an edit inside a block that was already
 * refused at base is a new problem, not the old one.
 */

const ENTRY_SHAPE = '* `<namespace>/<name> <https://opendev.org/<namespace>/<name>>`_';
const ACCEPTED =
  'The list may hold a title, paragraphs, comments without links, hyperlink targets and a flat ' +
  `bullet list of one link each (${ENTRY_SHAPE}).`;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function problem(kind: string, block: string, message: string, position: Position): ListProblem {
  return schemaProblem(`rst-${kind}:${digest(block)}`, message, { position });
}

/** Rendered text that names or links a repository outside an entry. */
export function shownMention(
  what: string,
  mention: Mention,
  position: Position,
  block: string,
): ListProblem {
  return problem(
    'shown',
    block,
    `Line ${position.line}: ${what} shows ${mention.kind} (${quote(mention.text)}) to readers, ` +
      'but it is not an entry, so it would not be judged. Only a top-level bullet holding one ' +
      `link is read as an entry: ${ENTRY_SHAPE}. Make it such a bullet or remove it.`,
    position,
  );
}

/** Text readers of the published page never see that holds what looks like an entry. */
export function hiddenMention(
  what: string,
  mention: Mention,
  position: Position,
  block: string,
): ListProblem {
  return problem(
    'hidden',
    block,
    `Line ${position.line}: ${what} holds ${mention.kind} (${quote(mention.text)}) that readers ` +
      'of the published page do not see, so it does not count as listed. Remove it, or make ' +
      'it a top-level bullet if the repository belongs on the list.',
    position,
  );
}

export function refusedDirective(
  name: string,
  reason: string,
  position: Position,
  block: string,
): ListProblem {
  return problem(
    'directive',
    block,
    `Line ${position.line}: the ${quote(`.. ${name}::`)} directive is not accepted in the ` +
      `list: ${reason}. ${ACCEPTED}`,
    position,
  );
}

export function refusedSubstitution(name: string, position: Position, block: string): ListProblem {
  return problem(
    'substitution',
    block,
    `Line ${position.line}: the substitution definition ${quote(`|${name}|`)} is not accepted ` +
      'in the list: what it stands for is shown wherever it is used, not where it is written. ' +
      'Write the text out.',
    position,
  );
}

export function refusedTable(position: Position, block: string): ListProblem {
  return problem(
    'table',
    block,
    `Line ${position.line}: a table is not accepted in the list: entries are read from a flat ` +
      `bullet list only. ${ACCEPTED}`,
    position,
  );
}

export function refusedMarker(marker: string, position: Position, block: string): ListProblem {
  return problem(
    'marker',
    block,
    `Line ${position.line}: the bullet ${quote(marker)} is not accepted: docutils shows it as ` +
      `a list item, but entries are written with "*": ${ENTRY_SHAPE}.`,
    position,
  );
}

export function pseudoBullet(char: string, position: Position, block: string): ListProblem {
  return problem(
    'pseudo-bullet',
    block,
    `Line ${position.line} starts like a bullet, but the marker is followed by ${char}, not a ` +
      'space, so docutils shows it as plain text and it is not an entry. Use a plain space ' +
      'after the marker.',
    position,
  );
}

/** A top-level bullet that is not exactly one link (the key keeps the bullet's text readable). */
export function notAnEntry(joined: string, position: Position): ListProblem {
  return schemaProblem(
    `rst-bullet:${joined.slice(0, 100)}:${digest(joined)}`,
    `The bullet on line ${position.line} is not a repository link: write it as ` +
      `${ENTRY_SHAPE} (found ${quote(joined)}).`,
    { position },
  );
}

export function bulletWithMore(bullet: Position, extra: Position, block: string): ListProblem {
  return problem(
    'bullet-block',
    block,
    `The bullet on line ${bullet.line} holds more than one paragraph: line ${extra.line} adds ` +
      'a nested block, which readers see inside the item. An entry is one bullet with one link ' +
      `and nothing else: ${ENTRY_SHAPE}.`,
    bullet,
  );
}

export function hiddenBreak(code: string, position: Position): ListProblem {
  return schemaProblem(
    `rst-line-break:${code}`,
    `Line ${position.line} holds ${code}, which docutils reads as a line break but git, Gerrit ` +
      'and editors do not, so the page renders differently from how the file reads. Use a ' +
      'plain line break (\\n).',
    { position },
  );
}

export function tooDeep(position: Position, max: number, block: string): ListProblem {
  return problem(
    'too-deep',
    block,
    `Line ${position.line}: blocks are nested more than ${max} levels deep; what they hold is ` +
      'not read. An oversight list needs no nesting.',
    position,
  );
}
