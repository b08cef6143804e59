import { UsageError } from '../errors';
import { changeIdOf, endpoint, parseChangeArgument, parseGerritUrl } from './url';

describe('parseGerritUrl', () => {
  it.each([
    ['https://review.opendev.org', 'https://review.opendev.org', 'review.opendev.org', 443],
    ['https://review.opendev.org/', 'https://review.opendev.org', 'review.opendev.org', 443],
    ['https://Example.org:8443/r/', 'https://example.org:8443/r', 'example.org', 8443],
    ['http://127.0.0.1:8080/a/', 'http://127.0.0.1:8080', '127.0.0.1', 8080],
    ['http://[::1]/', 'http://[::1]', '[::1]', 80],
  ])('%s', (text, base, host, port) => {
    const scheme = text.startsWith('https:') ? 'https' : 'http';
    expect(parseGerritUrl(text)).toEqual({ base, host, port, scheme });
  });

  it.each(['review.opendev.org', 'ftp://example.org', 'https://example.org/?q=1'])(
    'refuses %s',
    (text) => {
      expect(() => parseGerritUrl(text)).toThrow(UsageError);
    },
  );

  it('refuses credentials in the URL without repeating them', () => {
    expect(() => parseGerritUrl('https://bot:hunter2@review.example.org')).toThrow(
      /must not contain credentials/,
    );
    try {
      parseGerritUrl('https://bot:hunter2@review.example.org');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});

describe('change ids', () => {
  it('parses a number or project~number', () => {
    expect(parseChangeArgument('912345')).toEqual({ number: 912345, project: null });
    expect(parseChangeArgument('openstack/ossa~912345')).toEqual({
      number: 912345,
      project: 'openstack/ossa',
    });
    expect(() => parseChangeArgument('I0123abc')).toThrow(UsageError);
    expect(() => parseChangeArgument('0')).toThrow(UsageError);
  });

  it('URL-encodes the project', () => {
    expect(changeIdOf({ number: 1, project: 'openstack/ossa' })).toBe('openstack%2Fossa~1');
    expect(changeIdOf({ number: 1, project: null })).toBe('1');
  });

  it('puts authenticated calls under /a/', () => {
    const site = parseGerritUrl('https://example.org/r');
    expect(endpoint(site, 'changes/1', true)).toBe('https://example.org/r/a/changes/1');
    expect(endpoint(site, 'changes/1', false)).toBe('https://example.org/r/changes/1');
  });
});
