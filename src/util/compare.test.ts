import { compareText } from './compare';

describe('compareText', () => {
  it.each([
    ['a', 'a', 0],
    ['', '', 0],
    ['', 'a', -1],
    ['a', 'ab', -1],
    ['a', 'b', -1],
    // Code points, not the locale: capitals before lower case, punctuation by its code.
    ['Z', 'a', -1],
    ['stable/2023.1', 'stable/zed', -1],
    ['a-b', 'a.b', -1],
    ['a.b', 'a/b', -1],
    ['a/b', 'a_b', -1],
    ['python-ironic-inspector-client', 'python-ironicclient', -1],
    ['é', 'z', 1],
    // Beyond U+FFFF after U+E000–U+FFFF, as in UTF-8 bytes (UTF-16 `<` says the opposite).
    ['\u{1F600}', '\uFFFD', 1],
    ['x\u{1F600}', 'x\uE000', 1],
    ['\u{1F600}', '\u{1F601}', -1],
  ])('%j vs %j → %d', (a, b, sign) => {
    expect(compareText(a, b)).toBe(sign);
    expect(compareText(b, a)).toBe(-sign || 0);
    expect(compareText(a, b)).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});
