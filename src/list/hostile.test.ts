import { LIST_LIMITS } from './limits';
import type { ListProblem, OversightList } from './model';
import { parseList } from './parse';

// Every case must be refused quickly; a hang or a stack overflow fails on this timeout.
const QUICK = 5000;

function only(list: OversightList): ListProblem {
  expect(list.problems).toHaveLength(1);
  return list.problems[0] as ListProblem;
}

describe('names that could reach git or a shell', () => {
  const hostile = [
    '--upload-pack=touch /tmp/x',
    'ext::sh -c touch% /tmp/pwned',
    'https://evil.example/openstack/nova',
    '../x',
    'openstack/nova\tx',
    'openstack/nova\u0007',
  ];

  const formats: [string, string, (name: string) => string, number][] = [
    ['native', 'list.yaml', (name) => `repositories:\n  - name: ${JSON.stringify(name)}\n`, 2],
    ['rst', 'list.rst', (name) => `Intro\n\n* \`${name} <https://opendev.org/${name}>\`_\n`, 3],
    [
      'governance',
      'projects.yaml',
      (name) =>
        `nova:\n  deliverables:\n    nova:\n      repos: [${JSON.stringify(name)}]\n      tags: [vulnerability:managed]\n`,
      5,
    ],
  ];

  describe.each(formats)('in the %s format', (_format, file, render, line) => {
    it.each(hostile)('refuses %j and leaves it out of the entries', (name) => {
      const list = parseList(file, render(name));
      expect(list.entries).toEqual([]);
      const unsafe = list.problems.filter((problem) => problem.key.startsWith('unsafe-name:'));
      expect(unsafe).toMatchObject([{ rule: 'list-schema', severity: 'error', line }]);
      expect(unsafe[0]?.message).toMatch(
        /is not a safe repository name: .*Write it as <namespace>\/<name>/,
      );
      expect(unsafe[0]?.repository).toBeUndefined();
    });
  });

  it('keeps the safe entries around an unsafe one', () => {
    const list = parseList(
      'list.yaml',
      'repositories:\n  - name: openstack/cinder\n  - name: --upload-pack=x\n  - name: openstack/nova\n',
    );
    expect(list.entries.map((entry) => entry.name)).toEqual(['openstack/cinder', 'openstack/nova']);
    expect(only(list)).toMatchObject({ key: 'unsafe-name:"--upload-pack=x"', line: 3 });
  });
});

