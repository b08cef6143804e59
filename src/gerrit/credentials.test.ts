import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Credentials, findCredentials } from './credentials';
import { GerritError } from './errors';

const PASSWORD = 'Xk9-very-secret-Zq';
const HOST = 'review.example.org';
const SITE = { host: HOST, port: 443, scheme: 'https' as const };

describe('findCredentials', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'vmt-netrc-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('reads GERRIT_USERNAME and GERRIT_PASSWORD', () => {
    const found = findCredentials({
      env: { GERRIT_USERNAME: 'bot', GERRIT_PASSWORD: PASSWORD },
      site: SITE,
      home,
    });
    expect(found?.authorization()).toBe(basic('bot', PASSWORD));
    expect(found?.source).toBe('the environment (GERRIT_PASSWORD)');
  });

  it('accepts GERRIT_HTTP_PASSWORD as the password', () => {
    const env = { GERRIT_USERNAME: 'bot', GERRIT_HTTP_PASSWORD: PASSWORD };
    expect(findCredentials({ env, site: SITE, home })?.authorization()).toBe(
      basic('bot', PASSWORD),
    );
  });

  it('prefers the environment to ~/.netrc', () => {
    writeFileSync(join(home, '.netrc'), `machine ${HOST} login other password other`);
    const env = { GERRIT_USERNAME: 'bot', GERRIT_PASSWORD: PASSWORD };
    expect(findCredentials({ env, site: SITE, home })?.authorization()).toBe(
      basic('bot', PASSWORD),
    );
  });

  it('reads the ~/.netrc entry of the Gerrit host', () => {
    writeFileSync(
      join(home, '.netrc'),
      `machine other.example login x password y\nmachine ${HOST} login bot password ${PASSWORD}\n`,
    );
    const found = findCredentials({ env: {}, site: SITE, home });
    expect(found?.authorization()).toBe(basic('bot', PASSWORD));
    expect(found?.source).toBe(`~/.netrc (machine ${HOST})`);
  });

  it('reads the file $NETRC names', () => {
    const file = join(home, 'elsewhere');
    writeFileSync(file, `default login bot password ${PASSWORD}`);
    const found = findCredentials({ env: { NETRC: file }, site: SITE, home });
    expect(found?.authorization()).toBe(basic('bot', PASSWORD));
    expect(found?.source).toBe('~/elsewhere (its default entry)');
  });

  it('refuses a netrc that is a FIFO or a device, at once, instead of waiting on it', () => {
    const fifo = join(home, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const started = Date.now();
      expect(() => findCredentials({ env: { NETRC: file }, site: SITE, home })).toThrow(
        /not a regular file/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('finds none without variables or a matching entry', () => {
    expect(findCredentials({ env: {}, site: SITE, home })).toBeNull();
    writeFileSync(join(home, '.netrc'), 'machine other.example login x password y');
    expect(findCredentials({ env: {}, site: SITE, home })).toBeNull();
  });

  it.each([
    [{ GERRIT_USERNAME: 'bot' }, 'neither GERRIT_PASSWORD nor GERRIT_HTTP_PASSWORD'],
    [{ GERRIT_PASSWORD: PASSWORD }, 'GERRIT_PASSWORD is set but GERRIT_USERNAME is not'],
  ])('refuses half a credential (%o) without showing it', (env, message) => {
    let error: unknown;
    try {
      findCredentials({ env, site: SITE, home });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GerritError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain(PASSWORD);
  });
});

describe('Credentials', () => {
  const credentials = new Credentials('bot-account', PASSWORD, 'the environment (GERRIT_PASSWORD)');

  it('never shows its values when printed, inspected or serialised', () => {
    const shown = [
      String(credentials),
      `${credentials}`,
      inspect(credentials),
      inspect({ nested: credentials }, { depth: 5, showHidden: true }),
      JSON.stringify(credentials),
      JSON.stringify({ credentials }),
    ];
    for (const text of shown) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('bot-account');
      expect(text).not.toContain(credentials.authorization().slice(6));
    }
  });

  it('redacts a password, the user name and the header a server echoes', () => {
    const echo = `denied for bot-account:${PASSWORD} (${credentials.authorization()})`;
    const redacted = credentials.redact(echo);
    expect(redacted).not.toContain(PASSWORD);
    expect(redacted).not.toContain('bot-account');
    expect(redacted).not.toContain(credentials.authorization().slice(6));
  });
});
