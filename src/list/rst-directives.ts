import type { RstLine } from './rst-lines';

/**
 * Which directives the list may use. Allowed ones render their content in place, so the reader
 * walks it like any other nested text; every other directive is refused, because it brings in
 * content the checker cannot see, shows content only in some builds, passes markup through
 * unread, or can restyle (and so hide) what it holds.
 */
export type DirectiveVerdict = { allowed: true } | { allowed: false; reason: string };

const SHOWN_IN_PLACE = new Set([
  'admonition',
  'attention',
  'caution',
  'danger',
  'error',
  'hint',
  'important',
  'note',
  'tip',
  'warning',
  'seealso',
  'topic',
  'sidebar',
  'rubric',
  'epigraph',
  'highlights',
  'pull-quote',
  'compound',
  'contents',
  'sectnum',
  'versionadded',
  'versionchanged',
  'deprecated',
  'code',
  'code-block',
  'sourcecode',
  'highlight',
  'image',
  'figure',
  'index',
]);

const REFUSED: Record<string, string> = {
  include: 'it brings in another file, which the checker does not read',
  literalinclude: 'it brings in another file, which the checker does not read',
  raw: 'its content is passed to the output unread (an HTML comment or markup can hide or show anything), so the checker cannot tell what readers see',
  only: 'its content is shown in some builds and not in others',
  ifconfig: 'its content is shown or not depending on the build configuration',
  container: 'it wraps content in a styled block that can hide it',
  class: 'it sets a class on the next element, which a style sheet can hide',
  'rst-class': 'it sets a class on the next element, which a style sheet can hide',
  cssclass: 'it sets a class on the next element, which a style sheet can hide',
  role: 'it defines inline markup whose output the checker cannot see',
  'default-role': 'it changes what inline markup renders',
  replace: 'it defines substituted text',
  unicode: 'it defines substituted text',
  toctree: 'it pulls other documents into the page',
  header: 'its content is shown elsewhere on the page',
  footer: 'its content is shown elsewhere on the page',
  table: 'tables are not read for entries',
  'csv-table': 'tables are not read for entries (and it can read another file)',
  'list-table': 'tables are not read for entries',
};

// Options that read another file or URL, or restyle the block.
const REFUSED_OPTION = /^:(class|file|url):(?: |$)/;

export function directiveVerdict(name: string, body: readonly RstLine[]): DirectiveVerdict {
  const key = name.toLowerCase();
  const refused = REFUSED[key];
  if (refused !== undefined) return { allowed: false, reason: refused };
  if (!SHOWN_IN_PLACE.has(key)) {
    return { allowed: false, reason: 'the checker does not know what it renders' };
  }
  const option = body.find((line) => REFUSED_OPTION.test(line.text));
  if (option) {
    return {
      allowed: false,
      reason: `its option on line ${option.line} (${option.text.split(' ')[0] ?? ''}) reads another file or restyles the block`,
    };
  }
  return { allowed: true };
}
