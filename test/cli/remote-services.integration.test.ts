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
