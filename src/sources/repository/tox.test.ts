import { expandBraces, parseToxIni } from './tox';

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
});
