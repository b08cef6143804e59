/**
 * Clause 7 (automated-tests) against a hostile candidate repository: its in-repo Zuul files,
 * tox.ini and friends are untrusted. Each case commits the hostile content to the example
 * world's openstack/example-service (which otherwise passes), runs the real CLI check, and
 * asserts the safe outcome within a bounded time.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildWorld, type World } from '../../examples/build-world';
import type { Finding } from '../../src/findings/finding';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const LIST = 'repos-overseen.yaml';
const SERVICE = 'openstack/example-service';
const BOUND_MS = 10_000;

const PROJECT = [
  '- project:',
  '    templates:',
  '      - openstack-python3-jobs',
  '    check:',
  '      jobs:',
  '        - example-service-tempest',
  '    gate:',
  '      jobs:',
  '        - example-service-tempest',
  '',
].join('\n');

let root: string;
let world: World;
let list: TempRepo;
let service: string;
let original: string;

function git(args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd: service,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env,
  });
}

type Tree = Record<string, string | Buffer | { symlink: string }>;

/** Replaces example-service's tree with `files` (on top of, or instead of, zuul.d/), one commit. */
function commitToService(files: Tree, options: { dropZuulD?: boolean } = {}): void {
  if (options.dropZuulD) git(['rm', '-r', '-q', 'zuul.d']);
  for (const [path, content] of Object.entries(files)) {
    const full = join(service, path);
    mkdirSync(dirname(full), { recursive: true });
    rmSync(full, { force: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content))
      symlinkSync(content.symlink, full);
    else writeFileSync(full, content);
  }
  git(['add', '--all']);
  git(['commit', '-q', '--allow-empty', '-m', 'hostile'], '2026-05-25T12:00:00Z');
}

async function check(): Promise<{ status: number; findings: Finding[]; ms: number }> {
  const started = Date.now();
  const result = await runCli([
    'check',
    '--repo',
    list.dir,
    '--list',
    LIST,
    '--base',
    'HEAD~1',
    '--head',
    'HEAD',
    '--as-of',
    '2026-06-01',
    '--format',
    'json',
    '--governance',
    world.governance,
    '--releases',
    world.releases,
    '--project-config',
    world.projectConfig,
    '--repos-root',
    world.reposRoot,
  ]);
  const ms = Date.now() - started;
  expect(result.stderr).toBe('');
  return { status: result.status, findings: parseValidReport(result.stdout).findings, ms };
}

/** The CI part's finding (its evidence lists Zuul items) and the local part's (entry points). */
const ciPart = (findings: Finding[]) => aboutTests(findings).find((f) => 'items' in f.evidence);
const localPart = (findings: Finding[]) =>
  aboutTests(findings).find((f) => 'entryPoints' in f.evidence);

const aboutTests = (findings: Finding[]) =>
  findings.filter(
    (f) =>
      f.repository === SERVICE &&
      (f.rule === 'automated-tests' ||
        (f.rule === 'evidence-unavailable' && f.evidence.rule === 'automated-tests')),
  );

/** The CI part is evidence-unavailable (exit 3), naming `why`; never a pass or a mere warning. */
async function expectUnavailable(why: RegExp): Promise<void> {
  const { status, findings, ms } = await check();
  const unavailable = aboutTests(findings).filter((f) => f.rule === 'evidence-unavailable');
  expect(unavailable).toHaveLength(1);
  expect(unavailable[0]?.severity).toBe('error');
  expect(String(unavailable[0]?.evidence.reason)).toMatch(why);
  expect(status).toBe(3);
  expect(ms).toBeLessThan(BOUND_MS);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-hostile-clause7-'));
  world = buildWorld(join(EXAMPLES, 'world'), root);
  service = join(world.reposRoot, SERVICE);
  original = git(['rev-parse', 'HEAD']).trim();
  list = createTempRepo({ prefix: 'vmt-hostile-clause7-list-' });
  copyFileSync(join(EXAMPLES, 'proposals', 'base.yaml'), join(list.dir, LIST));
  list.commit('The oversight list', '2026-05-01T12:00:00Z');
  copyFileSync(join(EXAMPLES, 'proposals', 'passing.yaml'), join(list.dir, LIST));
  list.commit('Add example-service', '2026-05-30T12:00:00Z');
});
afterAll(() => {
  list.cleanup();
  rmSync(root, { recursive: true, force: true });
});
beforeEach(() => {
  git(['reset', '-q', '--hard', original]);
  git(['clean', '-q', '-fdx']);
});

