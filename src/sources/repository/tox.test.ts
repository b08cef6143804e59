import { expandBraces, expandBracesCapped, parseToxIni, TOX_LIMITS } from './tox';

describe('tox.ini', () => {
  it('expands braces and continuation lines in envlist, ignoring comments', () => {
    const config = parseToxIni(
      [
        '[tox]',
        'envlist =',
        '    py{39,310,311}',
        '    {pep8,docs}-strict  # checks',
        'skipsdist = True',
        '[testenv:functional-{py3,py311}]',
        '[testenv:cover]',
      ].join('\n'),
    );
    expect(config).toEqual({
      envlist: ['py39', 'py310', 'py311', 'pep8-strict', 'docs-strict'],
      environments: ['functional-py3', 'functional-py311', 'cover'],
      bareTestenv: false,
    });
  });

  it('reads tox 4 env_list and an empty file', () => {
    expect(parseToxIni('[tox]\nenv_list = py3, lint\n[testenv]\n').envlist).toEqual([
      'py3',
      'lint',
    ]);
    expect(parseToxIni('')).toEqual({ envlist: [], environments: [], bareTestenv: false });
  });

  it('expands nested factor lists', () => {
    expect(expandBraces('{a,b}-{1,2}')).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
  });

  it('caps brace expansion: {a,b} forty times is 2^40 names, the first 256 are kept, and it says so', () => {
    const started = Date.now();
    const value = `py3-${'{a,b}'.repeat(40)}`;
    expect(expandBracesCapped(value, 256)).toMatchObject({ capped: true });
    expect(expandBracesCapped(value, 256).names).toHaveLength(256);
    const config = parseToxIni(`[tox]\nenvlist = ${value}, ${value}x\n[testenv:${value}]\n`);
    expect(config.envlist.length).toBeLessThanOrEqual(TOX_LIMITS.namesPerFile);
    expect(config.capped).toContain('brace expansion stopped');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not report a cap for ordinary files', () => {
    expect(parseToxIni('[tox]\nenvlist = py{39,310}-{unit,functional}\n').capped).toBeUndefined();
  });
});
