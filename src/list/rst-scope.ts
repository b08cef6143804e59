/**
 * The VMT page after the 2025 policy change (TC resolution 20250317, openstack/ossa commit
 * 0938a0a) lists no repository: one sentence says every OpenStack source repository is overseen
 * as long as it meets the expectations. That sentence is recognised only as the page says it,
 * in a paragraph of the page itself, so other wording never widens what the list means.
 */
import type { AllOfficialScope } from './model';
import type { TopParagraph } from './rst-walk';

/** The sentence as openstack/ossa `doc/source/repos-overseen.rst` says it since 0938a0a. */
export const ALL_OFFICIAL_SENTENCE =
  'Reports of suspected vulnerabilities for all OpenStack source repositories officially fall ' +
  'under direct VMT oversight as long as they meet the expectations enumerated below.';

const NORMAL_SENTENCE = normalise(ALL_OFFICIAL_SENTENCE);

/** The paragraph that says every official repository is overseen, if the page has one. */
export function allOfficialScope(paragraphs: readonly TopParagraph[]): AllOfficialScope | null {
  const found = paragraphs.find((paragraph) => normalise(paragraph.text) === NORMAL_SENTENCE);
  return found ? { line: found.line, clause: ALL_OFFICIAL_SENTENCE } : null;
}

/** Case and runs of whitespace (how the page wraps the sentence) do not matter. */
function normalise(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
}
