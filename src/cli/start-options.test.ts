import { COMMANDS } from './command-table';
import { judges, nodeCompiles } from './start-options';

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
