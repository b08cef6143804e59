// The program's bundle (build/bundle.ts), built here from the sources as `npm run build` builds
// it, must do what the program's modules do: the same reports and exit codes, its parsing thread
// the same outcomes, and the code cache must take it (a bundle with an import() in it is left to
// node, which compiles 1 MB on every run).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleProgram } from '../../build/bundle';
import { buildWorld, evidenceFlags, type World } from '../../examples/build-world';
import { inThreadParser, WorkerParser } from '../../src/sources/releases/parser';
import type { DeliverableText } from '../../src/sources/releases/parse-text';
import { runCliProcess } from '../helpers/cli-process';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const LIST = 'repos-overseen.yaml';
const ENV = { NO_COLOR: '1', VMT_OVERSIGHT_OFFLINE: '1', VMT_OVERSIGHT_CODE_CACHE: '0' };

let out: string;
let root: string;
let world: World;
let list: TempRepo;

beforeAll(async () => {
  // Inside the package, as dist/bundle is: the bundle finds the package's files above itself.
  out = mkdtempSync(join(ROOT, '.bundle-test-'));
  await bundleProgram(ROOT, out);
  root = mkdtempSync(join(tmpdir(), 'vmt-oversight-bundle-'));
  world = buildWorld(join(EXAMPLES, 'world'), root);
  list = createTempRepo({ prefix: 'vmt-oversight-bundle-list-' });
  copyFileSync(join(EXAMPLES, 'proposals', 'base.yaml'), join(list.dir, LIST));
  list.commit('The oversight list', '2026-05-01T12:00:00Z');
}, 60_000);
afterAll(() => {
  list.cleanup();
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const evidence = (without: string[] = []) =>
  Object.entries({ ...evidenceFlags(world), '--as-of': '2026-06-01' }).flatMap(([flag, value]) =>
    without.includes(flag) ? [] : [flag, value],
  );

function runBundle(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(out, 'program.js'), ...args], {
    cwd: list.dir,
    env: { ...process.env, ...ENV, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function runModules(args: readonly string[]) {
  const { status, stdout, stderr } = await runCliProcess(args, { cwd: list.dir, env: ENV });
  return { status, stdout, stderr };
}

describe('the bundled program', () => {
  it.each<[string, number, string, string[], string[]]>([
    ['a passing check', 0, 'passing.yaml', ['check', '--format', 'json'], []],
    ['a failing check', 1, 'failing.yaml', ['check', '--format', 'json'], []],
    ['a failing check, as text', 1, 'failing.yaml', ['check'], []],
    ['an audit', 1, 'failing.yaml', ['audit', '--format', 'json'], []],
    ['a check without governance', 3, 'passing.yaml', ['check'], ['--governance']],
  ])(
    '%s: exit %d, the same output as the modules',
    async (_what, code, proposal, command, without) => {
      copyFileSync(join(EXAMPLES, 'proposals', proposal), join(list.dir, LIST));
      const args = [...command, '--repo', list.dir, ...evidence(without)];
      const [bundled, modules] = [runBundle(args), await runModules(args)];
      expect(modules.status).toBe(code);
      expect(modules.stdout).not.toBe('');
      expect(bundled).toEqual(modules);
    },
  );

  it('a usage error: the same message and exit code 2', async () => {
    const args = ['check', '--repo', list.dir, '--no-such-flag'];
    const [bundled, modules] = [runBundle(args), await runModules(args)];
    expect(bundled.status).toBe(2);
    expect(bundled).toEqual(modules);
  });

  it('has a code cache entry written for it after one run (no import() keeps it out)', () => {
    const cache = mkdtempSync(join(tmpdir(), 'vmt-oversight-bundle-cache-'));
    try {
      copyFileSync(join(EXAMPLES, 'proposals', 'passing.yaml'), join(list.dir, LIST));
      const args = ['check', '--repo', list.dir, ...evidence()];
      // start.ts installs the cache before the bundle loads, as bin.ts runs them.
      const result = spawnSync(
        process.execPath,
        [
          '-r',
          join(ROOT, 'test', 'helpers', 'transpile-hook.js'),
          '-e',
          startThenBundle(),
          ...args,
        ],
        {
          cwd: list.dir,
          env: {
            ...process.env,
            ...ENV,
            VMT_OVERSIGHT_NO_CACHE: '0',
            VMT_OVERSIGHT_CODE_CACHE: '1',
            VMT_OVERSIGHT_CACHE: cache,
          },
          encoding: 'utf8',
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const [platform] = readdirSync(join(cache, 'code-cache'));
      const entries = readdirSync(join(cache, 'code-cache', platform!));
      const name = createHash('sha256').update(join(out, 'program.js')).digest('hex');
      expect(entries).toContain(name);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('its parsing thread gives the outcomes the modules give', async () => {
    const entry = join(out, 'parse-worker.js');
    expect(existsSync(entry)).toBe(true);
    const parser = new WorkerParser({ entry, execArgv: [] });
    try {
      const broken = [
        { path: 'deliverables/epoxy/broken.yaml', text: 'releases: [', series: 'epoxy' },
        { path: 'deliverables/epoxy/shape.yaml', text: 'releases: {a: 1}\n', series: 'epoxy' },
      ].map((file) => ({ ...file, repository: 'openstack/broken' }));
      const texts = [...deliverableTexts(), ...broken];
      expect(texts.length).toBeGreaterThan(5);
      const expected = await inThreadParser.parse(texts);
      expect(expected.filter((outcome) => !('file' in outcome))).toHaveLength(2);
      expect(await parser.parse(texts)).toEqual(expected);
      expect(parser.threadStarted).toBe(true);
    } finally {
      await parser.close();
    }
  });
});

/** start.ts, then the bundle, as bin.ts runs them, with the bundle named directly. */
function startThenBundle(): string {
  const start = JSON.stringify(join(ROOT, 'src', 'cli', 'start.ts'));
  const program = JSON.stringify(join(out, 'program.js'));
  return `process.argv.splice(1, 0, 'vmt-oversight'); require(${start}); require(${program});`;
}

function deliverableTexts(): DeliverableText[] {
  const dir = join(ROOT, 'test', 'fixtures', 'data', 'releases', 'deliverables');
  return readdirSync(dir).flatMap((series) =>
    readdirSync(join(dir, series)).map((name) => ({
      path: `deliverables/${series}/${name}`,
      text: readFileSync(join(dir, series, name), 'utf8'),
      series,
      repository: `openstack/${name.replace(/\.yaml$/, '')}`,
    })),
  );
}
