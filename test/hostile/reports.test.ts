/**
 * Item 8 of issue 7: reports are written atomically and never outlive a failed run; output
 * errors are exit 2; a FIFO, a socket or a device where a file should be is refused, never read.
 * Every CLI run here is a real process (bin.ts), with real FIFOs, /dev/full and closed pipes,
 * killed after 20 s so that a hang fails the bounded-time assertion instead of the test run.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleError } from '../../src/cli/main';
import { Unavailable } from '../../src/sources/unavailable';
import {
  FileRefusedError,
  readRegularFile,
  readRegularFileSync,
} from '../../src/util/regular-file';
import { collect, runCliProcess, spawnCli, warmCli } from '../helpers/cli-process';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

const LIST = 'repos-overseen.yaml';
const BASE = 'repositories:\n  - name: openstack/alpha\n';
const STALE_PASS = '{"verdict":"pass","vote":1}\n';
const BOUND_MS = 10_000;
const DEV_FULL = '/dev/full';
const DEV_ZERO = '/dev/zero';

let repo: TempRepo;
let scratch: string;

beforeAll(() => warmCli());

beforeEach(() => {
  repo = createTempRepo();
  repo.write(LIST, BASE);
  repo.commit('Add list', '2026-01-01T00:00:00Z');
  scratch = mkdtempSync(join(tmpdir(), 'vmt-oversight-reports-'));
});

afterEach(() => {
  repo.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** A report left by an earlier run that passed. */
function stalePass(name = 'report.json'): string {
  const file = join(scratch, name);
  writeFileSync(file, STALE_PASS);
  return file;
}

function check(...args: string[]): string[] {
  return ['check', '--repo', repo.dir, '--base', 'HEAD', ...args];
}

/** Files in `dir` other than `keep`: a temp file left behind would show here. */
function othersIn(dir: string, ...keep: string[]): string[] {
  return readdirSync(dir).filter((name) => !keep.includes(name));
}

/** A list edit that adds many repositories: a report far larger than a pipe's buffer. */
function addMany(count: number): void {
  const names = Array.from({ length: count }, (_, i) => `  - name: openstack/r${i}\n`);
  repo.write(LIST, `${BASE}${names.join('')}`);
}

