import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judges, nodeCompiles, packageRoot } from './start-options';

describe('judges', () => {
  it.each([
    [['check', '--repo', '.'], true],
    [['audit', '--all-official'], true],
    [['vote', '--change', '1'], true],
    [['propose', 'add', 'openstack/x'], true],
    [['explain', 'embargo'], false],
    [['check', '--help'], false],
    [['audit', '-h'], false],
    [['--version'], false],
    [[], false],
    [['--unknown-flag', 'check'], true],
  ])('%j: %s', (args, expected) => {
    expect(judges(args)).toBe(expected);
  });
});

describe('nodeCompiles', () => {
  it.each([
    [[], undefined, false],
    [['--enable-source-maps'], undefined, true],
    [[], '--max-old-space-size=4096 --enable-source-maps', true],
    [['--inspect-brk'], undefined, true],
    [['--experimental-policy=policy.json'], undefined, true],
    [['--max-old-space-size=4096'], '--no-warnings', false],
  ])('%j %j: %s', (execArgv, nodeOptions, expected) => {
    expect(nodeCompiles(execArgv, nodeOptions)).toBe(expected);
  });
});

describe('packageRoot', () => {
  it('is the nearest directory above with a package.json', () => {
    const work = mkdtempSync(join(tmpdir(), 'vmt-oversight-root-'));
    try {
      mkdirSync(join(work, 'dist', 'src', 'cli'), { recursive: true });
      writeFileSync(join(work, 'package.json'), '{}');
      expect(packageRoot(join(work, 'dist', 'src', 'cli'))).toBe(work);
      expect(packageRoot(work)).toBe(work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
