/**
 * Lines as docutils sees them: split where Python's `str.splitlines()` splits, vertical tab and
 * form feed turned into spaces, tabs expanded to 8-column stops, trailing whitespace removed.
 */
export interface RstLine {
  /** The line's text, dedented inside a nested block. */
  text: string;
  /** 1-based, counted in `\n` as git and Gerrit count lines. */
  line: number;
  /** 1-based column of `text[0]` in the tab-expanded line. */
  column: number;
}

// Python's line boundaries, less \v and \f (docutils makes them spaces first).
// eslint-disable-next-line no-control-regex
const BREAK = /\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029]/g;
// Breaks docutils honours that git and editors do not: a line would render apart from its line.
export const HIDDEN_BREAKS = /\r(?!\n)|[\u2028\u2029]/g;

export function docutilsLines(text: string): RstLine[] {
  const lines: RstLine[] = [];
  let start = 0;
  let line = 1;
  for (const match of text.matchAll(BREAK)) {
    const end = match.index ?? 0;
    lines.push({ text: normalise(text.slice(start, end)), line, column: 1 });
    if (match[0].includes('\n')) line += 1;
    start = end + match[0].length;
  }
  if (start < text.length) lines.push({ text: normalise(text.slice(start)), line, column: 1 });
  return lines;
}

// What Python's str.split()/strip() take for whitespace (JavaScript's \s differs: it has U+FEFF
// and lacks U+001C-U+001F, U+0085). docutils strips lines and normalises names with these.
const PYTHON_SPACE =
  ' \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const IS_PYTHON_SPACE = new RegExp(`^[${PYTHON_SPACE}]$`);
/** Runs of Python whitespace, for `split()`-like normalisation (a global match is linear). */
export const PYTHON_SPACES = new RegExp(`[${PYTHON_SPACE}]+`, 'g');

export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (end > 0 && IS_PYTHON_SPACE.test(text.charAt(end - 1))) end -= 1;
  while (start < end && IS_PYTHON_SPACE.test(text.charAt(start))) start += 1;
  return text.slice(start, end);
}

/** docutils' `len(line) - len(line.lstrip())` for a line that starts with a space. */
function indentation(text: string): number {
  let at = 0;
  while (at < text.length && IS_PYTHON_SPACE.test(text.charAt(at))) at += 1;
  return at;
}

function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && IS_PYTHON_SPACE.test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

function normalise(raw: string): string {
  return pythonRstrip(expandTabs(raw.replace(/[\v\f]/g, ' ')));
}

function expandTabs(raw: string): string {
  if (!raw.includes('\t')) return raw;
  let out = '';
  for (const char of raw) {
    out += char === '\t' ? ' '.repeat(8 - (out.length % 8)) : char;
  }
  return out;
}

export function isBlank(line: RstLine): boolean {
  return line.text === '';
}

export function isIndented(line: RstLine): boolean {
  return line.text.startsWith(' ');
}

/** A block's lines with the least indentation of its non-blank lines removed. */
function dedent(lines: readonly RstLine[]): RstLine[] {
  let least = Infinity;
  for (const line of lines) {
    if (isBlank(line)) continue;
    least = Math.min(least, indentation(line.text));
  }
  if (least === Infinity || least === 0) return [...lines];
  return lines.map((line) =>
    isBlank(line) ? line : { ...line, text: line.text.slice(least), column: line.column + least },
  );
}

/**
 * The lines from `start` on that are blank or indented (docutils' `get_indented`), with trailing
 * blank lines left out. Returns the dedented lines and the index after the last one taken.
 */
export function indentedBlock(
  lines: readonly RstLine[],
  start: number,
): { block: RstLine[]; end: number } {
  let end = start;
  while (end < lines.length) {
    const line = lines[end];
    if (!line || (!isBlank(line) && !isIndented(line))) break;
    end += 1;
  }
  while (end > start && lines[end - 1] && isBlank(lines[end - 1] as RstLine)) end -= 1;
  return { block: dedent(lines.slice(start, end)), end };
}

/** The first line's text after a marker, and the indented lines that follow it. */
export interface MarkedBlock {
  first: RstLine;
  rest: RstLine[];
  end: number;
}

export function markedBlock(lines: readonly RstLine[], start: number, marker: number): MarkedBlock {
  const head = lines[start] as RstLine;
  const first = { ...head, text: head.text.slice(marker), column: head.column + marker };
  const { block, end } = indentedBlock(lines, start + 1);
  return { first, rest: block, end };
}

/** Lines joined with `\n`, and a way back from an offset in the joined text to its line. */
export class JoinedLines {
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(private readonly lines: readonly RstLine[]) {
    let offset = 0;
    for (const line of lines) {
      this.starts.push(offset);
      offset += line.text.length + 1;
    }
    this.text = lines.map((line) => line.text).join('\n');
  }

  positionAt(offset: number): { line: number; column: number } {
    let index = 0;
    while (index + 1 < this.starts.length && (this.starts[index + 1] ?? 0) <= offset) index += 1;
    const line = this.lines[index];
    if (!line) return { line: 1, column: 1 };
    return { line: line.line, column: line.column + offset - (this.starts[index] ?? 0) };
  }
}
