import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confinedGitDir } from './confine';

let base: string;
let root: string;
let outside: string;

/** A bare git directory's skeleton (what confinedGitDir reads), without git. */
function bare(name: string): string {
  const dir = join(root, name);
  for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags', 'info']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  writeFileSync(join(dir, 'HEAD'), 'ref: refs/heads/master\n');
  writeFileSync(join(dir, 'config'), '[core]\n\tbare = true\n');
  return dir;
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'vmt-confine-unit-'));
  root = join(base, 'root');
  outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(join(outside, 'tags'), { recursive: true });
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('confinedGitDir', () => {
  it('accepts a git directory whose entries stay inside, absent ones included', async () => {
    const dir = bare('plain');
    await expect(confinedGitDir(dir, root)).resolves.toEqual({ gitDir: dir, shallow: false });
    writeFileSync(join(dir, 'shallow'), '');
    await expect(confinedGitDir(dir, root)).resolves.toEqual({ gitDir: dir, shallow: true });
  });

  it('follows a link that stays inside the root, and reads past names it does not know', async () => {
    const dir = bare('linked');
    mkdirSync(join(root, 'shared-tags'));
    rmSync(join(dir, 'refs', 'tags'), { recursive: true });
    symlinkSync(join(root, 'shared-tags'), join(dir, 'refs', 'tags'));
    writeFileSync(join(dir, 'Packed-Réfs'), '');
    await expect(confinedGitDir(dir, root)).resolves.toEqual({ gitDir: dir, shallow: false });
  });

  it('checks a git directory too large to list entry by entry, refusing what leads out', async () => {
    const dir = bare('crowded');
    for (let i = 0; i < 1100; i += 1) writeFileSync(join(dir, `junk-${i}`), '');
    await expect(confinedGitDir(dir, root)).resolves.toEqual({ gitDir: dir, shallow: false });
    symlinkSync(join(outside, 'tags'), join(dir, 'packed-refs'));
    await expect(confinedGitDir(dir, root)).rejects.toThrow('packed-refs leads outside');
  });

  it.each<[string, (dir: string) => void, string]>([
    [
      'a symlinked refs/tags',
      (dir) => {
        rmSync(join(dir, 'refs', 'tags'), { recursive: true });
        symlinkSync(join(outside, 'tags'), join(dir, 'refs', 'tags'));
      },
      'refs/tags leads outside the repositories root',
    ],
    [
      'a symlinked objects/pack under a linked objects',
      (dir) => {
        mkdirSync(join(root, 'objects-elsewhere', 'info'), { recursive: true });
        symlinkSync(outside, join(root, 'objects-elsewhere', 'pack'));
        rmSync(join(dir, 'objects'), { recursive: true });
        symlinkSync(join(root, 'objects-elsewhere'), join(dir, 'objects'));
      },
      'objects/pack leads outside the repositories root',
    ],
    [
      'a dangling packed-refs',
      (dir) => symlinkSync(join(root, 'nowhere'), join(dir, 'packed-refs')),
      'packed-refs cannot be resolved (a broken link?)',
    ],
    [
      'a shallow file linked outside',
      (dir) => symlinkSync(join(outside, 'tags'), join(dir, 'shallow')),
      'shallow leads outside the repositories root',
    ],
  ])('refuses %s', async (_what, sabotage, message) => {
    const dir = bare('evil');
    sabotage(dir);
    await expect(confinedGitDir(dir, root)).rejects.toThrow(message);
  });
});