describe('a failed run leaves no report that says pass', () => {
  it('removes an earlier pass report when the command line is a usage error', async () => {
    const report = stalePass();
    const result = await runCliProcess(check('--report', `json=${report}`, '--no-such-flag'), {
      cwd: scratch,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
    expect(existsSync(report)).toBe(false);
  });

  it('removes an earlier pass report when the run fails with exit 2 before judging', async () => {
    const report = stalePass();
    const result = await runCliProcess(
      ['check', '--repo', repo.dir, '--base', 'no-such-revision', `--report=json=${report}`],
      { cwd: scratch },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^vmt-oversight: .*no-such-revision.*\n$/);
    expect(existsSync(report)).toBe(false);
  });

  it('leaves no report when the run is interrupted while it gathers evidence', async () => {
    const report = stalePass();
    const gerrit = await silentServer();
    try {
      repo.write(LIST, `${BASE}  - name: openstack/beta\n`);
      const child = spawnCli(
        check('--gerrit', gerrit.url, '--change', '1', '--report', `json=${report}`),
        { cwd: scratch },
      );
      const done = collect(child);
      await gerrit.connected; // the run is now waiting on Gerrit, after its start
      child.kill('SIGTERM');
      const result = await done;
      expect(result.signal).toBe('SIGTERM');
      expect(existsSync(report)).toBe(false);
      expect(othersIn(scratch)).toEqual([]);
    } finally {
      await gerrit.close();
    }
  });

  it('ends an uncaught exception outside the command with exit 2, one line, no report', async () => {
    const report = stalePass();
    const crash = join(scratch, 'crash.js');
    writeFileSync(
      crash,
      "setImmediate(() => { throw new TypeError('injected\\nsecond line'); });\n",
    );
    const result = await runCliProcess(check('--report', `json=${report}`), {
      cwd: scratch,
      preload: [crash],
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^vmt-oversight: internal error: injected second line \(please report it; [^\n]*\)\n$/,
    );
    expect(existsSync(report)).toBe(false);
  });

  it('writes a run with a verdict by rename: a new file in place, no temp file left', async () => {
    const report = stalePass();
    const staleInode = statSync(report).ino;
    // A second link keeps the stale inode allocated, so the new file cannot reuse its number.
    linkSync(report, join(scratch, 'stale-kept'));
    const result = await runCliProcess(check('--report', `json=${report}`), { cwd: scratch });
    expect(result.status).toBe(0);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { verdict: string; head: string };
    expect(written).toMatchObject({ verdict: 'pass', head: 'WORKTREE' });
    expect(statSync(report).ino).not.toBe(staleInode);
    expect(othersIn(scratch, 'report.json', 'stale-kept')).toEqual([]);
  });
});

describe('unexpected errors inside a command', () => {
  function capture() {
    let stderr = '';
    const io = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: scratch,
      today: () => '2026-06-01',
    };
    return { io, stderr: () => stderr };
  }

  it('end with exit 2 and a one-line message, never exit 0', () => {
    const { io, stderr } = capture();
    expect(handleError(new TypeError('Cannot read properties of undefined\n  at x'), io)).toBe(2);
    expect(stderr()).toMatch(/^vmt-oversight: internal error: Cannot read properties[^\n]*\n$/);
    expect(handleError('a thrown string', capture().io)).toBe(2);
  });

  it('end with exit 3 when it is evidence that could not be gathered', () => {
    const { io, stderr } = capture();
    expect(handleError(new Unavailable('governance', 'cannot read projects.yaml'), io)).toBe(3);
    expect(stderr()).toBe(
      'vmt-oversight: evidence unavailable (governance): cannot read projects.yaml\n',
    );
  });
});

describe('--report to something that is not a regular file is refused (exit 2)', () => {
  it.each([
    ['a directory', (path: string) => mkdirSync(path)],
    ['a named pipe (FIFO)', mkfifo],
    ['a symbolic link', (path: string) => symlinkSync(join(scratch, 'elsewhere.json'), path)],
  ])('refuses %s, before judging, and leaves it as it was', async (what, make) => {
    const target = join(scratch, 'report.json');
    writeFileSync(join(scratch, 'elsewhere.json'), STALE_PASS);
    make(target);
    const kind = lstatSync(target).mode;
    const result = await runCliProcess(check('--report', `json=${target}`), { cwd: scratch });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`vmt-oversight: --report: ${target} is ${what}`);
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(lstatSync(target).mode).toBe(kind);
    expect(readFileSync(join(scratch, 'elsewhere.json'), 'utf8')).toBe(STALE_PASS);
  });

  it('refuses a report path that ends with a slash (a directory to be), before judging', async () => {
    const result = await runCliProcess(check('--report', 'json=reports/'), { cwd: scratch });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--report: 'reports/' names a directory");
    expect(othersIn(scratch)).toEqual([]);
  });
});

describe('stdout and stderr write errors', () => {
  const onLinux = existsSync(DEV_FULL) ? it : it.skip;

  onLinux('stdout on a full device: exit 2, a clear message, and no report', async () => {
    const report = stalePass();
    const full = openSync(DEV_FULL, 'w');
    try {
      const result = await runCliProcess(check('--report', `json=${report}`), {
        cwd: scratch,
        stdout: full,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        'vmt-oversight: cannot write to standard output: ENOSPC: no space left on device, write\n',
      );
      expect(existsSync(report)).toBe(false);
      expect(othersIn(scratch)).toEqual([]);
    } finally {
      closeSync(full);
    }
  });

  onLinux('any command: explain on a full stdout is exit 2 too', async () => {
    const full = openSync(DEV_FULL, 'w');
    try {
      const result = await runCliProcess(['explain'], { cwd: scratch, stdout: full });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('cannot write to standard output: ENOSPC');
    } finally {
      closeSync(full);
    }
  });

  it('a reader that closes the pipe early (| head -1): the verdict code, quietly', async () => {
    addMany(300);
    const report = join(scratch, 'report.json');
    const started = Date.now();
    const child = spawnCli(check('--report', `json=${report}`), { cwd: scratch });
    const firstLine = await new Promise<string>((resolve) => {
      child.stdout?.once('data', (chunk: Buffer) => {
        child.stdout?.destroy();
        resolve(chunk.toString('utf8').split('\n')[0] ?? '');
      });
    });
    const result = await collect(child, started);
    expect(firstLine).toMatch(/^vmt-oversight repos-overseen.yaml/);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3); // inconclusive: no evidence was given for the additions
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ verdict: 'inconclusive' });
  });
});

