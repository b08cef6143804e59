import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRefFiles, readRefFilesSync } from './ref-files';

// Git directories laid out by hand (no git runs here): the files readRefFiles reads, and every
// way one can be unusual enough that git must be asked instead (null).

const LIMITS = { maxRefs: 20000, packedRefsBytes: 4 * 1024 * 1024 };
const PREFIXES = ['refs/tags/', 'refs/heads/', 'refs/remotes/origin/'];
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-ref-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** An ordinary git directory: loose refs, a packed-refs with a peeled tag, a remote HEAD. */
function ordinary(): void {
  write('HEAD', 'ref: refs/heads/master\n');
  write('config', '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
  write('refs/heads/master', `${A}\n`);
  write('refs/tags/1.0.0', `${B}\n`);
  write('refs/tags/nested/2.0.0', `${A}\n`);
  write('refs/remotes/origin/HEAD', 'ref: refs/remotes/origin/master\n');
  write(
    'packed-refs',
    `# pack-refs with: peeled fully-peeled sorted \n${C} refs/notes/commits\n` +
      `${C} refs/tags/0.9.0\n^${A}\n${C} refs/tags/1.0.0\n`,
  );
}

describe('refs read from the files of a git directory', () => {
  it('gives loose refs over packed ones, sorted, under the prefixes asked for only', async () => {
    ordinary();
    const expected = {
      head: 'refs/heads/master',
      refs: [
        { name: 'refs/heads/master', object: A, symref: null },
        { name: 'refs/remotes/origin/HEAD', object: null, symref: 'refs/remotes/origin/master' },
        { name: 'refs/tags/0.9.0', object: C, symref: null },
        { name: 'refs/tags/1.0.0', object: B, symref: null }, // the loose one, not packed C
        { name: 'refs/tags/nested/2.0.0', object: A, symref: null },
      ],
    };
    expect(readRefFilesSync(root, PREFIXES, LIMITS)).toEqual(expected);
    expect(await readRefFiles(root, PREFIXES, LIMITS)).toEqual(expected);
  });

  it('reads a detached HEAD, no packed-refs and a packed-refs bigger than its read buffer', () => {
    write('HEAD', `${A}\n`);
    write('config', '');
    const many = Array.from({ length: 1500 }, (_, i) => `${B} refs/tags/t${1000 + i}\n`);
    expect(readRefFilesSync(root, PREFIXES, LIMITS)).toEqual({ head: null, refs: [] });
    write('packed-refs', many.join('')); // some 80 KiB
    const files = readRefFilesSync(root, PREFIXES, LIMITS);
    expect([files?.refs.length, files?.refs.at(-1)]).toEqual([
      1500,
      { name: 'refs/tags/t2499', object: B, symref: null },
    ]);
    // A short file read after a long one gets its own bytes, not the long one's tail.
    write('packed-refs', `${C} refs/tags/x\n`);
    expect(readRefFilesSync(root, PREFIXES, LIMITS)?.refs).toEqual([
      { name: 'refs/tags/x', object: C, symref: null },
    ]);
  });

  const unusual: [string, () => void][] = [
    ['a symbolic link as a loose ref', () => symlinkSync('1.0.0', join(root, 'refs/tags/x'))],
    ['a dangling symbolic link', () => symlinkSync('nowhere', join(root, 'refs/tags/x'))],
    [
      'refs/tags as a link to a directory',
      () => {
        rmSync(join(root, 'refs/tags'), { recursive: true });
        mkdirSync(join(root, 'elsewhere'));
        symlinkSync(join(root, 'elsewhere'), join(root, 'refs/tags'));
      },
    ],
    [
      'HEAD as a link',
      () => {
        rmSync(join(root, 'HEAD'));
        symlinkSync('refs/heads/master', join(root, 'HEAD'));
      },
    ],
    [
      'packed-refs as a link',
      () => {
        write('other', `${A} refs/tags/y\n`);
        rmSync(join(root, 'packed-refs'));
        symlinkSync(join(root, 'other'), join(root, 'packed-refs'));
      },
    ],
    [
      'packed-refs as a directory',
      () => {
        rmSync(join(root, 'packed-refs'));
        mkdirSync(join(root, 'packed-refs'));
      },
    ],
    [
      'refs/tags as a file',
      () => {
        rmSync(join(root, 'refs/tags'), { recursive: true });
        write('refs/tags', `${A}\n`);
      },
    ],
    ['no config', () => rmSync(join(root, 'config'))],
    ['no HEAD', () => rmSync(join(root, 'HEAD'))],
    ['a ref storage setting', () => write('config', '[extensions]\n\trefStorage = reftable\n')],
    ['a reftable directory', () => mkdirSync(join(root, 'reftable'))],
    ['a commondir', () => write('commondir', '..\n')],
    ['a .lock file', () => write('refs/tags/x.lock', `${A}\n`)],
    ['a name git might read differently', () => write('refs/tags/a b', `${A}\n`)],
    ['a name ending in a dot', () => write('refs/tags/x.', `${A}\n`)],
    ['a loose ref over 512 bytes', () => write('refs/tags/x', `${A}\n${' '.repeat(600)}`)],
    ['a loose ref without its newline', () => write('refs/tags/x', A)],
    ['a loose ref of other text', () => write('refs/tags/x', 'hello\n')],
    ['a symbolic ref that is no HEAD', () => write('refs/tags/x', 'ref: refs/tags/1.0.0\n')],
    ['a packed line git might read differently', () => write('packed-refs', `${A}  refs/x\n`)],
    ['a packed-refs without its last newline', () => write('packed-refs', `${A} refs/tags/x`)],
    ['refs nested too deep', () => write(`refs/tags/${'d/'.repeat(13)}x`, `${A}\n`)],
    ['a HEAD that is not a branch', () => write('HEAD', 'ref: refs/tags/1.0.0\n')],
  ];
  it.each(unusual)('is null (git decides) for %s', (_, change) => {
    ordinary();
    expect(readRefFilesSync(root, PREFIXES, LIMITS)).not.toBeNull();
    change();
    expect(readRefFilesSync(root, PREFIXES, LIMITS)).toBeNull();
  });

  it('is null past the caps on refs and on the packed-refs size', () => {
    ordinary();
    expect(readRefFilesSync(root, PREFIXES, { ...LIMITS, maxRefs: 5 })).not.toBeNull();
    expect(readRefFilesSync(root, PREFIXES, { ...LIMITS, maxRefs: 4 })).toBeNull();
    expect(readRefFilesSync(root, PREFIXES, { ...LIMITS, packedRefsBytes: 100 })).toBeNull();
  });

  it('is null, never a partial listing, for a refs directory of more entries than the cap', () => {
    ordinary();
    // Empty directories hold no ref, but a listing cut at the cap could miss the ref after them.
    for (let i = 0; i < 6; i += 1) mkdirSync(join(root, `refs/tags/empty-${i}`));
    write('refs/tags/zz-last', `${C}\n`);
    const names = (maxRefs: number) =>
      readRefFilesSync(root, PREFIXES, { ...LIMITS, maxRefs })?.refs.map((ref) => ref.name);
    expect(names(100)).toContain('refs/tags/zz-last');
    expect(names(7)).toBeUndefined(); // refs/tags holds 9 entries
  });
});
