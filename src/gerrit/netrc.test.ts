import { netrcEntryFor, parseNetrc } from './netrc';

describe('parseNetrc', () => {
  it.each([
    [
      'one entry per line',
      'machine review.example.org\nlogin bot\npassword s3cret\n',
      [{ machine: 'review.example.org', login: 'bot', password: 's3cret' }],
    ],
    [
      'several entries on one line, account ignored',
      'machine a.example login u1 password p1 account x machine b.example login u2 password p2',
      [
        { machine: 'a.example', login: 'u1', password: 'p1' },
        { machine: 'b.example', login: 'u2', password: 'p2' },
      ],
    ],
    [
      'a default entry',
      'machine a.example login u1 password p1\ndefault login anon password guest',
      [
        { machine: 'a.example', login: 'u1', password: 'p1' },
        { machine: null, login: 'anon', password: 'guest' },
      ],
    ],
    [
      'comments and a macdef body are skipped',
      '# my hosts\nmacdef init\ncd /pub\nmachine evil login x password y\n\nmachine ok.example login u password p # trailing\n',
      [{ machine: 'ok.example', login: 'u', password: 'p' }],
    ],
    [
      'quoted tokens with spaces and escapes',
      'machine q.example login "bot user" password "pa ss\\"word"',
      [{ machine: 'q.example', login: 'bot user', password: 'pa ss"word' }],
    ],
    [
      'host names are lower-cased',
      'machine Review.Example.ORG login u password p',
      [{ machine: 'review.example.org', login: 'u', password: 'p' }],
    ],
    ['an empty file', '', []],
    ['a truncated entry', 'machine a.example login', [{ machine: 'a.example' }]],
  ])('%s', (_name, text, expected) => {
    expect(parseNetrc(text)).toEqual(expected);
  });
});

describe('netrcEntryFor', () => {
  const entries = parseNetrc(
    'default login d password dp\nmachine a.example login a password ap\nmachine a.example login b password bp',
  );

  it('takes the first entry for the host, ignoring case', () => {
    expect(netrcEntryFor(entries, 'A.Example')).toEqual({
      machine: 'a.example',
      login: 'a',
      password: 'ap',
    });
  });

  it('falls back to the default entry', () => {
    expect(netrcEntryFor(entries, 'other.example')?.login).toBe('d');
  });

  it('finds nothing without a default', () => {
    expect(netrcEntryFor(parseNetrc('machine a login b password c'), 'x')).toBeNull();
  });
});
