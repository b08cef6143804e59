import type { VersionKind } from './versions';
import {
  classifyVersion,
  compareVersions,
  isMajorFinal,
  isNonPatchFinal,
  isOfficialRelease,
} from './versions';

// Every shape of research §1.4 (releases data and git tags), plus pbr's own examples (§1.1).
const shapes: [string, VersionKind, string | null][] = [
  // text, kind, release-type
  ['1.2.3', 'final', null],
  ['0.1.0', 'final', null],
  ['5.8.0', 'final', null],
  ['13.0.0', 'final', null],
  ['2.1.0', 'final', null],
  ['1.4.10.1', 'final', 'xstatic'],
  ['1.4.10.1', 'legacy-final', null],
  ['2.6.0.1', 'legacy-final', 'python-service'],
  ['13.0.0.0rc1', 'pre-release', null],
  ['6.0.0.0rc1', 'pre-release', null],
  ['26.0.0.0b2', 'pre-release', null],
  ['6.1.1.0b1', 'pre-release', null],
  ['1.0.0.0a1', 'pre-release', null],
  ['1.0.0.0rc1', 'pre-release', 'xstatic'],
  ['1.0.0rc1', 'legacy-pre-release', null],
  ['10.0.0rc1', 'legacy-pre-release', null],
  ['0.3.rc1', 'legacy-pre-release', null],
  ['0.3a1', 'legacy-pre-release', null],
  ['1.0.0a1', 'legacy-pre-release', null],
  ['0.0.1a1', 'legacy-pre-release', null],
  ['0.2.2.rc3', 'legacy-pre-release', null],
  ['1.0.0.rc1', 'legacy-pre-release', null],
  ['1.0.0b2', 'legacy-pre-release', null],
  ['1.2b1', 'legacy-pre-release', null],
  ['1.2.3rc1', 'legacy-pre-release', null],
  ['1.0.0.0c1', 'unknown', null],
  ['2010.1', 'legacy-final', null],
  ['2014.2', 'legacy-final', null],
  ['0.2', 'legacy-final', null],
  ['1.0', 'legacy-final', null],
  ['v0.4.0', 'legacy-final', null],
  ['1.2.3.dev4', 'dev', null],
  ['1.2.3.0rc1.dev2', 'dev', null],
  ['juno-eol', 'special', null],
  ['2023.1-eol', 'special', null],
  ['2024.2-eol', 'special', null],
  ['2023.1-eom', 'special', null],
  ['zed-eom', 'special', null],
  ['xena-em', 'special', null],
  ['ocata-em', 'special', null],
  ['stein-last', 'special', null],
  ['2023.1-last', 'special', null],
  ['train-eol', 'special', null],
  ['yoga-eom', 'special', null],
  ['01.2.3', 'unknown', null],
  ['1.02.3', 'unknown', null],
  ['1.2.3-rc1', 'unknown', null],
  ['1.2.3.post1', 'unknown', null],
  ['2023.3-eol', 'unknown', null],
  ['Xena-eol', 'unknown', null],
  ['stable/2024.1', 'unknown', null],
  ['', 'unknown', null],
  ['1.2.3 ', 'unknown', null],
  ['1.2.3\n', 'unknown', null],
  // Numbers semver cannot hold are not comparable versions.
  ['9007199254740991.0.0', 'final', null],
  ['9007199254740992.0.0', 'unknown', null],
  ['1.0.0.0rc9007199254740992', 'unknown', null],
  ['1.4.10.9007199254740992', 'unknown', 'xstatic'],
];

describe('classifyVersion', () => {
  it.each(shapes)('%s is %s (release-type %s)', (text, kind, releaseType) => {
    expect(classifyVersion(text, { releaseType }).kind).toBe(kind);
  });

  it('answers a text read twice the same, per release-type, frozen against callers', () => {
    const plain = classifyVersion('1.4.10.1');
    const xstatic = classifyVersion('1.4.10.1', { releaseType: 'xstatic' });
    expect([plain.kind, xstatic.kind]).toEqual(['legacy-final', 'final']);
    expect(classifyVersion('1.4.10.1')).toBe(plain);
    expect(classifyVersion('1.4.10.1', { releaseType: 'xstatic' })).toBe(xstatic);
    expect(Object.isFrozen(plain) && Object.isFrozen(plain.parts)).toBe(true);
    expect(Object.isFrozen(classifyVersion('1.0.0.0rc1').pre)).toBe(true);
    expect(Object.isFrozen(classifyVersion('xena-eol').special)).toBe(true);
  });

  it('reads the parts, pre-release and special markers', () => {
    expect(classifyVersion('13.0.0.0rc1')).toMatchObject({
      parts: [13, 0, 0],
      pre: { type: 'rc', number: 1 },
    });
    expect(classifyVersion('26.0.0.0b2').pre).toEqual({ type: 'b', number: 2 });
    expect(classifyVersion('0.3a1')).toMatchObject({
      parts: [0, 3],
      pre: { type: 'a', number: 1 },
    });
    expect(classifyVersion('2023.1-eom').special).toEqual({ series: '2023.1', marker: 'eom' });
    expect(classifyVersion('xena-em').special).toEqual({ series: 'xena', marker: 'em' });
    expect(classifyVersion('1.4.10.1', { releaseType: 'xstatic' }).parts).toEqual([1, 4, 10, 1]);
  });
});

