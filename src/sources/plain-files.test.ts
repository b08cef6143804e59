import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { plainFileReader } from './plain-files';
import { Unavailable } from './unavailable';

// A plain data directory read through its per-run directory listings: every answer must be the
// one the file system gives (present, missing, refused), and the listing may only ever answer
// "missing" for a name it certainly does not hold.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-plain-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

const reader = () => plainFileReader('releases', root);

describe('plain data files', () => {
  it('reads what is there and nothing else, a directory or a dangling link as missing', async () => {
    write('deliverables/zed/nova.yaml', 'team: nova\n');
    write('deliverables/zed/sub/x.yaml', 'x\n');
    write('data/series_status.yaml', 'zed\n');
    symlinkSync('nova.yaml', join(root, 'deliverables/zed/linked.yaml'));
    symlinkSync('nowhere.yaml', join(root, 'deliverables/zed/dangling.yaml'));
    const paths = [
      'deliverables/zed/nova.yaml',
      'deliverables/zed/glance_store.yaml',
      'deliverables/zed/glance-store.yaml',
      'deliverables/zed/linked.yaml',
      'deliverables/zed/dangling.yaml',
      'deliverables/zed/sub', // a directory
      'deliverables/zed/sub/x.yaml',
      'deliverables/yoga/nova.yaml', // no such directory
      'deliverables/zed/nova.yaml/x', // below a file
      'data/series_status.yaml',
      'README.rst',
    ];
    expect(await reader()(paths)).toEqual(
      new Map([
        ['deliverables/zed/nova.yaml', 'team: nova\n'],
        ['deliverables/zed/glance_store.yaml', null],
        ['deliverables/zed/glance-store.yaml', null],
        ['deliverables/zed/linked.yaml', 'team: nova\n'],
        ['deliverables/zed/dangling.yaml', null],
        ['deliverables/zed/sub', null],
        ['deliverables/zed/sub/x.yaml', 'x\n'],
        ['deliverables/yoga/nova.yaml', null],
        ['deliverables/zed/nova.yaml/x', null],
        ['data/series_status.yaml', 'zed\n'],
        ['README.rst', null],
      ]),
    );
  });

  it('lists a directory once: a file added later stays missing, a listed one reads as it is now', async () => {
    write('deliverables/zed/nova.yaml', 'one\n');
    write('deliverables/zed/gone.yaml', 'gone\n');
    const read = reader();
    expect(await read(['deliverables/zed/cinder.yaml'])).toEqual(
      new Map([['deliverables/zed/cinder.yaml', null]]),
    );
    write('deliverables/zed/cinder.yaml', 'new\n'); // after the listing: the run's snapshot
    write('deliverables/zed/nova.yaml', 'two\n');
    unlinkSync(join(root, 'deliverables/zed/gone.yaml'));
    const paths = ['deliverables/zed/cinder.yaml', 'deliverables/zed/nova.yaml'];
    expect(await read([...paths, 'deliverables/zed/gone.yaml'])).toEqual(
      new Map([
        ['deliverables/zed/cinder.yaml', null],
        ['deliverables/zed/nova.yaml', 'two\n'],
        ['deliverables/zed/gone.yaml', null],
      ]),
    );
    // A reader of its own (the next run) lists the directory again.
    expect((await reader()(paths)).get('deliverables/zed/cinder.yaml')).toBe('new\n');
  });

  // Each of these is created after the directory was listed: found only if the file system is
  // asked, which it must be for any name the listing cannot vouch for.
  const askTheFileSystem: [string, string, string][] = [
    ['a name with a space', 'a b.yaml', 'a b.yaml'],
    ['a name that is not ASCII', 'ünï.yaml', 'ünï.yaml'],
    ['a path through ..', 'x/../late.yaml', 'late.yaml'],
    ['a path with an empty component', 'x//late.yaml', 'x/late.yaml'],
    ['a name ending in a dot', 'late.', 'late.'],
  ];
  it.each(askTheFileSystem)('asks the file system for %s', async (_, asked, created) => {
    write('x/listed.yaml', 'listed\n');
    const read = reader();
    expect((await read(['listed.yaml', 'x/listed.yaml'])).get('x/listed.yaml')).toBe('listed\n');
    write(created, 'late\n');
    expect((await read([asked])).get(asked)).toBe('late\n');
  });

  it('asks the file system when the listing holds the name in another case or a non-ASCII name', async () => {
    // On a case-blind file system (macOS) these would be the same file: the listing must not say
    // missing. Here (case-sensitive) the file system answers, and says what it holds.
    write('d/Nova.yaml', 'upper\n');
    write('e/ünï.yaml', 'other\n');
    const read = reader();
    expect(await read(['d/nova.yaml', 'e/cinder.yaml'])).toEqual(
      new Map([
        ['d/nova.yaml', null],
        ['e/cinder.yaml', null],
      ]),
    );
    write('d/nova.yaml', 'lower\n');
    write('e/cinder.yaml', 'late\n');
    expect(await read(['d/nova.yaml', 'e/cinder.yaml', 'd/Nova.yaml'])).toEqual(
      new Map([
        ['d/nova.yaml', 'lower\n'],
        ['e/cinder.yaml', 'late\n'],
        ['d/Nova.yaml', 'upper\n'],
      ]),
    );
  });

  it('makes a device where a data file should be unavailable, listed or not', async () => {
    write('data/other.yaml', 'x\n');
    symlinkSync(devNull, join(root, 'data/series_status.yaml'));
    await expect(reader()(['data/other.yaml', 'data/series_status.yaml'])).rejects.toThrow(
      new Unavailable(
        'releases',
        `releases data: ${join(root, 'data/series_status.yaml')} is a character device, not a regular file`,
      ),
    );
  });
});
