import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEvidenceProvider } from '../../src/sources';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

// Threat: a candidate under --repos-root that makes git open files elsewhere (another
// repository's objects and refs, a device, a FIFO), or that hides its history (a shallow clone).
// Each is refused as unavailable, with the reason, in bounded time.

let root: string;
let outside: TempRepo;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A real candidate repository at `<root>/openstack/<name>`, with a release tag. */
function candidate(name: string, options: { bare?: boolean } = {}): string {
  const repo = createTempRepo();
  repo.commit('Initial', '2025-01-01T00:00:00Z');
  repo.tag('1.0.0', '2025-01-02T00:00:00Z');
  const dir = join(root, 'openstack', name);
  if (options.bare) {
    git(root, 'clone', '--quiet', '--bare', repo.dir, dir);
  } else {
    execFileSync('mv', [repo.dir, dir]);
  }
  return dir;
}

async function judged(name: string) {
  const started = Date.now();
  const provider = createEvidenceProvider({ asOf: '2026-01-01', reposRoot: root });
  const evidence = await provider.get('repository', `openstack/${name}`);
  return { evidence, ms: Date.now() - started };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-confine-'));
  mkdirSync(join(root, 'openstack'));
  outside = createTempRepo();
  outside.commit('Elsewhere', '2025-01-01T00:00:00Z');
  outside.tag('9.0.0', '2025-01-02T00:00:00Z');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  outside.cleanup();
});

describe('what git opens stays inside --repos-root', () => {
  it('reads a plain work tree and a bare repository', async () => {
    candidate('plain');
    candidate('bare', { bare: true });
    for (const name of ['plain', 'bare']) {
      const { evidence } = await judged(name);
      expect(evidence.status).toBe('available');
    }
  });

  it.each<[string, (dir: string) => void, RegExp]>([
    [
      'a .git file pointing outside',
      (dir) => {
        rmSync(join(dir, '.git'), { recursive: true });
        writeFileSync(join(dir, '.git'), `gitdir: ${join(outside.dir, '.git')}\n`);
      },
      /its \.git file leads outside the repositories root/,
    ],
    [
      'a symlinked .git',
      (dir) => {
        rmSync(join(dir, '.git'), { recursive: true });
        symlinkSync(join(outside.dir, '.git'), join(dir, '.git'));
      },
      /its \.git leads outside the repositories root/,
    ],
    [
      'a symlinked objects directory',
      (dir) => {
        rmSync(join(dir, '.git', 'objects'), { recursive: true });
        symlinkSync(join(outside.dir, '.git', 'objects'), join(dir, '.git', 'objects'));
      },
      /objects leads outside the repositories root/,
    ],
    [
      'a symlinked refs directory',
      (dir) => {
        rmSync(join(dir, '.git', 'refs', 'tags'), { recursive: true });
        symlinkSync(join(outside.dir, '.git', 'refs', 'tags'), join(dir, '.git', 'refs', 'tags'));
      },
      /refs\/tags leads outside the repositories root/,
    ],
    [
      'a commondir pointing outside',
      (dir) => writeFileSync(join(dir, '.git', 'commondir'), `${join(outside.dir, '.git')}\n`),
      /its commondir leads outside the repositories root/,
    ],
    [
      'object alternates pointing outside',
      (dir) =>
        writeFileSync(
          join(dir, '.git', 'objects', 'info', 'alternates'),
          `${join(outside.dir, '.git', 'objects')}\n`,
        ),
      /objects\/info\/alternates leads outside the repositories root/,
    ],
    [
      'a relative alternate climbing out',
      (dir) =>
        writeFileSync(
          join(dir, '.git', 'objects', 'info', 'alternates'),
          '../../../../../../../../../../../../tmp\n',
        ),
      /objects\/info\/alternates leads outside the repositories root/,
    ],
    [
      'a packed-refs symlink to a device',
      (dir) => symlinkSync('/dev/zero', join(dir, '.git', 'packed-refs')),
      /packed-refs leads outside the repositories root/,
    ],
  ])('refuses %s as unavailable', async (_what, sabotage, reason) => {
    const dir = candidate('evil');
    sabotage(dir);
    const { evidence, ms } = await judged('evil');
    expect(evidence).toEqual({
      status: 'unavailable',
      source: 'repository',
      reason: expect.stringMatching(reason),
    });
    expect(ms).toBeLessThan(10000);
  });

  it('follows a .git file that stays inside the root (a linked worktree)', async () => {
    const main = candidate('main');
    git(main, 'worktree', 'add', '--quiet', join(root, 'openstack', 'linked'), '-b', 'other');
    const { evidence } = await judged('linked');
    expect(evidence.status).toBe('available');
  });
});

describe('a shallow clone', () => {
  it('is unavailable, never read as a repository without branches or tags', async () => {
    const full = candidate('full');
    git(full, 'commit', '--quiet', '--allow-empty', '-m', 'Second');
    git(
      root,
      'clone',
      '--quiet',
      '--depth=1',
      `file://${full}`,
      join(root, 'openstack', 'shallow'),
    );
    const { evidence } = await judged('shallow');
    expect(evidence).toEqual({
      status: 'unavailable',
      source: 'repository',
      reason: expect.stringContaining('is a shallow clone'),
    });
  });
});

describe('bounded work', () => {
  it('answers a config that includes a FIFO (git would wait forever) within 10 s', async () => {
    const dir = candidate('fifo');
    const fifo = join(root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    git(dir, 'config', 'include.path', fifo);
    const { evidence, ms } = await judged('fifo');
    expect(evidence).toEqual({
      status: 'unavailable',
      source: 'repository',
      reason: expect.stringMatching(/no answer within \d+ s; stopped/),
    });
    expect(ms).toBeLessThan(10000);
  });

  it('refuses a flood of refs as unavailable', async () => {
    const dir = candidate('flood');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    const lines = ['# pack-refs with: peeled fully-peeled sorted'];
    for (let i = 0; i <= 20000; i += 1)
      lines.push(`${sha} refs/tags/flood-${String(i).padStart(6, '0')}`);
    writeFileSync(join(dir, '.git', 'packed-refs'), `${lines.join('\n')}\n`);
    const { evidence, ms } = await judged('flood');
    expect(evidence).toEqual({
      status: 'unavailable',
      source: 'repository',
      reason: expect.stringContaining('more than 20000 tags and branches'),
    });
    expect(ms).toBeLessThan(10000);
  });
});
