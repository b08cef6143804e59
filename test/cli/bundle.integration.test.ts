/**
 * The bundled CLI (scripts/bundle.js, the package's `bin`) is the CLI: bundled afresh from the
 * sources here, it answers exactly as the CLI run from source does, for help, a rule page and a
 * check with evidence, report file included; and its deliverable-parsing thread loads and parses.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildWorld, evidenceFlags, type World } from '../../examples/build-world';
import type { ParseAnswer, ParseBatch } from '../../src/sources/releases/parser';
import { workerEntry } from '../../src/sources/releases/parser';
import { runCliProcess, type ProcessResult } from '../helpers/cli-process';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

const ROOT = resolve(__dirname, '..', '..');
const LIST = 'repos-overseen.yaml';

let bundleDir: string;
let scratch: string;
let world: World;
let repo: TempRepo;

beforeAll(() => {
  // Inside the package, as an installed bundle is: it finds the package's files from there.
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  bundleDir = mkdtempSync(join(ROOT, 'dist', '.bundle-test-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.js'), bundleDir], {
    stdio: 'pipe',
  });
  scratch = mkdtempSync(join(tmpdir(), 'vmt-oversight-bundle-'));
  world = buildWorld(join(ROOT, 'examples', 'world'), scratch);
  repo = createTempRepo();
  copyFileSync(join(ROOT, 'examples', 'proposals', 'base.yaml'), join(repo.dir, LIST));
  repo.commit('Add the oversight list', '2026-05-01T12:00:00Z');
  copyFileSync(join(ROOT, 'examples', 'proposals', 'failing.yaml'), join(repo.dir, LIST));
  repo.commit('Proposal', '2026-05-30T12:00:00Z');
}, 60_000);

afterAll(() => {
  repo.cleanup();
  rmSync(bundleDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function runBundle(args: readonly string[]): Omit<ProcessResult, 'ms'> {
  const run = spawnSync(process.execPath, [join(bundleDir, 'vmt-oversight.js'), ...args], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1', VMT_OVERSIGHT_OFFLINE: '1' },
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

async function runSource(args: readonly string[]): Promise<Omit<ProcessResult, 'ms'>> {
  const { status, signal, stdout, stderr } = await runCliProcess(args, {
    cwd: scratch,
    env: { VMT_OVERSIGHT_OFFLINE: '1' },
    killAfterMs: 30_000,
  });
  return { status, signal, stdout, stderr };
}

describe('the bundled CLI', () => {
  it.each([[['--help']], [['explain', 'embargo']], [['audit', '--help']]])(
    'answers %j as the CLI from source does',
    async (args) => {
      const bundled = runBundle(args);
      expect(bundled).toEqual(await runSource(args));
      expect(bundled.status).toBe(0);
      expect(bundled.stdout.length).toBeGreaterThan(100);
    },
  );

  it('checks a proposal with evidence as the CLI from source does, report file included', async () => {
    const check = (report: string) => [
      'check',
      '--repo',
      repo.dir,
      '--list',
      LIST,
      '--base',
      'HEAD~1',
      '--head',
      'HEAD',
      '--as-of',
      '2026-06-01',
      ...Object.entries(evidenceFlags(world)).flat(),
      '--report',
      `json=${join(scratch, report)}`,
    ];
    const bundled = runBundle(check('bundled.json'));
    const fromSource = await runSource(check('source.json'));
    expect(bundled).toEqual(fromSource);
    expect(bundled.status).toBe(1); // the failing example proposal
    const report = readFileSync(join(scratch, 'bundled.json'), 'utf8');
    expect(report).toBe(readFileSync(join(scratch, 'source.json'), 'utf8'));
    expect(JSON.parse(report)).toMatchObject({ verdict: 'fail' });
  });

  it('starts its deliverable-parsing thread from the file beside it, which parses', async () => {
    const entry = workerEntry(join(bundleDir, 'vmt-oversight.js'), undefined);
    expect(entry).toBe(join(bundleDir, 'parse-worker.js'));
    const worker = new Worker(entry as string);
    try {
      const answers: ParseAnswer[] = [];
      const answered = new Promise<void>((done) => {
        worker.on('message', (answer: ParseAnswer) => {
          answers.push(answer);
          if ('outcomes' in answer) done();
        });
      });
      const batch: ParseBatch = {
        id: 7,
        files: [
          {
            path: 'deliverables/epoxy/sushy.yaml',
            text: 'team: ironic\nreleases:\n  - version: 1.0.0\n    projects:\n      - repo: openstack/sushy\n        hash: 0123456789abcdef0123456789abcdef01234567\n',
            series: 'epoxy',
            repository: 'openstack/sushy',
          },
        ],
      };
      worker.postMessage(batch);
      await answered;
      expect(answers[0]).toEqual({ ready: true });
      expect(answers[1]).toMatchObject({
        id: 7,
        outcomes: [{ file: { team: 'ironic', releases: [{ version: '1.0.0' }] } }],
      });
    } finally {
      await worker.terminate();
    }
  });
});