describe('hostile YAML', () => {
  it(
    'refuses a billion-laughs alias bomb',
    () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (const [i, name] of [...'bcdefghi'].entries()) {
        const previous = 'abcdefghi'[i];
        levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
      }
      const problem = only(parseList('list.yaml', `${levels.join('\n')}\n`));
      expect(problem).toMatchObject({ rule: 'list-schema', key: 'yaml:alias-expansion' });
      expect(problem.message).toMatch(/aliases expand too far/);
    },
    QUICK,
  );

  it(
    'refuses more anchors and aliases than the limit',
    () => {
      const lines = ['repositories:'];
      for (let i = 0; i <= LIST_LIMITS.maxAnchors; i += 1) {
        lines.push(`  - &a${i} {name: x/y${1000 + i}}`);
      }
      const problem = only(parseList('list.yaml', lines.join('\n')));
      expect(problem).toMatchObject({
        key: 'yaml:too-many-anchors',
        line: LIST_LIMITS.maxAnchors + 2,
      });
    },
    QUICK,
  );

  it.each([
    ['flow sequences', '['.repeat(10000)],
    ['flow mappings', '{a: '.repeat(10000)],
    ['block sequences on one line', `${'- '.repeat(10000)}x`],
    ['block mappings', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])(
    'refuses 10,000-deep %s without overflowing the stack',
    (_title, text) => {
      const problem = only(parseList('list.yaml', text));
      expect(problem).toMatchObject({ rule: 'list-schema', key: 'yaml:too-deep' });
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.message).toMatch(/more than 32 levels deep/);
    },
    QUICK,
  );

  it(
    'refuses a file with more YAML tokens than the limit',
    () => {
      const problem = only(parseList('list.yaml', '- x\n'.repeat(LIST_LIMITS.maxTokens)));
      expect(problem).toMatchObject({ rule: 'list-schema', key: 'yaml:too-many-tokens' });
      expect(problem.message).toMatch(/more than 100000 YAML tokens; it was not read/);
    },
    QUICK,
  );

  it.each([
    ['closing brackets', ']'.repeat(1_000_000)],
    ['closing braces on their own lines', '}\n'.repeat(500_000)],
    ['quotes', '"'.repeat(1_000_000)],
  ])(
    'stops after a bounded number of syntax errors in a megabyte of %s',
    (_title, text) => {
      const list = parseList('list.yaml', text);
      expect(list.entries).toEqual([]);
      expect(list.problems.length).toBeLessThanOrEqual(LIST_LIMITS.maxProblems + 1);
      expect(list.problems.every((problem) => problem.rule === 'list-schema')).toBe(true);
    },
    QUICK,
  );

  it('reads YAML 1.2 core whatever the file declares: no timestamps, binaries or yes/no', () => {
    const text = [
      '%YAML 1.1',
      '---',
      'repositories:',
      '  - name: openstack/nova',
      '    team: yes',
      '    threat-analysis: {date: 2024-05-01}',
      '    tracker: {launchpad: !!binary bm92YQ==}',
    ].join('\n');
    const list = parseList('list.yaml', text);
    expect(list.problems).toEqual([]);
    expect(list.entries[0]?.declared).toEqual({
      team: 'yes',
      'threat-analysis': { date: '2024-05-01' },
      tracker: { launchpad: 'bm92YQ==' },
    });
  });

  it('refuses a duplicate key, naming it and both lines', () => {
    const list = parseList(
      'list.yaml',
      'repositories:\n  - name: openstack/nova\n    team: nova\n    team: compute\n',
    );
    expect(list.entries).toEqual([]);
    expect(only(list)).toMatchObject({
      rule: 'list-schema',
      key: 'yaml:duplicate-key:/repositories/openstack/nova/team',
      line: 4,
      column: 5,
    });
    expect(list.problems[0]?.message).toMatch(/"team" appears twice .*first on line 3/);
  });

  it('refuses a duplicate top-level key', () => {
    const list = parseList('list.yaml', 'repositories: []\nrepositories: []\n');
    expect(only(list)).toMatchObject({ key: 'yaml:duplicate-key:/repositories', line: 2 });
  });

  it(
    'checks duplicate keys in linear time (the YAML library check is quadratic)',
    () => {
      const keys = Array.from({ length: 12_000 }, (_, i) => `k${i}: 1`);
      const list = parseList('list.yaml', `${keys.join('\n')}\nk0: 2\n`);
      expect(list.problems.map((problem) => problem.key)).toContain('yaml:duplicate-key:/k0');
    },
    QUICK,
  );

  it.each([
    ['a tab before a sequence item', 'repositories:\n\t- name: openstack/nova\n', 2],
    ['a tab after spaces', 'repositories:\n  - name: openstack/nova\n  \tteam: nova\n', 3],
    ['a tab after a dash', 'repositories:\n  -\tname: openstack/nova\n', 2],
  ])('explains %s as tab indentation', (_title, text, line) => {
    const problem = only(parseList('list.yaml', text));
    expect(problem).toMatchObject({ rule: 'list-schema', line });
    expect(problem.key).toMatch(/^yaml:tab-indentation:/);
    expect(problem.message).toMatch(/indented with a tab; YAML indentation must use spaces only/);
  });

  it('refuses a second document', () => {
    const problem = only(parseList('list.yaml', 'repositories: []\n---\nrepositories: []\n'));
    expect(problem).toMatchObject({ key: 'yaml:multiple-documents', line: 2 });
  });

  it('reports a syntax error with its line', () => {
    const text = 'repositories:\n  - name: openstack/nova\n    team: nova: compute\n';
    const problem = only(parseList('list.yaml', text));
    expect(problem).toMatchObject({
      rule: 'list-schema',
      key: 'yaml:BLOCK_AS_IMPLICIT_KEY:team: nova: compute',
      line: 3,
      column: 11,
    });
    expect(problem.message).toMatch(
      /^YAML syntax error at line 3, column 11: .*the list was not read/,
    );
  });
});

