/**
 * The remote services as the CLI uses them, against local servers: `audit` asks Launchpad about
 * the trackers the entries declare (as `check` does), and a terminal shows one bar for the
 * requests, drawn with the judging bar without garbage between them.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, type World } from '../../examples/build-world';
import { startFakeLaunchpad, type FakeLaunchpad } from '../helpers/launchpad-server';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { runCli } from '../helpers/run-cli';
import { screenOf } from '../helpers/virtual-terminal';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const LIST = 'repos-overseen.yaml';

let root: string;
let world: World;
let list: TempRepo;
let launchpad: FakeLaunchpad;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vmt-remote-services-'));
  world = buildWorld(join(EXAMPLES, 'world'), root);
  list = createTempRepo({ prefix: 'vmt-remote-services-list-' });
  // Declares tracker.launchpad and tracker.security-group (example-coresec) for both entries.
  copyFileSync(join(EXAMPLES, 'proposals', 'passing.yaml'), join(list.dir, LIST));
  list.commit('The oversight list', '2026-05-01T12:00:00Z');
});

afterAll(() => {
  list.cleanup();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(async () => {
  launchpad = await startFakeLaunchpad({ projects: {}, teams: {} });
});

afterEach(async () => {
  launchpad.verify();
  await launchpad.close();
});

const evidence = () => [
  '--governance',
  world.governance,
  '--releases',
  world.releases,
  '--project-config',
  world.projectConfig,
  '--repos-root',
  world.reposRoot,
  '--as-of',
  '2026-06-01',
];

/** Online, but only towards the local Launchpad; Gerrit is a closed port, the cache is off. */
const online = () => ({
  VMT_OVERSIGHT_OFFLINE: '0',
  VMT_OVERSIGHT_NO_CACHE: '1',
  VMT_OVERSIGHT_LAUNCHPAD_API: launchpad.api,
  VMT_OVERSIGHT_GERRIT: 'http://127.0.0.1:9',
});

test('audit asks Launchpad about the declared tracker and security group, as check does', async () => {
  const result = await runCli(['audit', '--repo', list.dir, '--format', 'json', ...evidence()], {
    env: online(),
  });
  expect(result.stdout).toContain('"verdict"');
  const asked = [...new Set(launchpad.requests)].sort();
  expect(asked).toEqual([
    '/devel/example-service',
    '/devel/python-exampleclient',
    '/devel/~example-coresec',
  ]);
  // The default name (<project>-coresec) is not asked when the entry names its group.
  expect(asked).not.toContain('/devel/~example-service-coresec');
});

test('on a terminal, requests have their bar with counts, drawn with the others, lines kept whole', async () => {
  const result = await runCli(
    ['audit', '--repo', list.dir, '--format', 'json', '--verbose', ...evidence()],
    { env: online(), tty: true },
  );
  expect(result.stdout).toContain('"verdict"');
  const requests = launchpad.requests.length;
  expect(requests).toBeGreaterThan(0);
  // The bar counted every Launchpad request (Gerrit's refused ones count too).
  expect(result.stderr).toMatch(/asking +\S+ \d+\/\d+ requests (Launchpad|Gerrit) /);
  const totals = [...result.stderr.matchAll(/asking +\S+ (\d+)\/(\d+) requests/g)];
  const last = totals[totals.length - 1];
  expect(last?.[1]).toBe(last?.[2]);
  expect(Number(last?.[2])).toBeGreaterThanOrEqual(requests);
  expect(result.stderr).toMatch(/judging +\S+ \d+\/2 repositories/);
  // Every --verbose request line reaches the screen whole, on a line of its own.
  const lines = screenOf(result.stderr);
  const logged = lines.filter((line) => line.includes(`GET ${launchpad.api}`));
  expect(logged).toHaveLength(requests);
  for (const line of logged)
    expect(line).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/devel\/\S+ → 404 \(/);
  // Nothing else is left on the screen once the bars are cleared: only whole lines.
  for (const line of lines.filter((l) => l.trim() !== '')) {
    expect(line).toMatch(/^(GET |warning: |vmt-oversight: )/);
  }
});

test('without a terminal, no bar is drawn', async () => {
  const result = await runCli(['audit', '--repo', list.dir, '--format', 'json', ...evidence()], {
    env: online(),
  });
  expect(result.stderr).not.toContain('asking');
  expect(result.stderr).not.toContain('\x1B');
});
