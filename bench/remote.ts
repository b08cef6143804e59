/**
 * `npm run bench:remote`: what the git cache costs on the network. For each world of N
 * repositories (bench/world), serves every repository and the three data repositories from a
 * local smart-HTTP server (`git http-backend`, test/helpers/git-http-server.ts, which counts
 * requests and response bytes), and runs `check` and `audit --all-official` with no local
 * evidence flag, the CLI pointed at that server: once with an empty cache (cold), once more with
 * the cache that run left (warm). Launchpad and Gerrit are pointed at a closed local port and
 * GitHub is off, so nothing leaves the machine.
 *
 *   npm run bench:remote -- [--sizes 50,600] [--rebuild]
 *
 * A script that prints figures, not a timed test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '../test/helpers/git-http-server';
import { cacheFootprint, printFootprint, type Footprint } from './remote-footprint';
import { benchWorld, type BenchWorld } from './world';
import { BENCH_AS_OF } from './world/series';

type Command = 'check' | 'audit';
type Temperature = 'cold' | 'warm';

/** What one run asked of the git server, and what the CLI says it did to its cache. */
interface RemoteRun {
  size: number;
  command: Command;
  temperature: Temperature;
  /** Repositories the run needs: the candidates judged and the three data repositories. */
  repositories: number;
  requests: number;
  /** GET info/refs: one per git process that reached the server (clone, fetch, object fetch). */
  gitCalls: number;
  bytes: number;
  clones: number;
  fetches: number;
  /** Repositories fetched more than once in the run (the warm target is none). */
  refetched: string[];
  wall: number;
  exitCode: number | null;
}

const BIN = join(__dirname, '..', 'src', 'cli', 'bin.js');

function parseOptions(argv: readonly string[]): { sizes: number[]; rebuild: boolean } {
  const options = { sizes: [50, 600], rebuild: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--rebuild') options.rebuild = true;
    else if (flag === '--sizes') options.sizes = (argv[++i] ?? '').split(',').map(Number);
    else throw new Error(`unknown option ${flag}; use --sizes 50,600, --rebuild`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 10)) {
    throw new Error('--sizes takes whole numbers of at least 10');
  }
  return options;
}

/** A port on 127.0.0.1 nothing listens on: every request to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The CLI's environment: no local evidence, no user config, every remote service shut. */
function remoteEnv(port: number, configHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VMT_OVERSIGHT_') && key !== 'GITHUB_TOKEN') env[key] = value;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: configHome,
    VMT_OVERSIGHT_LAUNCHPAD_API: `http://127.0.0.1:${port}`,
    VMT_OVERSIGHT_GERRIT: `http://127.0.0.1:${port}`,
    VMT_OVERSIGHT_GITHUB: '0',
  };
}

function cliArgs(command: Command, world: BenchWorld, cacheDir: string, url: string): string[] {
  const common = ['--cache-dir', cacheDir, '--git-base-url', url, '--as-of', BENCH_AS_OF];
  const report = ['--report', `json=${join(cacheDir, '..', `${command}.json`)}`, '--verbose'];
  if (command === 'audit') {
    return [BIN, 'audit', '--all-official', '--repo', world.listRepo, ...common, ...report];
  }
  const revisions = ['--base', 'HEAD~1', '--head', 'HEAD'];
  const list = ['--repo', world.listRepo, '--list', world.listFile, ...revisions];
  return [BIN, 'check', ...list, ...common, ...report];
}

/** Runs the CLI and counts, from its `--verbose` log, the repositories it cloned and fetched. */
function runCli(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; cloned: string[]; fetched: string[]; tail: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      const cloned: string[] = [];
      const fetched: string[] = [];
      let partial = '';
      let tail = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const match = /^vmt-oversight: (cloned|fetched) (\S+) from /.exec(line);
          if (match?.[1] === 'cloned') cloned.push(match[2]!);
          else if (match?.[1] === 'fetched') fetched.push(match[2]!);
          tail = `${tail}${line}\n`.slice(-4000);
        }
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, cloned, fetched, tail }));
    },
  );
}

