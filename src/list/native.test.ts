import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseList } from './parse';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/lists');

function parseFixture(name: string) {
  return parseList(`lists/${name}`, readFileSync(path.join(FIXTURES, name)));
}

describe('native YAML list', () => {
  const list = parseFixture('native.yaml');

  it('is detected and reads cleanly', () => {
    expect(list.format).toBe('native');
    expect(list.path).toBe('lists/native.yaml');
    expect(list.problems).toEqual([]);
  });

  it('has every repository at the line of its `- name:` item', () => {
    expect(list.entries.map((entry) => [entry.name, entry.location.line])).toEqual([
      ['openstack/barbican', 3],
      ['openstack/nova', 11],
      ['openstack/python-ironicclient', 16],
      ['openstack/python-ironic-inspector-client', 22],
      ['openstack/sushy', 25],
    ]);
    expect(list.entries[0]?.location).toEqual({ file: 'lists/native.yaml', line: 3, column: 5 });
  });

  it('keeps the declared fields and their lines', () => {
    const sushy = list.entries.find((entry) => entry.name === 'openstack/sushy');
    expect(sushy?.declared).toEqual({
      team: 'ironic',
      tracker: { launchpad: 'sushy', 'security-group': 'ironic-coresec' },
      'embargo-days': 90,
      liaison: { name: 'Alex Roe', email: 'alex@example.org' },
      removal: { effective: '6.0.0', reason: 'The team can no longer triage reports in time.' },
    });
    expect(sushy?.fieldLines).toEqual({
      team: 26,
      tracker: 27,
      'embargo-days': 30,
      liaison: 31,
      removal: 32,
    });
  });

  it('reads flow mappings, booleans and dates as written', () => {
    const [barbican, nova, ironicclient] = list.entries;
    expect(barbican?.declared.tracker?.['private-by-default']).toBe(true);
    expect(nova?.declared.liaison).toEqual({
      name: 'Jane Doe',
      email: 'jane@example.org',
      irc: 'jane',
    });
    expect(ironicclient?.declared['threat-analysis']?.date).toBe('2024-05-01');
    expect(ironicclient?.fieldLines).toEqual({ team: 17, 'threat-analysis': 18 });
  });

  it('accepts an empty list', () => {
    expect(parseList('l.yaml', 'repositories: []\n')).toEqual({
      path: 'l.yaml',
      format: 'native',
      entries: [],
      duplicates: [],
      problems: [],
      digest: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });
});

interface SchemaCase {
  title: string;
  yaml: string;
  key: string;
  line: number;
  column: number;
  message: RegExp;
  /** Names still on the list despite the error. */
  entries: string[];
}

const entry = (body: string) => `repositories:\n  - name: openstack/nova\n${body}`;

const schemaCases: SchemaCase[] = [
  {
    title: 'an unquoted version is a number',
    yaml: entry('    removal:\n      effective: 6.0\n'),
    key: 'schema:openstack/nova#/removal/effective:type',
    line: 4,
    column: 18,
    message: /must be a string, but 6\.0 was read as a number\. Quote it: `effective: "6\.0"`/,
    entries: ['openstack/nova'],
  },
  {
    title: 'removal without effective',
    yaml: entry('    removal:\n      reason: gone\n'),
    key: 'schema:openstack/nova#/removal:required:effective',
    line: 4,
    column: 7,
    message: /`removal` of openstack\/nova needs `effective`/,
    entries: ['openstack/nova'],
  },
  {
    title: 'embargo-days as text',
    yaml: entry('    embargo-days: ninety\n'),
    key: 'schema:openstack/nova#/embargo-days:type',
    line: 3,
    column: 19,
    message: /`embargo-days` of openstack\/nova must be a whole number, not the string "ninety"/,
    entries: ['openstack/nova'],
  },
  {
    title: 'negative embargo-days',
    yaml: entry('    embargo-days: -1\n'),
    key: 'schema:openstack/nova#/embargo-days:minimum',
    line: 3,
    column: 19,
    message: /must be 0 or more, not -1/,
    entries: ['openstack/nova'],
  },
  {
    title: 'an unknown field, pointed at its key',
    yaml: entry('    tracker:\n      launchpad: nova\n      lanchpad: nova\n'),
    key: 'schema:openstack/nova#/tracker:additionalProperties:lanchpad',
    line: 5,
    column: 7,
    message:
      /`lanchpad` is not a known field of `tracker` of openstack\/nova: .*known fields: launchpad/,
    entries: ['openstack/nova'],
  },
  {
    title: 'private-by-default as text',
    yaml: entry('    tracker: {private-by-default: "yes"}\n'),
    key: 'schema:openstack/nova#/tracker/private-by-default:type',
    line: 3,
    column: 35,
    message: /must be true or false, not the string "yes"/,
    entries: ['openstack/nova'],
  },
  {
    title: 'a badly written date',
    yaml: entry('    threat-analysis: {date: 01/05/2024}\n'),
    key: 'schema:openstack/nova#/threat-analysis/date:pattern',
    line: 3,
    column: 29,
    message: /must be a date written YYYY-MM-DD/,
    entries: ['openstack/nova'],
  },
  {
    title: 'an entry without a name',
    yaml: 'repositories:\n  - team: nova\n',
    key: 'schema:/repositories/0#:required:name',
    line: 2,
    column: 5,
    message: /^Entry 1 of `repositories` has no `name`/,
    entries: [],
  },
  {
    title: 'an entry that is a plain string',
    yaml: 'repositories:\n  - openstack/nova\n',
    key: 'schema:/repositories/0#:type',
    line: 2,
    column: 5,
    message:
      /must be a mapping such as `- name: openstack\/nova`, not the string "openstack\/nova"/,
    entries: [],
  },
  {
    title: 'a misspelt top-level key',
    yaml: 'repositories: []\nrepository: []\n',
    key: 'schema:#:additionalProperties:repository',
    line: 2,
    column: 1,
    message: /`repository` is not a known top-level key/,
    entries: [],
  },
  {
    title: 'repositories that is not a list',
    yaml: 'repositories:\n  name: openstack/nova\n',
    key: 'schema:#/repositories:type',
    line: 2,
    column: 3,
    message: /`repositories` must be a list of entries/,
    entries: [],
  },
];

describe('native YAML schema errors', () => {
  it.each(schemaCases)('$title', ({ yaml, key, line, column, message, entries }) => {
    const list = parseList('list.yaml', yaml);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({
      rule: 'list-schema',
      severity: 'error',
      key,
      line,
      column,
    });
    expect(list.problems[0]?.message).toMatch(message);
    expect(list.entries.map((e) => e.name)).toEqual(entries);
  });

  it('leaves an invalid field out of the declarations but keeps the valid ones', () => {
    const list = parseList('list.yaml', entry('    team: nova\n    embargo-days: "90"\n'));
    expect(list.entries[0]?.declared).toEqual({ team: 'nova' });
    expect(list.entries[0]?.fieldLines).toEqual({ team: 3 });
  });

  it('names the repository in the problem, or keys it by the unsafe name as written', () => {
    const list = parseList(
      'list.yaml',
      'repositories:\n  - name: "a b/c"\n    embargo-days: x\n  - name: openstack/nova\n    embargo-days: x\n',
    );
    const keys = list.problems.map((problem) => problem.key);
    expect(keys).toContain('schema:unsafe-name:"a b/c"#/embargo-days:type');
    expect(keys).toContain('unsafe-name:"a b/c"');
    expect(keys).toContain('schema:openstack/nova#/embargo-days:type');
    expect(list.problems.find((p) => p.key.startsWith('schema:openstack'))?.repository).toBe(
      'openstack/nova',
    );
  });

  it('keys a problem the same way when lines move', () => {
    const before = parseList('l.yaml', entry('    embargo-days: x\n'));
    const after = parseList(
      'l.yaml',
      'repositories:\n  - name: openstack/aodh\n  - name: openstack/nova\n\n    embargo-days: x\n',
    );
    expect(after.problems.map((p) => p.key)).toEqual(before.problems.map((p) => p.key));
    expect(after.problems[0]?.line).not.toBe(before.problems[0]?.line);
  });

  it("keys an unsafe-named entry's problems the same when an entry is inserted above it", () => {
    const unsafe = '  - name: "--upload-pack=x y/z"\n    embargo-days: x\n';
    const before = parseList('l.yaml', `repositories:\n${unsafe}`);
    const after = parseList('l.yaml', `repositories:\n  - name: openstack/aodh\n${unsafe}`);
    const keys = (list: typeof before) => list.problems.map((p) => p.key).sort();
    expect(keys(before)).toEqual([
      'schema:unsafe-name:"--upload-pack=x y/z"#/embargo-days:type',
      'unsafe-name:"--upload-pack=x y/z"',
    ]);
    expect(keys(after)).toEqual(keys(before));
    expect(after.problems.map((p) => p.line)).not.toEqual(before.problems.map((p) => p.line));
  });

  it("keys a nameless entry's problem by its index: it has nothing else to be known by", () => {
    const list = parseList('l.yaml', 'repositories:\n  - name: 42\n');
    expect(list.problems.map((p) => p.key)).toEqual(['schema:/repositories/0#/name:type']);
  });

  it('reports an empty file as a list without `repositories`', () => {
    const list = parseList('list.yaml', '');
    expect(list.entries).toEqual([]);
    expect(list.problems).toMatchObject([{ rule: 'list-schema', key: 'schema:#:type' }]);
    expect(list.problems[0]?.message).toMatch(/top-level `repositories:`/);
  });
});
