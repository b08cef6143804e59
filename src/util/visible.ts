// Control and format characters (ESC, CR, right-to-left override…) could forge report lines or
// reorder text in a terminal, a review message or a page: they are shown as \u{…} escapes.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