async function measureRun(
  server: GitHttpServer,
  context: { world: BenchWorld; command: Command; temperature: Temperature },
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<RemoteRun> {
  const { world, command, temperature } = context;
  const before = server.requests.length;
  const started = process.hrtime.bigint();
  const result = await runCli(args, env);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.code === 2 || result.code === null) {
    throw new Error(`${command} (${temperature}) failed (exit ${result.code}):\n${result.tail}`);
  }
  const requests = server.requests.slice(before);
  const touched = [...result.cloned, ...result.fetched];
  const refetched = touched.filter((name, index) => touched.indexOf(name) !== index);
  const judged = command === 'check' ? world.added : world.size;
  return {
    size: world.size,
    command,
    temperature,
    repositories: judged + world.dataRepositories.length,
    requests: requests.length,
    gitCalls: requests.filter((r) => r.service === 'info/refs').length,
    bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
    clones: result.cloned.length,
    fetches: result.fetched.length,
    refetched,
    wall,
    exitCode: result.code,
  };
}

async function benchSize(size: number, rebuild: boolean): Promise<[RemoteRun[], Footprint]> {
  const world = await benchWorld(size, { rebuild });
  const server = await startGitHttpServer({
    root: world.reposRoot,
    repositories: [...world.repositories, ...world.dataRepositories],
  });
  const scratch = mkdtempSync(join(tmpdir(), 'vmt-oversight-bench-remote-'));
  try {
    const env = remoteEnv(await closedPort(), join(scratch, 'config'));
    const runs: RemoteRun[] = [];
    let footprint: Footprint | null = null;
    for (const command of ['check', 'audit'] as const) {
      const cacheDir = join(scratch, `${command}-cache`);
      const args = cliArgs(command, world, cacheDir, server.url);
      for (const temperature of ['cold', 'warm'] as const) {
        process.stderr.write(`N=${size}: ${command} ${temperature}…\n`);
        runs.push(await measureRun(server, { world, command, temperature }, args, env));
        if (command === 'audit' && temperature === 'cold') {
          footprint = await cacheFootprint(cacheDir, server.url, world);
        }
      }
    }
    if (server.unexpected.length > 0) {
      process.stderr.write(`unexpected requests: ${server.unexpected.slice(0, 5).join(', ')}\n`);
    }
    return [runs, footprint!];
  } finally {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const per = (value: number, run: RemoteRun, digits = 2): string =>
  (value / run.repositories).toFixed(digits);

function printRuns(runs: readonly RemoteRun[]): void {
  const header = [
    'N',
    'command',
    'cache',
    'repos',
    'clones',
    'fetches',
    'git calls/repo',
    'requests/repo',
    'KB/repo',
    'wall s',
    'exit',
  ];
  const lines = runs.map((run) => [
    String(run.size),
    run.command,
    run.temperature,
    String(run.repositories),
    String(run.clones),
    String(run.fetches),
    per(run.gitCalls, run),
    per(run.requests, run),
    per(run.bytes / 1024, run, 1),
    run.wall.toFixed(1),
    String(run.exitCode),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  for (const line of [header, ...lines]) {
    process.stdout.write(`${line.map((cell, i) => cell.padStart(widths[i]!)).join('  ')}\n`);
  }
}

function printTargets(runs: readonly RemoteRun[]): void {
  process.stdout.write('\nTargets:\n');
  for (const run of runs.filter((r) => r.temperature === 'warm')) {
    const ok = run.clones === 0 && run.fetches === run.repositories && run.refetched.length === 0;
    const calls = run.gitCalls / run.repositories;
    process.stdout.write(
      `  warm ${run.command} N=${run.size}: ${run.clones} clones, ${run.fetches} fetches for ` +
        `${run.repositories} repositories, ${calls.toFixed(2)} git calls/repository ` +
        `(no clone, one fetch each): ${ok && calls === 1 ? 'met' : 'NOT MET'}` +
        `${run.refetched.length > 0 ? `; fetched twice: ${run.refetched.slice(0, 3).join(', ')}` : ''}\n`,
    );
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const runs: RemoteRun[] = [];
  const footprints: Footprint[] = [];
  for (const size of options.sizes) {
    const [sized, footprint] = await benchSize(size, options.rebuild);
    runs.push(...sized);
    footprints.push(footprint);
  }
  process.stdout.write(
    `\nvmt-oversight remote bench (git smart HTTP on 127.0.0.1, services shut), as of ` +
      `${BENCH_AS_OF}, node ${process.version}\n\n`,
  );
  printRuns(runs);
  printTargets(runs);
  printFootprint(footprints);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
