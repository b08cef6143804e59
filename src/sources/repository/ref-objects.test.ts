import { identDate, peeledObject } from './ref-objects';

/** What git's iso-strict prints for an ident, by way of Date (the reading identDate must equal). */
function expected(seconds: number, offset: string): string {
  const sign = offset[0] === '-' ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const local = new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 19);
  const printed = minutes === 0 ? '+' : offset[0];
  return `${local}${printed}${offset.slice(1, 3)}:${offset.slice(3, 5)}`;
}

const tagger = (seconds: number, offset: string) =>
  `object ${'a'.repeat(40)}\ntype commit\ntag 1.0.0\ntagger A U Thor <a@example.org> ${seconds} ${offset}`;

describe('identDate', () => {
  it('prints every instant an ident can hold as Date does, in the ident’s own offset', () => {
    // Day, month, leap-year and century edges, the largest ten-digit time, and a spread between.
    const edges = [0, 59, 86399, 86400, 951782400, 951868799, 946684800, 4107542400, 9999999999];
    let seed = 12345;
    const spread = Array.from({ length: 5000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * 1e10);
    });
    for (const seconds of [...edges, ...spread]) {
      for (const offset of ['+0000', '-0000', '+0530', '-0100', '+9959', '-9959']) {
        expect(identDate(tagger(seconds, offset), 'tagger')).toBe(expected(seconds, offset));
      }
    }
  });

  it('reads only the one line that starts with the field', () => {
    const ident = 'tagger A <a@example.org> 1700000000 +0100';
    expect(identDate(ident, 'tagger')).toBe('2023-11-14T23:13:20+01:00');
    expect(identDate(`tree x\ntagger tagger <t@example.org> 1700000000 -0100`, 'tagger')).toBe(
      '2023-11-14T21:13:20-01:00',
    );
    expect(identDate(`${ident}\n${ident}`, 'tagger')).toBeNull();
    expect(identDate(`message tagger A <a@example.org> 1 +0000`, 'tagger')).toBeNull();
    expect(identDate(`${ident}\r`, 'tagger')).toBeNull();
    expect(identDate(ident, 'committer')).toBeNull();
  });

  it('reads only the plain ident form: name, <address>, seconds, offset', () => {
    const at = (rest: string) => identDate(`tagger ${rest}`, 'tagger');
    expect(at('<a@example.org> 0 -0000')).toBe('1970-01-01T00:00:00+00:00');
    expect(at('Bot <> 9999999999 +9959')).toBe('2286-11-24T21:45:39+99:59');
    for (const rest of [
      'A <a@example.org> 12345678901 +0100', // eleven digits
      'A <a@example.org>  1700000000 +0100',
      'A <a@example.org> 1700000000 +0160', // minutes past 59
      'A <a@example.org> 1700000000 +01000',
      'A <a@example.org> 1700000000 *0100',
      'A <a@example.org> 1700000000 +0100 ',
      'A <a@example.org> ١٧٠٠٠٠٠٠٠٠ +0100', // digits, but not ASCII
      'A a@example.org> 1700000000 +0100',
      'A >a@example.org< 1700000000 +0100',
      'A <a<b@example.org> 1700000000 +0100',
      'A <a@example.org>> 1700000000 +0100',
      'A <a@example.org>1700000000 +0100',
    ]) {
      expect([rest, at(rest)]).toEqual([rest, null]);
    }
  });
});

describe('peeledObject', () => {
  // What it replaces: the first line of the header the expression finds.
  const OBJECT_LINE = /^object ([0-9a-f]{40}(?:[0-9a-f]{24})?)$/m;
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(64);
  it.each([
    `object ${A}\ntype commit\ntag 1.0.0`,
    `object ${B}\ntype commit`,
    `object ${A}`,
    `object ${A}0\nobject ${B}`,
    `object ${A.toUpperCase()}\nobject ${A}`,
    `object ${A} \nobject ${B}`,
    `object ${A}\r\ntype commit`,
    `object ${'g'.repeat(40)}\ntype commit`,
    `type commit\nobject ${A}`,
    `objects ${A}`,
    `object  ${A}`,
    `object ${A.slice(1)}`,
    `object ${B.slice(1)}\nobject ${A}`,
    'object ',
    '',
  ])('reads %j as the expression does', (header) => {
    expect(peeledObject(header)).toBe(OBJECT_LINE.exec(header)?.[1]);
  });
});
