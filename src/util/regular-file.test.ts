import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileRefusedError, readRegularFile, readRegularFileSync } from './regular-file';

// The synchronous reader against the asynchronous one, which it must match byte for byte and
// refusal for refusal. (FIFOs and sockets need a process or a socket: test/hostile/reports.test.ts.)

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vmt-regular-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Buffer | string): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

/** Bytes that differ at every offset, so a chunk read twice or skipped shows. */
function pattern(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + (i >> 8)) % 251));
}

describe('readRegularFileSync', () => {
  it('with privateOnly, reads a file only the user may read or write, as the async reader does', async () => {
    const path = file('private', 'secret');
    chmodSync(path, 0o600);
    const options = { privateOnly: true };
    expect(readRegularFileSync(path, options)?.toString()).toBe('secret');
    expect((await readRegularFile(path, options))?.toString()).toBe('secret');
    chmodSync(path, 0o640);
    expect(() => readRegularFileSync(path, options)).toThrow(
      expect.objectContaining({ kind: 'not-private' }),
    );
    await expect(readRegularFile(path, options)).rejects.toMatchObject({ kind: 'not-private' });
    expect(readRegularFileSync(path)?.toString()).toBe('secret');
  });

  it.each([0, 1, 4095, 4096, 64 * 1024, 64 * 1024 + 1, 300 * 1024])(
    'reads a file of %i bytes as the async reader does',
    async (size) => {
      const path = file('data', pattern(size));
      const read = readRegularFileSync(path);
      expect(read?.equals(pattern(size))).toBe(true);
      expect(read?.equals((await readRegularFile(path)) ?? Buffer.alloc(1))).toBe(true);
    },
  );

  it('reads a file of exactly the cap and refuses one byte more', () => {
    const path = file('capped', pattern(1000));
    expect(readRegularFileSync(path, { maxBytes: 1000 })?.length).toBe(1000);
    expect(() => readRegularFileSync(path, { maxBytes: 999 })).toThrow(
      new FileRefusedError(path, 'too-large', 999),
    );
  });

  it('is null for nothing there, also below a file; refuses a directory, a device, a link when told', () => {
    const data = file('data.yaml', 'a: 1\n');
    expect(readRegularFileSync(join(dir, 'missing.yaml'))).toBeNull();
    expect(readRegularFileSync(join(data, 'below'))).toBeNull();
    symlinkSync('nowhere', join(dir, 'dangling'));
    expect(readRegularFileSync(join(dir, 'dangling'))).toBeNull();
    mkdirSync(join(dir, 'sub'));
    expect(() => readRegularFileSync(join(dir, 'sub'))).toThrow(
      expect.objectContaining({ kind: 'directory' }) as Error,
    );
    symlinkSync(devNull, join(dir, 'device'));
    expect(() => readRegularFileSync(join(dir, 'device'))).toThrow(
      expect.objectContaining({ kind: 'character-device' }) as Error,
    );
    symlinkSync(data, join(dir, 'link.yaml'));
    expect(readRegularFileSync(join(dir, 'link.yaml'))?.toString()).toBe('a: 1\n');
    expect(() => readRegularFileSync(join(dir, 'link.yaml'), { symlinks: 'refuse' })).toThrow(
      expect.objectContaining({ kind: 'symlink' }) as Error,
    );
  });

  // A file whose size fstat does not give (0) but which holds more: the reader reads on to the
  // end rather than trusting the size. Linux's /proc files are such files.
  const proc = '/proc/self/status';
  (existsSync(proc) ? it : it.skip)('reads on past the size fstat gives (a /proc file)', () => {
    const text = readRegularFileSync(proc)?.toString('utf8') ?? '';
    expect(text).toMatch(/^Name:/);
    expect(text.split('\n').length).toBe(readFileSync(proc, 'utf8').split('\n').length);
    expect(() => readRegularFileSync(proc, { maxBytes: 10 })).toThrow(FileRefusedError);
  });
});
