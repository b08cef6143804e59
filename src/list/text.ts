import { LIST_LIMITS } from './limits';
import type { ListProblem } from './model';
import { LineIndex } from './positions';
import { schemaProblem } from './problems';

export type DecodedList = { ok: true; text: string } | { ok: false; problem: ListProblem };

/** Size and encoding checks, done before any parser sees the content. */
export function decodeList(content: Buffer | string): DecodedList {
  const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  if (size > LIST_LIMITS.maxBytes) return { ok: false, problem: tooLarge(size) };
  if (typeof content === 'string') return { ok: true, text: stripBom(content) };
  try {
    // The decoder drops a leading byte order mark itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
  } catch {
    return { ok: false, problem: invalidUtf8(content) };
  }
}

function stripBom(text: string): string {
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

function tooLarge(size: number): ListProblem {
  const max = LIST_LIMITS.maxBytes;
  return schemaProblem(
    'too-large',
    `The list file is ${size} bytes; files over ${max} bytes are refused unread. ` +
      'An oversight list is a few kilobytes: check that the right file was given.',
  );
}

function invalidUtf8(bytes: Buffer): ListProblem {
  const offset = firstInvalidByte(bytes);
  const before = bytes.subarray(0, offset);
  const line = before.filter((byte) => byte === 0x0a).length + 1;
  const column = offset - (before.lastIndexOf(0x0a) + 1) + 1;
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return schemaProblem(
    'invalid-utf8',
    `The list is not valid UTF-8: byte 0x${byte} at line ${line}, column ${column} (in bytes) ` +
      'does not belong to a UTF-8 character. Save the file as UTF-8.',
    { position: { line, column } },
  );
}

/**
 * Offset of the first byte of the first invalid sequence. A streaming decode of a prefix only
 * throws once the prefix holds an invalid sequence, so a binary search finds where it ends;
 * if the bytes before that end in an unfinished character, the sequence starts at its lead byte.
 */
function firstInvalidByte(bytes: Buffer): number {
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (decodes(bytes.subarray(0, mid), true)) low = mid + 1;
    else high = mid;
  }
  const end = low - 1;
  if (decodes(bytes.subarray(0, end), false)) return end;
  let lead = end - 1;
  while (lead > 0 && lead > end - 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  return lead;
}

function decodes(prefix: Buffer, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream });
    return true;
  } catch {
    return false;
  }
}

// C0 controls but tab and line breaks, DEL, C1 controls, and the invisible bidirectional-text
// controls that make a line display differently from what it says ("trojan source").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One problem per distinct control character, at its first occurrence. */
export function controlCharacterProblems(text: string): ListProblem[] {
  const seen = new Set<string>();
  const index = new LineIndex(text);
  const problems: ListProblem[] = [];
  for (const match of text.matchAll(CONTROL)) {
    const code = codePoint(match[0]);
    if (seen.has(code)) continue;
    seen.add(code);
    const position = index.positionAt(match.index ?? 0);
    problems.push(
      schemaProblem(
        `control-character:${code}`,
        `Line ${position.line}, column ${position.column} holds the invisible control character ` +
          `${code}${isBidi(match[0]) ? ' (it changes how text is displayed)' : ''}. ` +
          'Remove it: only tabs and line breaks are allowed.',
        { position },
      ),
    );
    if (seen.size >= LIST_LIMITS.maxProblems) break;
  }
  return problems;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function isBidi(char: string): boolean {
  return char >= '\u200e';
}
