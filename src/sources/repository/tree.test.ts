import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hermeticGit } from '../../../test/helpers/snapshot-repo';
import { RepositorySource } from './source';

let root: string;

/** `<root>/openstack/<name>` holding `files` in one commit. */
function repository(name: string, files: Record<string, string>): string {
  const dir = join(root, 'openstack', name);
  mkdirSync(dir, { recursive: true });
  hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  hermeticGit(dir, ['add', '--all']);
  hermeticGit(dir, ['commit', '--quiet', '--allow-empty', '-m', 'tree'], {
    date: '2024-01-01T00:00:00Z',
  });
  return `openstack/${name}`;
}

const facts = (repository: string) =>
  new RepositorySource({ reposRoot: root, asOf: '2025-01-01' }).facts(repository);

const stanza = (job: string) => `- project:\n    check:\n      jobs:\n        - ${job}\n`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-trees-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('in-repo Zuul configuration, by Zuul precedence', () => {
  it.each([
    ['zuul.yaml', { 'zuul.yaml': stanza('a') }, 'zuul.yaml', ['zuul.yaml']],
    [
      'zuul.d/',
      { 'zuul.d/b.yaml': stanza('b'), 'zuul.d/a/x.yaml': stanza('a'), 'zuul.d/notes.txt': 'x' },
      'zuul.d',
      ['zuul.d/a/x.yaml', 'zuul.d/b.yaml'],
    ],
    ['.zuul.yaml', { '.zuul.yaml': stanza('a') }, '.zuul.yaml', ['.zuul.yaml']],
    ['.zuul.d/', { '.zuul.d/project.yaml': stanza('a') }, '.zuul.d', ['.zuul.d/project.yaml']],
    [
      'zuul.yaml over .zuul.yaml',
      { 'zuul.yaml': stanza('a'), '.zuul.yaml': stanza('z') },
      'zuul.yaml',
      ['zuul.yaml'],
    ],
    [
      'zuul.yaml over zuul.d/',
      { 'zuul.yaml': stanza('a'), 'zuul.d/p.yaml': stanza('z') },
      'zuul.yaml',
      ['zuul.yaml'],
    ],
    [
      'zuul.d/ over .zuul.yaml',
      { 'zuul.d/p.yaml': stanza('a'), '.zuul.yaml': stanza('z') },
      'zuul.d',
      ['zuul.d/p.yaml'],
    ],
    [
      'an empty zuul.yaml does not count',
      { 'zuul.yaml': '', '.zuul.d/p.yaml': stanza('a') },
      '.zuul.d',
      ['.zuul.d/p.yaml'],
    ],
  ])('%s', async (label, files, location, read) => {
    const result = await facts(repository(`r${label.replace(/[^a-z]+/g, '-')}`, files));
    expect(result.zuul?.location).toBe(location);
    expect(result.zuul?.files).toEqual(read);
    expect(
      result.zuul?.projects.flatMap((p) => p.pipelines.check?.map((j) => j.name)),
    ).not.toContain('z');
  });

  it('reads this project stanza and job definitions, with lines and the commit', async () => {
    const result = await facts(
      repository('sushy', {
        'zuul.d/project.yaml': [
          '- project:',
          '    templates:',
          '      - openstack-python3-jobs',
          '    check:',
          '      jobs:',
          '        - sushy-tempest',
          '        - sushy-nv:',
          '            voting: false',
          '        - sushy-old:',
          '            branches: ^stable/.*$',
          '    gate:',
          '      jobs:',
          '        - sushy-tempest',
          '- project:',
          '    name: opendev.org/openstack/sushy',
          '    experimental: {jobs: [sushy-exp]}',
          '- secret:',
          '    name: s',
          '    data:',
          '      key: !encrypted/pkcs1-oaep [abc]',
          '',
        ].join('\n'),
        'zuul.d/jobs.yaml': [
          '- job:',
          '    name: sushy-tempest',
          '    parent: ironic-tempest-base',
          '- job:',
          '    name: sushy-nv',
          '    parent: sushy-tempest',
          '    voting: false',
          '- job:',
          '    name: sushy-base',
          '    abstract: true',
          '',
        ].join('\n'),
      }),
    );
    const zuul = result.zuul;
    expect(zuul?.projects).toHaveLength(2);
    expect(zuul?.projects[0]).toEqual({
      templates: ['openstack-python3-jobs'],
      pipelines: {
        check: [
          { name: 'sushy-tempest', voting: true, branches: null },
          { name: 'sushy-nv', voting: false, branches: null },
          { name: 'sushy-old', voting: true, branches: ['^stable/.*$'] },
        ],
        gate: [{ name: 'sushy-tempest', voting: true, branches: null }],
      },
      ref: {
        source: 'repository',
        file: 'zuul.d/project.yaml',
        line: 1,
        commit: result.evaluated.commit,
      },
    });
    expect(zuul?.projects[1]?.pipelines).toEqual({
      experimental: [{ name: 'sushy-exp', voting: true, branches: null }],
    });
    expect(zuul?.jobs.map((j) => [j.name, j.parent, j.voting, j.abstract, j.ref.line])).toEqual([
      ['sushy-tempest', 'ironic-tempest-base', undefined, undefined, 1],
      ['sushy-nv', 'sushy-tempest', false, undefined, 4],
      ['sushy-base', null, undefined, true, 8],
    ]);
    expect(zuul?.problems).toBeUndefined();
  });

  it('keeps reading when one file is broken, and says which', async () => {
    const result = await facts(
      repository('broken', { 'zuul.d/a.yaml': '- project: [\n', 'zuul.d/b.yaml': stanza('b') }),
    );
    expect(result.zuul?.projects).toHaveLength(1);
    expect(result.zuul?.problems).toEqual([
      expect.stringMatching(/^zuul.d\/a.yaml line \d+ is not valid YAML/),
    ]);
  });

  it('answers null without any Zuul file', async () => {
    expect((await facts(repository('none', { 'README.rst': 'x' }))).zuul).toBeNull();
  });
});

