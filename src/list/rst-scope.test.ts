import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from './parse';
import { ALL_OFFICIAL_SENTENCE } from './rst-scope';

const FIXTURE = path.resolve(__dirname, '../../test/fixtures/lists/repos-overseen-2025.rst');
const PAGE = 'doc/source/repos-overseen.rst';
const page = (...lines: string[]) => parseList(PAGE, `${lines.join('\n')}\n`);
const link = (name: string) => `* \`${name} <https://opendev.org/${name}>\`_`;
const WRAPPED = [
  'Reports of suspected vulnerabilities for all OpenStack source',
  'repositories officially fall under direct VMT oversight as long as',
  'they meet the expectations enumerated below.',
];

describe('the 2025 page: every official repository, no bullets', () => {
  it('reads the page as meaning every official repository, at the sentence line', () => {
    const list = parseList(PAGE, readFileSync(FIXTURE));
    expect(list.format).toBe('rst');
    expect(list.problems).toEqual([]);
    expect(list.entries).toEqual([]);
    expect(list.allOfficial).toEqual({ line: 11, clause: ALL_OFFICIAL_SENTENCE });
  });

  it('does not depend on how the sentence wraps or its case', () => {
    expect(page('Title', '=====', '', ALL_OFFICIAL_SENTENCE.toUpperCase()).allOfficial).toEqual({
      line: 4,
      clause: ALL_OFFICIAL_SENTENCE,
    });
  });

  it('keeps the bullets beside the sentence as entries', () => {
    const list = page(...WRAPPED, '', link('openstack/nova'));
    expect(list.allOfficial?.line).toBe(1);
    expect(list.entries.map((e) => e.name)).toEqual(['openstack/nova']);
  });

  it.each([
    ['in a comment (hidden from readers)', ['.. ', ...WRAPPED.map((l) => `   ${l}`)]],
    ['in a block quote', WRAPPED.map((l) => `   ${l}`)],
    ['in a note directive', ['.. note::', '', ...WRAPPED.map((l) => `   ${l}`)]],
    ['in a bullet', [`* ${WRAPPED[0] ?? ''}`, ...WRAPPED.slice(1).map((l) => `  ${l}`)]],
    ['negated', ['Not all OpenStack source repositories fall under VMT oversight.']],
    [
      'with words added',
      [...WRAPPED.slice(0, 2), 'they meet the expectations enumerated below, one day.'],
    ],
    ['cut short', WRAPPED.slice(0, 2)],
  ])('does not widen the list for the sentence %s', (_what, lines) => {
    expect(page(...lines).allOfficial).toBeUndefined();
  });

  it('an old page with bullets means only its bullets', () => {
    const list = page(
      'The following repositories fall under VMT oversight:',
      '',
      link('openstack/nova'),
    );
    expect(list.allOfficial).toBeUndefined();
    expect(list.entries).toHaveLength(1);
  });
});
