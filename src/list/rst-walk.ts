import { LIST_LIMITS } from './limits';
import type { ListProblem } from './model';
import { isSafeRepositoryName } from './names';
import type { Position } from './problems';
import { directiveVerdict } from './rst-directives';
import {
  indentedBlock,
  isBlank,
  isIndented,
  JoinedLines,
  markedBlock,
  type MarkedBlock,
  PYTHON_SPACES,
  type RstLine,
} from './rst-lines';
import { findMention, isCodeHostUrl, type Mention } from './rst-mentions';
import {
  hiddenMention,
  pseudoBullet,
  refusedDirective,
  refusedMarker,
  refusedSubstitution,
  refusedTable,
  shownMention,
  tooDeep,
} from './rst-problems';

/** A top-level `*`/`-`/`+` bullet: the only place an entry can be. */
export interface TopBullet {
  position: Position;
  /** The lines of its first paragraph: the text after the marker and its continuation lines. */
  parts: RstLine[];
  /** The first line of anything after that paragraph (a nested block), if any. */
  extra: RstLine | null;
  /** The whole item, for keys. */
  text: string;
}

/** A paragraph of the page itself (not nested in any block), its lines joined by spaces. */
export interface TopParagraph {
  line: number;
  text: string;
}

export interface WalkResult {
  bullets: TopBullet[];
  paragraphs: TopParagraph[];
  problems: ListProblem[];
}

/** Deeper nesting is refused: the real page nests nothing, and recursion must stay bounded. */
const MAX_DEPTH = 16;

