import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import { isSafeRepositoryName, locateRepository } from './locate';

let root: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-root-'));
  outside = mkdtempSync(join(tmpdir(), 'vmt-outside-'));
  hermeticGit(outside, ['init', '--quiet']);
  mkdirSync(join(root, 'openstack', 'plain'), { recursive: true });
  mkdirSync(join(root, 'openstack', 'worktree-repo'), { recursive: true });
  hermeticGit(join(root, 'openstack', 'worktree-repo'), ['init', '--quiet']);
  symlinkSync(outside, join(root, 'openstack', 'escape'));
  // The root itself is a git work tree: a plain directory inside it must not borrow its .git.
  hermeticGit(root, ['init', '--quiet']);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('locating a candidate repository', () => {
  it.each([
    '../etc',
    'openstack/..',
    'openstack/../x',
    'openstack/a/b',
    'openstack',
    '-rf/x',
    'openstack/-x',
    'openstack/',
    '/etc/passwd',
    'openstack/x y',
    'openstack/x\ny',
    'openstack/..x',
  ])('refuses the hostile name %j', async (name) => {
    expect(isSafeRepositoryName(name)).toBe(false);
    await expect(locateRepository(root, name)).rejects.toThrow('is not a safe repository name');
  });

  it('accepts real names', () => {
    for (const name of [
      'openstack/os-brick',
      'openstack/glance_store',
      'x/oslo.config',
      'openstack/sushy',
    ]) {
      expect(isSafeRepositoryName(name)).toBe(true);
    }
  });

  it('finds work trees and refuses what is not one', async () => {
    await expect(locateRepository(root, 'openstack/worktree-repo')).resolves.toBe(
      join(root, 'openstack/worktree-repo/.git'),
    );
    await expect(locateRepository(root, 'openstack/plain')).rejects.toThrow(
      `${join(root, 'openstack/plain')} is not a git repository`,
    );
    await expect(locateRepository(root, 'openstack/escape')).rejects.toThrow('leads outside');
    await expect(locateRepository(join(root, 'nope'), 'openstack/worktree-repo')).rejects.toThrow(
      'is not a directory',
    );
  });
});