describe('local test entry points', () => {
  it('reads tox envs, npm scripts, go.mod and Makefile targets', async () => {
    const result = await facts(
      repository('polyglot', {
        'tox.ini':
          '[tox]\nminversion = 4\nenvlist = py3,pep8\n[testenv]\ncommands = stestr run\n[testenv:docs]\n',
        'package.json': JSON.stringify({ scripts: { test: 'jest', lint: 'eslint .' } }),
        'go.mod': 'module example.org/x\n',
        Makefile: 'VAR := 1\n.PHONY: test\ntest check: build\n\tgo test ./...\nbuild:\n',
      }),
    );
    expect(result.testEntryPoints).toEqual([
      { kind: 'tox', file: 'tox.ini', targets: ['py3', 'pep8', 'docs'], bareTestenv: true },
      { kind: 'npm', file: 'package.json', targets: ['test', 'lint'] },
      { kind: 'go', file: 'go.mod', targets: ['test'] },
      { kind: 'make', file: 'Makefile', targets: ['test', 'check', 'build'] },
    ]);
  });

  it('survives a malformed package.json and ignores a symlinked tox.ini', async () => {
    const dir = join(root, 'openstack', 'odd');
    mkdirSync(dir, { recursive: true });
    hermeticGit(dir, ['init', '--quiet', '--initial-branch=master']);
    writeFileSync(join(dir, 'package.json'), '{not json');
    symlinkSync('/etc/hostname', join(dir, 'tox.ini'));
    hermeticGit(dir, ['add', '--all']);
    hermeticGit(dir, ['commit', '--quiet', '-m', 'odd'], { date: '2024-01-01T00:00:00Z' });
    const result = await facts('openstack/odd');
    expect(result.testEntryPoints).toEqual([{ kind: 'npm', file: 'package.json', targets: [] }]);
  });
});

describe('how many git processes the files cost', () => {
  const counted = async (repository: string) => {
    const counter = { count: 0 };
    const result = await new RepositorySource({
      reposRoot: root,
      asOf: '2025-01-01',
      counter,
    }).facts(repository);
    return { result, calls: counter.count };
  };

  it('walks an ordinary tree from its files, as the refs were read (no process)', async () => {
    const { result, calls } = await counted(
      repository('ordinary', {
        'zuul.d/a/x.yaml': stanza('a'),
        'zuul.d/b.yaml': stanza('b'),
        'zuul.d/empty.yaml': '',
        'tox.ini': '[tox]\nenvlist = py3\n',
      }),
    );
    expect(calls).toBe(0);
    expect(result.zuul?.files).toEqual(['zuul.d/a/x.yaml', 'zuul.d/b.yaml']);
    expect(result.testEntryPoints.map((e) => e.file)).toEqual(['tox.ini']);
  });

  it('reads anything unusual the careful way (ls-tree -l, then the files)', async () => {
    const name = repository('unusual', { 'zuul.yaml': 'x'.repeat(300 * 1024) });
    const { result, calls } = await counted(name);
    // the session (refs, then the walk stopped at the header), ls-tree -l; a file over its cap
    // is never read
    expect(calls).toBe(2);
    expect(result.zuul?.problems?.join(' ')).toMatch(/over the 262144-byte cap/);
  });
});