// Patterns from docutils' rst parser (states.py); each is anchored and linear.
const EXPLICIT = /^\.\.(?: +|$)/;
const ANONYMOUS_TARGET = /^__(?: +|$)/;
const BULLET = /^([-+*\u2022\u2023\u2043])(?: +|$)/;
const DIRECTIVE = /^([\p{L}\p{N}]+(?:[-.+:][\p{L}\p{N}]+)*) ?::(?: +|$)/u;
const SUBSTITUTION = /^\|([^|]*)\|/;
const GRID_TABLE_TOP = /^\+-[-+]*-\+$/;
const SIMPLE_TABLE_TOP = /^=+(?: +=+)+$/;
const PUNCTUATION_LINE = /^([!-/:-@[-`{-~])\1*$/;
const QUOTED_LITERAL_START = /^[!-/:-@[-`{-~]/;
// A marker followed by whitespace docutils does not take for a space (no-break space and kin).
const PSEUDO_BULLET = /^[-+*\u2022\u2023\u2043]([\s\u200b\u2060\ufeff])/u;
const ENUMERATOR = /^\(?(?:#|\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)[.)](?: |$)/;

/** Reads the body of an rst document the way docutils segments it into blocks. */
export function walkRst(lines: readonly RstLine[]): WalkResult {
  const walker = new Walker();
  walker.walk(lines, 0, '');
  return { bullets: walker.bullets, paragraphs: walker.paragraphs, problems: walker.problems };
}

class Walker {
  readonly bullets: TopBullet[] = [];
  readonly paragraphs: TopParagraph[] = [];
  readonly problems: ListProblem[] = [];

  /**
   * Problems come in file order, and only the first `maxProblems` of a file are shown: past
   * that, checks that can only add problems are skipped (a hostile file can hold a million).
   */
  private get full(): boolean {
    return this.problems.length > LIST_LIMITS.maxProblems;
  }

  private report(make: () => ListProblem): void {
    if (!this.full) this.problems.push(make());
  }

  walk(lines: readonly RstLine[], depth: number, where: string): void {
    if (depth > MAX_DEPTH) {
      this.refuseDepth(lines);
      return;
    }
    let index = 0;
    while (index < lines.length) {
      const line = lines[index] as RstLine;
      if (isBlank(line)) index += 1;
      else if (isIndented(line)) {
        const { block, end } = indentedBlock(lines, index);
        this.walk(block, depth + 1, `${where} in an indented block (a block quote)`);
        index = end;
      } else index = this.element(lines, index, depth, where);
    }
  }

  /** Reads the block that starts at `index` (a non-blank line at the current indentation). */
  private element(lines: readonly RstLine[], index: number, depth: number, where: string): number {
    const text = (lines[index] as RstLine).text;
    const explicit = EXPLICIT.exec(text);
    if (explicit) return this.explicit(lines, index, explicit[0].length, depth, where);
    const anonymous = ANONYMOUS_TARGET.exec(text);
    if (anonymous) {
      const block = markedBlock(lines, index, anonymous[0].length);
      this.target(block, '', where);
      return block.end;
    }
    const bullet = BULLET.exec(text);
    if (bullet) return this.bullet(lines, index, bullet, depth, where);
    if (GRID_TABLE_TOP.test(text) || SIMPLE_TABLE_TOP.test(text)) return this.table(lines, index);
    const title = this.title(lines, index, where);
    if (title !== null) return title;
    return this.textBlock(lines, index, depth, where);
  }

  private explicit(
    lines: readonly RstLine[],
    index: number,
    marker: number,
    depth: number,
    where: string,
  ): number {
    const next = lines[index + 1];
    // An empty comment followed by a blank line consumes nothing after it (docutils' "wart"):
    // indented text after it is a block quote, shown to readers.
    if ((lines[index] as RstLine).text === '..' && (!next || isBlank(next))) return index + 1;
    const block = markedBlock(lines, index, marker);
    const body = block.first.text;
    if (body.startsWith('__:')) this.target({ ...block, first: skip(block.first, 3) }, '', where);
    else if (body.startsWith('_')) this.namedTarget(block, where);
    else if (SUBSTITUTION.test(body)) {
      const name = SUBSTITUTION.exec(body)?.[1] ?? '';
      this.report(() => refusedSubstitution(name, block.first, joinedText(block)));
    } else if (body.startsWith('[')) {
      this.walk([block.first, ...block.rest], depth + 1, `${where} in a footnote or citation`);
    } else {
      const directive = DIRECTIVE.exec(body);
      if (directive) this.directive(lines[index] as RstLine, block, directive, depth, where);
      else this.hidden([block.first, ...block.rest], `a comment${where}`);
    }
    return block.end;
  }

  private directive(
    start: RstLine,
    block: MarkedBlock,
    match: RegExpExecArray,
    depth: number,
    where: string,
  ): void {
    const name = match[1] ?? '';
    const verdict = directiveVerdict(name, block.rest);
    if (!verdict.allowed) {
      this.report(() => refusedDirective(name, verdict.reason, start, joinedText(block)));
      return;
    }
    const argument = skip(block.first, match[0].length);
    const inside = `${where} in the ".. ${name}::" directive`;
    this.shown([argument], `the argument of the ".. ${name}::" directive${where}`);
    this.walk(block.rest, depth + 1, inside);
  }

  private namedTarget(block: MarkedBlock, where: string): void {
    const body = block.first.text.slice(1);
    const quoted = body.startsWith('`');
    const close = quoted ? body.indexOf('`', 1) + 1 : 0;
    const colon = targetColon(body, close);
    const name = (quoted ? body.slice(1, Math.max(1, close - 1)) : body.slice(0, colon)).trim();
    const first = skip(block.first, 1 + colon + 1);
    this.target({ ...block, first }, name, where);
  }

  /** A hyperlink target: not shown itself, but every link that uses it shows its URI. */
  private target(block: MarkedBlock, name: string, where: string): void {
    const uri = [block.first, ...block.rest]
      .map((line) => line.text.replace(PYTHON_SPACES, ''))
      .join('');
    const what = `a hyperlink target${where} (links that use it show its URI)`;
    let mention: Mention | null = null;
    if (isSafeRepositoryName(name)) mention = { text: name, kind: 'a repository name', offset: 0 };
    else if (isCodeHostUrl(uri))
      mention = { text: uri, kind: 'a link to a repository host', offset: 0 };
    if (mention) this.report(() => shownMention(what, mention, block.first, joinedText(block)));
  }

  private bullet(
    lines: readonly RstLine[],
    index: number,
    match: RegExpExecArray,
    depth: number,
    where: string,
  ): number {
    const marker = match[1] ?? '';
    const block = markedBlock(lines, index, match[0].length);
    const position = { line: block.first.line, column: block.first.column };
    if (depth > 0 || !'*+-'.includes(marker)) {
      if (depth === 0) this.report(() => refusedMarker(marker, position, joinedText(block)));
      const inside =
        depth === 0 ? `${where} in a "${marker}" bullet` : `${where} in a nested bullet`;
      this.walk([block.first, ...block.rest], depth + 1, inside);
      return block.end;
    }
    this.topBullet(block, position, depth, where);
    return block.end;
  }

  private topBullet(block: MarkedBlock, position: Position, depth: number, where: string): void {
    const parts = block.first.text === '' ? [] : [block.first];
    let at = 0;
    while (at < block.rest.length) {
      const line = block.rest[at] as RstLine;
      if (isBlank(line) || isIndented(line)) break;
      parts.push(line);
      at += 1;
    }
    const after = block.rest.slice(at);
    const extra = after.find((line) => !isBlank(line)) ?? null;
    if (extra) this.walk(after, depth + 1, `${where} in a bullet item`);
    this.bullets.push({ position, parts, extra, text: joinedText(block) });
  }

  private table(lines: readonly RstLine[], index: number): number {
    let end = index;
    while (end < lines.length && !isBlank(lines[end] as RstLine)) end += 1;
    const block = lines.slice(index, end);
    this.report(() => refusedTable(lines[index] as RstLine, new JoinedLines(block).text));
    return end;
  }

  /** A section title, underlined or over- and underlined; returns the index after it. */
  private title(lines: readonly RstLine[], index: number, where: string): number | null {
    const line = lines[index] as RstLine;
    const next = lines[index + 1];
    const third = lines[index + 2];
    if (PUNCTUATION_LINE.test(line.text) && next && !isBlank(next) && third) {
      if (third.text.length > 0 && third.text.charAt(0) === line.text.charAt(0)) {
        if (PUNCTUATION_LINE.test(third.text)) {
          this.shown([next], `a section title${where}`);
          return index + 3;
        }
      }
    }
    if (!next || isIndented(next) || !PUNCTUATION_LINE.test(next.text)) return null;
    // docutils reads a short underline as text, not as a title.
    if (next.text.length < 4 && next.text.length < line.text.length) return null;
    this.shown([line], `a section title${where}`);
    return index + 2;
  }

  /** A paragraph, or another construct that starts with text (enumerated item, field list...). */
  private textBlock(
    lines: readonly RstLine[],
    index: number,
    depth: number,
    where: string,
  ): number {
    let end = index;
    while (
      end < lines.length &&
      !isBlank(lines[end] as RstLine) &&
      !isIndented(lines[end] as RstLine)
    ) {
      end += 1;
    }
    const run = lines.slice(index, end);
    const kind = textKind((run[0] as RstLine).text);
    const what = `${kind}${where}`;
    this.shown(run, what);
    if (depth === 0 && where === '' && kind === 'a paragraph') {
      const text = run.map((line) => line.text).join(' ');
      this.paragraphs.push({ line: (run[0] as RstLine).line, text });
    }
    this.pseudoBullets(run);
    const last = (run[run.length - 1] as RstLine).text;
    const next = lines[end];
    const indentedNext = next !== undefined && isIndented(next);
    // One line with indented text right under it is a definition list item, even after `::`.
    if (last.endsWith('::') && !(run.length === 1 && indentedNext)) {
      return this.literal(lines, end, what.startsWith('a paragraph'), where);
    }
    if (indentedNext) {
      const { block, end: after } = indentedBlock(lines, end);
      this.walk(
        block,
        depth + 1,
        `${where} in the indented text under line ${(run[0] as RstLine).line}`,
      );
      return after;
    }
    return end;
  }

  /** The literal block after a paragraph that ends with `::`: shown verbatim, never parsed. */
  private literal(
    lines: readonly RstLine[],
    start: number,
    afterParagraph: boolean,
    where: string,
  ): number {
    let index = start;
    while (index < lines.length && isBlank(lines[index] as RstLine)) index += 1;
    const first = lines[index];
    if (!first) return index;
    if (isIndented(first)) {
      const { block, end } = indentedBlock(lines, index);
      this.shown(block, `a literal block${where}`);
      return end;
    }
    // Unindented lines that all start with the same punctuation are a quoted literal block.
    // (docutils only looks for one after a paragraph).
    if (!afterParagraph || !QUOTED_LITERAL_START.test(first.text)) return index;
    const quote = first.text.charAt(0);
    let end = index;
    while (end < lines.length && (lines[end] as RstLine).text.startsWith(quote)) end += 1;
    this.shown(lines.slice(index, end), `a quoted literal block${where}`);
    return end;
  }

  private shown(block: readonly RstLine[], what: string): void {
    if (block.length === 0 || this.full) return;
    const joined = new JoinedLines(block);
    const mention = findMention(joined.text, { anyLink: false });
    if (!mention) return;
    this.report(() => shownMention(what, mention, joined.positionAt(mention.offset), joined.text));
  }

  private hidden(block: readonly RstLine[], what: string): void {
    if (this.full) return;
    const joined = new JoinedLines(block);
    const whole = findMention(joined.text, { anyLink: true });
    if (whole) {
      this.report(() => hiddenMention(what, whole, joined.positionAt(whole.offset), joined.text));
      return;
    }
    for (const line of block) {
      const mention = findMention(line.text, { anyLink: true });
      if (!mention) continue;
      const position = { line: line.line, column: line.column + mention.offset };
      this.report(() => hiddenMention(what, mention, position, joined.text));
      return;
    }
  }

  private pseudoBullets(run: readonly RstLine[]): void {
    for (const line of run) {
      const match = PSEUDO_BULLET.exec(line.text);
      if (!match || match[1] === ' ') continue;
      const code = `U+${(match[1]?.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      this.report(() => pseudoBullet(code, line, line.text));
    }
  }

  /** Each block nested too deep is refused (its content, not its line, keys the problem). */
  private refuseDepth(lines: readonly RstLine[]): void {
    const first = lines.find((line) => !isBlank(line)) ?? lines[0];
    if (first) this.report(() => tooDeep(first, MAX_DEPTH, new JoinedLines(lines).text));
  }
}

function textKind(text: string): string {
  if (ENUMERATOR.test(text)) return 'an enumerated item';
  if (text.startsWith('| ') || text === '|') return 'a line block';
  if (/^:[^:\s][^:]*:(?: |$)/.test(text)) return 'a field list';
  return 'a paragraph';
}

/** Where a target's name ends: the first `:` followed by a space or the end of the line. */
function targetColon(body: string, from: number): number {
  let at = body.indexOf(':', from);
  while (at !== -1 && at + 1 < body.length && body.charAt(at + 1) !== ' ') {
    at = body.indexOf(':', at + 1);
  }
  return at === -1 ? body.length : at;
}

function skip(line: RstLine, count: number): RstLine {
  const cut = Math.min(count, line.text.length);
  return { ...line, text: line.text.slice(cut).trimStart(), column: line.column + cut };
}

function joinedText(block: MarkedBlock): string {
  return new JoinedLines([block.first, ...block.rest]).text;
}
