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

const https = (host: string, port = 443) => ({ host, port, defaultPort: 443 });
const http = (host: string, port = 80) => ({ host, port, defaultPort: 80 });

describe('netrcEntryFor', () => {
  const entries = parseNetrc(
    'default login d password dp\nmachine a.example login a password ap\nmachine a.example login b password bp',
  );

  it('takes the first entry for the host, ignoring case', () => {
    expect(netrcEntryFor(entries, https('A.Example'))).toEqual({
      machine: 'a.example',
      login: 'a',
      password: 'ap',
    });
  });

  it('falls back to the default entry', () => {
    expect(netrcEntryFor(entries, https('other.example'))?.login).toBe('d');
  });

  it('finds nothing without a default', () => {
    expect(netrcEntryFor(parseNetrc('machine a login b password c'), https('x'))).toBeNull();
  });
});

describe('netrcEntryFor: host, port and scheme', () => {
  const entries = parseNetrc(
    [
      'machine review.example.org login plain password p1',
      'machine review.example.org:8443 login alt password p2',
      'machine [::1]:8080 login six password p3',
      'machine 127.0.0.1:29418 login loop password p4',
    ].join('\n'),
  );
  const login = (target: Parameters<typeof netrcEntryFor>[1]) =>
    netrcEntryFor(entries, target)?.login ?? null;

  it('matches the exact host on the default port of the scheme', () => {
    expect(login(https('review.example.org'))).toBe('plain');
    expect(login(https('REVIEW.example.org'))).toBe('plain');
  });

  it.each([
    'review.example.org.evil.com',
    'evil-review.example.org',
    'example.org',
    'xreview.example.org',
  ])('never sends the review.example.org line to %s', (host) => {
    expect(login(https(host))).toBeNull();
  });

  it('sends a line without a port only to the default port', () => {
    expect(login(https('review.example.org', 8080))).toBeNull();
  });

  it('sends a line with a port only to that port', () => {
    expect(login(https('review.example.org', 8443))).toBe('alt');
    expect(login(https('review.example.org', 9443))).toBeNull();
  });

  it('reads IPv6 and loopback machines with ports', () => {
    expect(login(http('[::1]', 8080))).toBe('six');
    expect(login(http('[::1]'))).toBeNull();
    expect(login(http('127.0.0.1', 29418))).toBe('loop');
    expect(login(http('127.0.0.1', 29419))).toBeNull();
  });

  it('keeps http on its own default port: a port-less line means port 80 there', () => {
    expect(login(http('review.example.org'))).toBe('plain');
    expect(login(http('review.example.org', 443))).toBeNull();
  });
});