describe('a FIFO or a device where a data file should be is refused, not read', () => {
  it('--config naming a FIFO: exit 2 at once, no hang', async () => {
    const fifo = join(scratch, 'config.yaml');
    mkfifo(fifo);
    const result = await runCliProcess(check('--config', fifo), { cwd: scratch });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `vmt-oversight: --config: ${fifo} is a named pipe (FIFO), not a regular file\n`,
    );
  });

  it('--config naming a symlink to /dev/zero: exit 2, never read', async () => {
    const link = join(scratch, 'config.yaml');
    symlinkSync(DEV_ZERO, link);
    const result = await runCliProcess(['audit', '--repo', repo.dir, '--config', link], {
      cwd: scratch,
    });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${link} is a character device, not a regular file`);
  });

  it('a FIFO as .vmt-oversight.yaml in the work tree: exit 2 for check and audit', async () => {
    mkfifo(join(repo.dir, '.vmt-oversight.yaml'));
    for (const args of [check(), ['audit', '--repo', repo.dir]]) {
      const result = await runCliProcess(args, { cwd: scratch });
      expect(result.ms).toBeLessThan(BOUND_MS);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('.vmt-oversight.yaml is a named pipe (FIFO)');
    }
  });

  it('audit: a list that is a symlink to /dev/zero is exit 2, never read', async () => {
    rmSync(join(repo.dir, LIST));
    symlinkSync(DEV_ZERO, join(repo.dir, LIST));
    const result = await runCliProcess(['audit', '--repo', repo.dir], { cwd: scratch });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`the list '${LIST}' cannot be read`);
    expect(result.stderr).toContain('is a character device, not a regular file');
  });

  it('check: a list that is a FIFO in the work tree is refused (exit 2), never read', async () => {
    rmSync(join(repo.dir, LIST));
    mkfifo(join(repo.dir, LIST));
    const result = await runCliProcess(check(), { cwd: scratch });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a regular file in the work tree');
  });

  it('plain data directories: a FIFO or a device file is evidence unavailable (exit 3)', async () => {
    const governance = join(scratch, 'governance');
    const releases = join(scratch, 'releases');
    mkdirSync(join(governance, 'reference'), { recursive: true });
    mkdirSync(join(releases, 'data'), { recursive: true });
    mkfifo(join(governance, 'reference', 'projects.yaml'));
    symlinkSync(DEV_ZERO, join(releases, 'data', 'series_status.yaml'));
    repo.write(LIST, `${BASE}  - name: openstack/beta\n`);
    const args = check('--governance', governance, '--releases', releases, '--format', 'json');
    const result = await runCliProcess(args, { cwd: scratch });
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.status).toBe(3);
    const report = JSON.parse(result.stdout) as { verdict: string; findings: object[] };
    expect(report.verdict).toBe('inconclusive');
    expect(result.stdout).toContain('projects.yaml is a named pipe (FIFO), not a regular file');
    expect(result.stdout).toContain('series_status.yaml is a character device');
  });
});

describe('the regular-file reader', () => {
  it('reads a regular file, and a symlink to one unless told to refuse symlinks', async () => {
    const file = join(scratch, 'data.yaml');
    writeFileSync(file, 'a: 1\n');
    symlinkSync(file, join(scratch, 'link.yaml'));
    expect((await readRegularFile(file))?.toString()).toBe('a: 1\n');
    expect(readRegularFileSync(join(scratch, 'link.yaml'))?.toString()).toBe('a: 1\n');
    await expect(
      readRegularFile(join(scratch, 'link.yaml'), { symlinks: 'refuse' }),
    ).rejects.toMatchObject({ kind: 'symlink' });
    expect(await readRegularFile(join(scratch, 'missing.yaml'))).toBeNull();
  });

  it('refuses a file above the size cap, unread', async () => {
    const file = join(scratch, 'big.yaml');
    writeFileSync(file, Buffer.alloc(1025, 0x61));
    await expect(readRegularFile(file, { maxBytes: 1024 })).rejects.toThrow(
      `${file} is larger than the 1024-byte limit`,
    );
    expect(() => readRegularFileSync(file, { maxBytes: 1024 })).toThrow(FileRefusedError);
    expect((await readRegularFile(file, { maxBytes: 1025 }))?.length).toBe(1025);
  });

  it('refuses a socket, a FIFO and a device without blocking', async () => {
    const socketPath = join(scratch, 'sock');
    const server = await listenOn(socketPath);
    mkfifo(join(scratch, 'fifo'));
    try {
      await expect(readRegularFile(socketPath)).rejects.toMatchObject({ kind: 'socket' });
      await expect(readRegularFile(join(scratch, 'fifo'))).rejects.toMatchObject({ kind: 'fifo' });
      expect(() => readRegularFileSync(DEV_ZERO)).toThrow('is a character device');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<{
  url: string;
  connected: Promise<void>;
  close(): Promise<void>;
}> {
  const sockets: Socket[] = [];
  let onConnection: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnection = resolve));
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connected,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function listenOn(path: string): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => server.listen(path, () => resolve(server)));
}
