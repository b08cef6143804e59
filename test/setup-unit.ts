// The unit project's promise, kept: a unit test starts no process (so no git, no ansible, no
// browser) and opens no socket. A test that tries fails with where it belongs, even when the code
// under test catches the error. The patches are on the worker's own modules, which other test
// files share, so they are undone after this file.
import childProcess from 'node:child_process';
import net from 'node:net';
import { gitSpawner } from '../src/git/spawner';

const MOVE =
  'unit tests start no processes and open no sockets: list this file in INTEGRATION_FILES in ' +
  'jest.config.js, or name it *.integration.test.ts';

const SPAWNERS = [
  'spawn',
  'spawnSync',
  'exec',
  'execSync',
  'execFile',
  'execFileSync',
  'fork',
] as const;

type Patch = { target: object; key: string; original: unknown };

const patches: Patch[] = [];
const attempts: string[] = [];

function forbid(target: object, key: string, label: (args: unknown[]) => string): void {
  const original: unknown = Reflect.get(target, key);
  patches.push({ target, key, original });
  Reflect.set(target, key, (...args: unknown[]) => {
    const attempt = label(args);
    attempts.push(attempt);
    throw new Error(`${attempt}: ${MOVE}`);
  });
}

for (const name of SPAWNERS) {
  forbid(childProcess, name, (args) => `child_process.${name}(${JSON.stringify(args[0])})`);
}
// git starts from a thread of its own (src/git/spawner.ts), out of reach of the patches above.
forbid(gitSpawner, 'spawn', (args) => `git spawner(${JSON.stringify(args[1])})`);
forbid(net.Socket.prototype, 'connect', () => 'net.Socket.connect');
forbid(net.Server.prototype, 'listen', () => 'net.Server.listen');

/** The attempts since the last call; a test of this guard takes its own so it does not fail. */
export function takeForbiddenAttempts(): string[] {
  return attempts.splice(0);
}

afterEach(() => {
  const seen = takeForbiddenAttempts();
  if (seen.length > 0) throw new Error(`${seen.join(', ')}: ${MOVE}`);
});

afterAll(() => {
  for (const { target, key, original } of patches.reverse()) Reflect.set(target, key, original);
});