describe('clause 7 with an untouched candidate', () => {
  it('passes (exit 0): the hostile cases below differ only by what they commit', async () => {
    const { status, findings } = await check();
    expect(aboutTests(findings).map((f) => f.severity)).toEqual(['info', 'info']);
    expect(status).toBe(0);
  });

  it('reads a zuul.d file that starts with a UTF-8 byte-order mark, as Zuul does', async () => {
    commitToService({ 'zuul.d/project.yaml': `\ufeff${PROJECT}` });
    const { status, findings } = await check();
    expect(aboutTests(findings).map((f) => f.severity)).toEqual(['info', 'info']);
    expect(status).toBe(0);
  });
});

describe('an in-repo Zuul file that cannot be read: automated-tests is unavailable', () => {
  const utf16 = (text: string, bom: boolean) =>
    Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
  it.each<[string, Tree, RegExp]>([
    ['bad YAML', { 'zuul.d/project.yaml': `${PROJECT}- project: [\n` }, /not valid YAML/],
    [
      'tab indentation',
      { 'zuul.d/project.yaml': PROJECT.replace('    check:', '\tcheck:') },
      /line 4 is not valid YAML/,
    ],
    ['UTF-16 with a BOM', { 'zuul.d/project.yaml': utf16(PROJECT, true) }, /UTF-16/],
    ['UTF-16 without a BOM', { 'zuul.d/project.yaml': utf16(PROJECT, false) }, /NUL byte/],
    ['a NUL byte', { 'zuul.d/project.yaml': `${PROJECT}# \0\n` }, /NUL byte/],
    [
      'invalid UTF-8',
      { 'zuul.d/project.yaml': Buffer.concat([Buffer.from(PROJECT), Buffer.from([0xc3, 0x28])]) },
      /not valid UTF-8/,
    ],
    [
      'several documents',
      { 'zuul.d/project.yaml': `${PROJECT}---\n- job: {name: x}\n` },
      /MULTIPLE_DOCS/,
    ],
    [
      'duplicate keys',
      { 'zuul.d/project.yaml': `${PROJECT}    check: {jobs: [noop]}\n` },
      /DUPLICATE_KEY/,
    ],
    ['a mapping, not a list of items', { 'zuul.d/project.yaml': 'project: {}\n' }, /not a list/],
    [
      'a project that is a list',
      { 'zuul.d/project.yaml': '- project: [a]\n' },
      /expected a mapping/,
    ],
    [
      'jobs that are not a list',
      { 'zuul.d/project.yaml': '- project:\n    check:\n      jobs: example-service-tempest\n' },
      /expected a list/,
    ],
    [
      'a pipeline that is a list',
      { 'zuul.d/project.yaml': '- project:\n    check: [example-service-tempest]\n' },
      /expected \{jobs/,
    ],
    [
      'an unknown item type',
      { 'zuul.d/project.yaml': `${PROJECT}- jobb: {name: x}\n` },
      /not a Zuul configuration item type/,
    ],
    [
      'flow nesting 100000 deep',
      { 'zuul.d/project.yaml': `${PROJECT}- job: {name: x, vars: {a: ${'['.repeat(100_000)}}}\n` },
      /deeper than 64/,
    ],
    [
      'a file over the size cap (never read)',
      { 'zuul.d/project.yaml': `${PROJECT}${'# padding\n'.repeat(30_000)}` },
      /over the 262144-byte cap/,
    ],
    [
      'a billion-laughs file',
      {
        'zuul.d/laughs.yaml': [
          '- job:',
          '    name: laughs',
          '    vars:',
          '      a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
          ...Array.from(
            { length: 30 },
            (_, i) => `      a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`,
          ),
          '',
        ].join('\n'),
      },
      /expands to more than 100000 nodes/,
    ],
    [
      'an alias inside the node it names',
      { 'zuul.d/loop.yaml': '- job: &j {name: x, vars: *j}\n' },
      /inside the node it names/,
    ],
  ])('%s', async (_label, files, why) => {
    commitToService(files);
    await expectUnavailable(why);
  });

  it('one readable file with tests and one unreadable file that would redefine the project', async () => {
    commitToService({
      'zuul.d/zz-override.yaml': '- project:\n    check:\n      jobs: [noop]\n    gate: [\n',
    });
    await expectUnavailable(/zuul.d\/zz-override.yaml/);
  });

  it('a symlinked zuul.yaml cannot steer the reader to .zuul.yaml', async () => {
    commitToService(
      { 'zuul.yaml': { symlink: '/etc/passwd' }, '.zuul.yaml': PROJECT },
      { dropZuulD: true },
    );
    await expectUnavailable(/zuul.yaml cannot be read: it is a symbolic link/);
  });

  it('more zuul.d files than the cap: none read', async () => {
    const files: Tree = {};
    for (let i = 0; i < 101; i += 1)
      files[`zuul.d/extra-${i}.yaml`] = '- job: {name: x' + i + '}\n';
    commitToService(files);
    await expectUnavailable(/holds 103 files, over the cap of 100/);
  });

  it('a blob missing from the object store', async () => {
    commitToService({ 'zuul.d/gone.yaml': '- job: {name: gone}\n' });
    const blob = git(['rev-parse', 'HEAD:zuul.d/gone.yaml']).trim();
    unlinkSync(join(service, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    try {
      await expectUnavailable(/zuul.d\/gone.yaml cannot be read: its blob is missing/);
    } finally {
      git(['hash-object', '-w', 'zuul.d/gone.yaml']);
    }
  });
});

describe('in-repo configuration that Zuul refuses or the catalog cannot vouch for', () => {
  it.each<[string, Tree, RegExp]>([
    [
      'a project stanza naming another project',
      {
        'zuul.d/project.yaml':
          '- project:\n    name: openstack/nova\n    check: {jobs: [example-service-tempest]}\n' +
          '    gate: {jobs: [example-service-tempest]}\n',
      },
      /stanza for 'openstack\/nova'/,
    ],
    [
      'a redefinition of a central job (openstack-tox-py3, run: noop.yaml)',
      {
        'zuul.d/project.yaml':
          '- job: {name: openstack-tox-py3, run: noop.yaml}\n' +
          '- project:\n    check: {jobs: [openstack-tox-py3]}\n    gate: {jobs: [openstack-tox-py3]}\n',
        'zuul.d/jobs.yaml': '',
      },
      /redefines job openstack-tox-py3/,
    ],
    [
      'a test-template name redefined in-repo as noop',
      {
        'zuul.d/project.yaml':
          '- project-template:\n    name: openstack-python3-jobs\n    check: {jobs: [noop]}\n' +
          '    gate: {jobs: [noop]}\n- project:\n    templates: [openstack-python3-jobs]\n',
        'zuul.d/jobs.yaml': '',
      },
      /redefines project-template openstack-python3-jobs/,
    ],
    [
      'only a template the catalog does not know',
      {
        'zuul.d/project.yaml': '- project:\n    templates: [team-special-jobs]\n',
        'zuul.d/jobs.yaml': '',
      },
      /templates unknown to data\/zuul-templates.yaml: team-special-jobs/,
    ],
  ])('%s', async (_label, files, why) => {
    commitToService(files);
    await expectUnavailable(why);
  });

  it('a job with voting: false in gate and check: check only, a warning (not blocking)', async () => {
    commitToService({
      'zuul.d/project.yaml':
        '- project:\n    check: {jobs: [example-service-tempest]}\n' +
        '    gate: {jobs: [{example-service-tempest: {voting: false}}]}\n',
    });
    const { findings } = await check();
    const ci = ciPart(findings);
    expect(ci?.severity).toBe('warning');
    expect(ci?.message).toContain('in check only');
  });

  it('a test job only in check: a warning, per the contract ("no test job in check/gate")', async () => {
    commitToService({
      'zuul.d/project.yaml': '- project:\n    check: {jobs: [example-service-tempest]}\n',
    });
    const { findings } = await check();
    expect(ciPart(findings)?.message).toContain('in check only');
  });
});

describe('bounded work on candidate content', () => {
  it('30000 aliases are refused before parsing, quickly', async () => {
    const aliases = Array(30_000).fill('*t').join(', ');
    commitToService({
      'zuul.d/project.yaml': `- project:\n    check:\n      jobs: [&t example-service-tempest, ${aliases}]\n`,
    });
    await expectUnavailable(/more than 1000 aliases/);
  });

  it('1000 aliases of one job are read (a valid file, judged normally)', async () => {
    const aliases = Array(1000).fill('*t').join(', ');
    commitToService({
      'zuul.d/project.yaml':
        `- project:\n    check:\n      jobs: [&t example-service-tempest, ${aliases}]\n` +
        '    gate: {jobs: [example-service-tempest]}\n',
    });
    const { status, findings, ms } = await check();
    expect(ciPart(findings)?.severity).toBe('info');
    expect(status).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('tox brace expansion {a,b} forty times is capped, and the cap is said', async () => {
    const envlist = `py3-${'{a,b}'.repeat(40)}`;
    commitToService({ 'tox.ini': `[tox]\nenvlist = ${envlist}\n[testenv:${envlist}]\n` });
    const { findings, ms } = await check();
    const local = localPart(findings);
    expect(local?.message).toContain('brace expansion stopped at 256 names');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each(['tox.ini', 'package.json', 'Makefile'])(
    'a %s over the size cap is not read: "cannot tell", a warning, never a local pass',
    async (file) => {
      commitToService({ 'tox.ini': '', [file]: `# ${'x'.repeat(300 * 1024)}\n` });
      const { status, findings, ms } = await check();
      const local = localPart(findings);
      expect(local?.severity).toBe('warning');
      expect(local?.message).toContain(`Cannot tell`);
      expect(local?.message).toContain(`${file} it is`);
      expect(status).toBe(0);
      expect(ms).toBeLessThan(BOUND_MS);
    },
  );
});
