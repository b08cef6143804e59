import { isLoopbackHost, mayCarryCredentials } from './origin';
import { parseGerritUrl } from './url';

describe('mayCarryCredentials', () => {
  it.each([
    'https://review.example.org',
    'https://review.example.org:8443/r',
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://127.1',
    'http://0x7f.0.0.1',
    'http://localhost:29418',
    'http://LOCALHOST',
    'http://[::1]:8080',
    'http://[0:0:0:0:0:0:0:1]',
  ])('sends credentials to %s', (url) => {
    expect(mayCarryCredentials(parseGerritUrl(url))).toBe(true);
  });

  it.each([
    'http://review.example.org',
    'http://review.example.org:443',
    'http://127.0.0.1.evil.com',
    'http://localhost.evil.com',
    'http://evil-localhost',
    'http://128.0.0.1',
    'http://10.0.0.1',
    'http://[::2]',
    'http://[::ffff:8.8.8.8]',
    'http://0.0.0.0',
  ])('refuses plain http to %s', (url) => {
    expect(mayCarryCredentials(parseGerritUrl(url))).toBe(false);
  });

  it('knows loopback names as URL spells them', () => {
    expect(isLoopbackHost(new URL('http://127.000.000.001').hostname)).toBe(true);
    expect(isLoopbackHost('127.0.0.1x')).toBe(false);
  });
});