describe('hostile bytes', () => {
  it(
    'refuses a 50 MB file unread',
    () => {
      const big = Buffer.alloc(50 * 1024 * 1024, 'a');
      for (const content of [big, big.toString('latin1')]) {
        const list = parseList('list.yaml', content);
        expect(list.entries).toEqual([]);
        expect(only(list)).toMatchObject({ rule: 'list-schema', key: 'too-large' });
        expect(list.problems[0]?.message).toMatch(/52428800 bytes; files over 1048576 bytes/);
      }
    },
    QUICK,
  );

  it.each([
    ['a lead byte without its continuation', [0xc3, 0x28], 12, 'C3'],
    ['a stray continuation byte after a valid character', [0xc3, 0xa9, 0x80], 14, '80'],
    ['a byte that is never valid', [0xff], 12, 'FF'],
    ['an overlong encoding', [0xc0, 0xaf], 12, 'C0'],
    ['an unfinished character at the end', [0xe2, 0x82], 12, 'E2'],
  ])('refuses invalid UTF-8 (%s) at the bad byte', (_title, bad, column, hex) => {
    const bytes = Buffer.concat([
      Buffer.from('repositories:\n  - name: openstack/nova\n    team: n'),
      Buffer.from(bad),
    ]);
    const list = parseList('list.yaml', bytes);
    expect(list.entries).toEqual([]);
    expect(only(list)).toMatchObject({ key: 'invalid-utf8', line: 3, column });
    expect(list.problems[0]?.message).toMatch(
      new RegExp(`not valid UTF-8: byte 0x${hex} at line 3.*Save the file as UTF-8`),
    );
  });

  it('accepts a byte order mark and multi-byte characters', () => {
    const text = '\ufeffrepositories:\n  - name: openstack/nova\n    liaison: {name: Zoë Müller}\n';
    const list = parseList('list.yaml', Buffer.from(text));
    expect(list.problems).toEqual([]);
    expect(list.entries[0]?.declared.liaison?.name).toBe('Zoë Müller');
  });

  it.each([
    ['a bell', '\u0007', 'U+0007'],
    ['a NUL', '\u0000', 'U+0000'],
    ['an escape', '\u001b', 'U+001B'],
    ['a right-to-left override', '\u202e', 'U+202E'],
  ])('reports %s with its line and column', (_title, char, code) => {
    const text = `repositories:\n  - name: openstack/nova\n    team: no${char}va\n`;
    const list = parseList('list.yaml', text);
    const problem = list.problems.find((p) => p.key === `control-character:${code}`);
    expect(problem).toMatchObject({ rule: 'list-schema', severity: 'error', line: 3, column: 13 });
    expect(problem?.message).toMatch(/invisible control character .*Remove it/);
  });

  it(
    'reads a 1 MB rst line of backticks quickly',
    () => {
      const list = parseList('list.rst', `* \`${' `<'.repeat(300000)}`);
      expect(list.entries).toEqual([]);
    },
    QUICK,
  );

  it('reports a bounded number of problems', () => {
    const entries = Array.from(
      { length: 500 },
      (_, i) => `  - {name: x/r${1000 + i}, embargo-days: x}`,
    );
    const list = parseList('list.yaml', `repositories:\n${entries.join('\n')}\n`);
    expect(list.problems).toHaveLength(LIST_LIMITS.maxProblems + 1);
    expect(list.problems.at(-1)).toMatchObject({ key: 'too-many-problems' });
    expect(list.entries).toHaveLength(500);
  });
});
