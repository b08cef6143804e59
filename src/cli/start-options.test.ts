import { COMMANDS } from './command-table';
import { join } from 'node:path';
import { bundledProgram, judges, nodeCompiles, type BundleChoice } from './start-options';

describe('judges', () => {
  it('is what the command table says of each command', () => {
    expect(COMMANDS.filter((command) => command.judges).map((command) => command.name)).toEqual([
      'check',
      'audit',
      'propose',
      'vote',
    ]);
  });

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

describe('bundledProgram', () => {
  const root = join('/', 'pkg');
  const bundle = join(root, 'dist', 'bundle', 'program.js');
  const modules = join(root, 'dist', 'src', 'cli', 'program.js');
  const choice: BundleChoice = {
    compiled: true,
    judging: true,
    compiles: false,
    env: {},
    root,
    modules,
  };
  /** The bundle built after the modules, as `npm run build` builds them. */
  const built = (file: string) => ({ [modules]: 1000, [bundle]: 1001 })[file] ?? null;

  it('is the bundle for a command that judges, run compiled, when the build made it', () => {
    expect(bundledProgram(choice, built)).toBe(bundle);
  });

  it.each<[string, Partial<BundleChoice>]>([
    ['a command that does not judge', { judging: false }],
    ['the TypeScript source', { compiled: false }],
    ['node compiling every module itself', { compiles: true }],
    ['VMT_OVERSIGHT_BUNDLE=0', { env: { VMT_OVERSIGHT_BUNDLE: '0' } }],
  ])('is null for %s', (_what, change) => {
    expect(bundledProgram({ ...choice, ...change }, built)).toBeNull();
  });

  it.each<[string, (file: string) => number | null]>([
    ['no bundle', (file) => (file === modules ? 1000 : null)],
    ['a bundle older than the modules (tsc run alone)', (file) => (file === modules ? 1001 : 1000)],
    ['no compiled modules to compare with', (file) => (file === bundle ? 1000 : null)],
  ])('is null for %s', (_what, modified) => {
    expect(bundledProgram(choice, modified)).toBeNull();
  });

  it('is the bundle when it was written in the same instant as the modules', () => {
    expect(bundledProgram(choice, () => 1000)).toBe(bundle);
  });

  it('takes any other value of VMT_OVERSIGHT_BUNDLE as the default', () => {
    expect(bundledProgram({ ...choice, env: { VMT_OVERSIGHT_BUNDLE: '1' } }, built)).toBe(bundle);
  });
});