describe('official releases', () => {
  it.each([
    ['2.1.0', true],
    ['13.0.0.0rc1', false],
    ['26.0.0.0b2', false],
    ['1.0.0rc1', false],
    ['2023.1-eom', false],
    ['xena-em', false],
    ['stein-last', false],
    ['1.2.3.dev4', false],
    ['2014.2', false],
  ])('%s official: %s', (text, official) => {
    expect(isOfficialRelease(text)).toBe(official);
  });

  it.each([
    ['6.0.0', true],
    ['6.1.0', true],
    ['6.0.1', false],
    ['6.0.0.0rc1', false],
    ['2024.1-eol', false],
  ])('%s is a non-patch final: %s', (text, nonPatch) => {
    expect(isNonPatchFinal(text)).toBe(nonPatch);
  });

  it('reads xstatic four-part finals by their last part', () => {
    expect(isNonPatchFinal('1.4.10.0', { releaseType: 'xstatic' })).toBe(true);
    expect(isNonPatchFinal('1.4.10.1', { releaseType: 'xstatic' })).toBe(false);
    expect(isNonPatchFinal('1.4.10.0')).toBe(false);
  });

  it.each([
    ['7.0.0', true],
    ['7.1.0', false],
    ['0.0.0', true],
    ['7.0.0.0rc1', false],
  ])('%s is a major final: %s', (text, major) => {
    expect(isMajorFinal(text)).toBe(major);
  });
});

describe('compareVersions', () => {
  it.each([
    // finals, by semver
    ['1.0.0', '1.0.0', 0],
    ['1.10.0', '1.9.0', 1],
    ['1.9.10', '1.9.9', 1],
    ['10.0.0', '9.99.99', 1],
    ['2.0.0', '1.99.99', 1],
    ['0.0.1', '0.0.0', 1],
    // pre-releases: before their final, a < b < rc, numbered
    ['1.0.0.0rc1', '1.0.0', -1],
    ['1.0.0.0b2', '1.0.0.0rc1', -1],
    ['1.0.0.0a1', '1.0.0.0b1', -1],
    ['1.0.0.0rc2', '1.0.0.0rc1', 1],
    ['1.0.0.0rc10', '1.0.0.0rc9', 1],
    ['13.0.0.0rc1', '12.9.9', 1],
    ['13.0.0.0rc1', '13.0.1', -1],
    ['1.0.0rc1', '1.0.0.0rc1', 0],
    ['1.0.0c1', '1.0.0.0rc1', 0],
    ['1.0.0rc1', '1.0.0', -1],
    ['0.3a1', '0.3.0', -1],
    // a dev version reads as its final
    ['1.2.3.dev4', '1.2.3', 0],
    // four-part (xstatic): the first three by semver, then the fourth
    ['1.4.10.1', '1.4.10', 1],
    ['1.4.10.0', '1.4.10', 0],
    ['1.4.10.2', '1.4.10.10', -1],
    ['1.4.10.99', '1.4.11', -1],
    ['1.4.10.0', '1.4.10.0rc1', 1],
    ['1.4.11.0rc1', '1.4.10.1', 1],
    // not versions: after every version, in code-point order among themselves
    ['2023.1-eom', '99.0.0', 1],
    ['99.0.0', 'xena-em', -1],
    ['2023.1-eom', 'xena-em', -1],
    ['xena-em', 'xena-em', 0],
    ['01.2.3', '1.2.3', 1],
    ['1.02.3', '99.0.0', 1],
    ['9007199254740992.0.0', '1.0.0', 1],
    // date-based (until kilo) before every semver version
    ['2014.2', '2014.2.0', 0],
    ['2015.1.4', '12.0.0', -1],
    ['2015.1.4', '33.0.2', -1],
    ['2015.1.4', '0.0.1', -1],
    ['2015.1.0rc1', '1.0.0.0a1', -1],
    ['2011.2', '2015.1.4', -1],
    ['2015.1.0rc1', '2015.1.0', -1],
  ])('%s vs %s → %d', (a, b, sign) => {
    expect(compareVersions(a, b)).toBe(sign);
    expect(compareVersions(b, a)).toBe(-sign || 0);
  });

  it('sorts a mixed history into one total order', () => {
    const history = [
      'xena-em',
      '1.10.0',
      '2015.1.4',
      '1.9.0',
      '1.10.0.0rc1',
      '2023.1-eol',
      '1.4.10.1',
      '2014.2',
      '1.10.0.0b1',
      '12.0.0',
      '1.4.10',
    ];
    expect([...history].sort(compareVersions)).toEqual([
      '2014.2',
      '2015.1.4',
      '1.4.10',
      '1.4.10.1',
      '1.9.0',
      '1.10.0.0b1',
      '1.10.0.0rc1',
      '1.10.0',
      '12.0.0',
      '2023.1-eol',
      'xena-em',
    ]);
  });
});

describe('final versions', () => {
  it.each([
    ['1.10.0', true, false],
    ['1.9.1', false, false],
    ['10.0.0', true, true],
    ['1.10.0.0rc1', false, false],
    ['01.0.0', false, false],
    ['1.00.0', false, false],
    ['1.0.00', false, false],
    ['1.0', false, false],
    ['2015.1.0', true, false],
  ])('%s: non-patch final %s, major final %s', (text, nonPatch, major) => {
    expect(isNonPatchFinal(text)).toBe(nonPatch);
    expect(isMajorFinal(text)).toBe(major);
  });

  it('never counts a pre-release, dev version or special tag as a final', () => {
    for (const text of ['1.0.0.0rc1', '1.0.0.0b1', '1.0.0.0a1', '1.0.0rc1', '1.0.0.dev1']) {
      expect(isOfficialRelease(text)).toBe(false);
      expect(isOfficialRelease(text, { releaseType: 'xstatic' })).toBe(false);
    }
    expect(isOfficialRelease('2024.1-eol')).toBe(false);
    expect(isOfficialRelease('stein-last')).toBe(false);
  });
});
