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

const evidence = () => Object.entries({ ...evidenceFlags(world), '--as-of': '2026-06-01' }).flat();

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
  it.each([
    ['a passing check', 'passing.yaml', ['check', '--format', 'json']],
    ['a failing check', 'failing.yaml', ['check', '--format', 'json']],
    ['a failing check, as text', 'failing.yaml', ['check']],
    ['an audit', 'failing.yaml', ['audit', '--format', 'json']],
  ])('%s: the same output and exit code as the modules', async (_what, proposal, command) => {
    copyFileSync(join(EXAMPLES, 'proposals', proposal), join(list.dir, LIST));
    const args = [...command, '--repo', list.dir, ...evidence()];
    const [bundled, modules] = [runBundle(args), await runModules(args)];
    expect(bundled).toEqual(modules);
    expect(modules.stdout).not.toBe('');
  });

  it('a usage error: the same message and exit code 2', async () => {
    const args = ['check', '--repo', list.dir, '--no-such-flag'];
    const [bundled, modules] = [runBundle(args), await runModules(args)];
    expect(bundled.status).toBe(2);
    expect(bundled).toEqual(modules);
  });

  it('is taken by the code cache: one entry, named for the bundle, after one run', () => {
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
      const texts = deliverableTexts();
      expect(texts.length).toBeGreaterThan(3);
      expect(await parser.parse(texts)).toEqual(await inThreadParser.parse(texts));
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
