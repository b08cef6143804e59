import { isObjectId, ordinaryComponent, ordinaryName, packedLine } from './ref-files';

// The hand-written scanners of ref-files.ts against the regular expressions they stand for: the
// same answer for every string, on strings built to sit at each boundary and on random ones.

const OBJECT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const COMPONENT = /^[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*$/;
const PACKED = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) (refs\/[^\n]+)$/;

const regexComponent = (part: string): boolean =>
  COMPONENT.test(part) && !part.endsWith('.lock') && !part.endsWith('.');
const regexName = (name: string): boolean => {
  const parts = name.split('/');
  return parts.length >= 2 && parts.every(regexComponent);
};
const regexPacked = (line: string) => {
  const match = PACKED.exec(line);
  return match ? { name: match[2], object: match[1], symref: null } : null;
};

/** A seeded generator, so a failure is the same failure on the next run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const ALPHABET = [
  'a',
  'f',
  'g',
  'A',
  'Z',
  '0',
  '9',
  '.',
  '_',
  '+',
  '@',
  '-',
  '/',
  ' ',
  '^',
  '\r',
  '\n',
  '~',
  'é',
  ':',
  'k',
];
const HEX40 = '0123456789abcdef'.repeat(3).slice(0, 40);
const HEX64 = '0123456789abcdef'.repeat(4);

function randomText(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

const names = [
  '',
  '/',
  'refs',
  'refs/',
  '/refs',
  'refs//a',
  'refs/tags/1.0',
  'refs/tags/.hidden',
  'refs/tags/a.',
  'refs/tags/a.lock',
  'refs/tags/.lock',
  'refs/tags/a.locked',
  'refs/tags/lock',
  'refs/heads/stable/2024.1',
  'refs/tags/-x',
  'refs/tags/+@_-',
  'refs/tags/a b',
  'refs/tags/é',
  'refs/tags/a\n',
  'refs/tags/a..b',
  'refs/tags/..',
  'refs/tags/.',
  'a/b',
  'refs/tags/x.lock/y',
];

describe('the ref scanners read as the regular expressions they replace', () => {
  it.each(names)('ordinaryName and ordinaryComponent agree on %j', (name) => {
    expect(ordinaryName(name)).toBe(regexName(name));
    for (const part of name.split('/')) expect(ordinaryComponent(part)).toBe(regexComponent(part));
  });

  it('agree on random names', () => {
    const next = random(12);
    for (let i = 0; i < 20000; i++) {
      const name = randomText(next, Math.floor(next() * 14));
      expect([name, ordinaryName(name)]).toEqual([name, regexName(name)]);
    }
  });

  const lines = [
    `${HEX40} refs/tags/1.0.0`,
    `${HEX64} refs/tags/1.0.0`,
    `${HEX40} refs/`,
    `${HEX40} refs/x`,
    `${HEX40}  refs/x`,
    `${HEX40}a refs/x`,
    `${HEX64.slice(0, 63)} refs/x`,
    `${HEX64}0 refs/x`,
    `${HEX40.toUpperCase()} refs/x`,
    `${HEX40.slice(0, 39)}g refs/x`,
    `${HEX40} refs/x\r`,
    `${HEX40} ref/x`,
    `${HEX40}\trefs/x`,
    `^${HEX40}`,
    `^${HEX64}`,
    `^${HEX40}0`,
    '',
    ' ',
    `${HEX40}`,
    `${HEX40} `,
  ];
  it.each(lines)('packedLine and isObjectId agree on %j', (line) => {
    expect(packedLine(line)).toEqual(regexPacked(line));
    expect(isObjectId(line, 0, line.length)).toBe(OBJECT.test(line));
    expect(isObjectId(line, 1, line.length)).toBe(OBJECT.test(line.slice(1)));
  });

  it('agree on random lines around an object id', () => {
    const next = random(7);
    const hex = '0123456789abcdefA';
    for (let i = 0; i < 20000; i++) {
      const idLength = [39, 40, 41, 63, 64, 65][Math.floor(next() * 6)]!;
      let id = '';
      for (let j = 0; j < idLength; j++) id += hex[Math.floor(next() * (next() < 0.98 ? 16 : 17))];
      const sep = next() < 0.9 ? ' ' : randomText(next, 1);
      const rest =
        next() < 0.8 ? `refs/${randomText(next, Math.floor(next() * 6))}` : randomText(next, 6);
      const line = `${id}${sep}${rest}`;
      expect([line, packedLine(line)]).toEqual([line, regexPacked(line)]);
      expect([id, isObjectId(id, 0, id.length)]).toEqual([id, OBJECT.test(id)]);
    }
  });
});
