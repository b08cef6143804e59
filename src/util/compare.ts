/**
 * The one text comparator: code-point order, which is the byte order of the UTF-8 text (git's
 * order for refs and paths) and the same on every machine, unlike `localeCompare`, which follows
 * the locale. It differs from `<` on strings (UTF-16 code units) only where a character beyond
 * U+FFFF meets one in U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (i === length) return a.length < b.length ? -1 : 1;
  // At the first differing unit: a high surrogate reads as its whole code point (above U+FFFF).
  return (a.codePointAt(i) ?? 0) < (b.codePointAt(i) ?? 0) ? -1 : 1;
}
