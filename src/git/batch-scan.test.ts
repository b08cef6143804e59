import { objectHeader } from './batch';

// The hand-written scanners of batch.ts against the regular expressions they stand for.

const HEADER = /^[0-9a-f]{40,64} (blob|tree|commit|tag) (\d{1,15})$/;

const regexHeader = (header: string) => {
  const match = HEADER.exec(header);
  return match ? { type: match[1], size: Number(match[2]) } : null;
};

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T =>
  items[Math.floor(next() * items.length)]!;

function hex(next: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(next, [...'0123456789abcdef', 'A', 'g', ' ']);
  return text;
}

describe('the cat-file scanners read as the regular expressions they replace', () => {
  const id = 'ab'.repeat(20);
  const headers = [
    `${id} blob 12`,
    `${id} tree 0`,
    `${id} commit 123456789012345`,
    `${id} commit 1234567890123456`,
    `${id} tag 7`,
    `${id} tags 7`,
    `${id} blob `,
    `${id} blob 1 `,
    `${id}  blob 1`,
    `${id} blob -1`,
    `${id} blob 1e3`,
    `${'a'.repeat(39)} blob 1`,
    `${'a'.repeat(52)} blob 1`,
    `${'a'.repeat(65)} blob 1`,
    `${id} missing`,
    `${id} blob 1\r`,
    `${id} blob ١`,
    '',
  ];
  it.each(headers)('objectHeader agrees on %j', (header) =>
    expect(objectHeader(header)).toEqual(regexHeader(header)),
  );

  it('agree on random headers', () => {
    const next = random(3);
    for (let i = 0; i < 20000; i++) {
      const name = hex(next, pick(next, [39, 40, 41, 52, 63, 64, 65]));
      const type = pick(next, ['blob', 'tree', 'commit', 'tag', 'tagx', '', 'blo']);
      const size = pick(next, ['0', '17', '9'.repeat(15), '9'.repeat(16), '', ' 1', '1 ', 'x']);
      const header = `${name}${pick(next, [' ', ' ', '  ', ''])}${type} ${size}`;
      expect([header, objectHeader(header)]).toEqual([header, regexHeader(header)]);
    }
  });
});
