// Three jest projects, each test file in exactly one (test/meta/projects.test.ts checks it):
//   unit         pure and fast: no git, no child processes, no network, no browser
//                (test/setup-unit.ts makes a test that tries fail);
//   integration  real git repos, the CLI end to end, ansible, the browser, the hostile suite;
//   real-data    the suite on ../shared/data (skipped, and said so, when it is not there).
// Projects are chosen by regular expressions on the absolute path (testRegex and
// testPathIgnorePatterns, never testMatch globs), so the meta test applies jest's own rule.
const { join } = require('node:path');

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const inFolder = (folder) => `^${escape(join(__dirname, folder))}/.*\\.test\\.ts$`;
const file = (path) => `^${escape(join(__dirname, path))}$`;

/** Test files beside the code that build git repos, start servers or run processes. */
const INTEGRATION_FILES = [
  'src/diff/diff.test.ts',
  'src/diff/git.test.ts',
  'src/diff/list-choice.test.ts',
  'src/gerrit/client.test.ts',
  'src/gerrit/credentials.test.ts',
  'src/sources/data-dir.test.ts',
  'src/sources/gerrit-change.test.ts',
  'src/sources/index.test.ts',
  'src/sources/releases/source.test.ts',
  'src/sources/repository/locate.test.ts',
  'src/sources/repository/source.test.ts',
  'src/sources/repository/tree.test.ts',
  'src/vote/flow.test.ts',
  'test/cli/audit.test.ts',
  'test/cli/check.test.ts',
  'test/cli/governance-self.test.ts',
  'test/cli/list-choice.test.ts',
  'test/cli/propose.test.ts',
  'test/cli/vote.test.ts',
  'test/zuul/playbook.test.ts',
];

const REAL_DATA = [inFolder('test/real-data')];
const INTEGRATION = [
  inFolder('test/hostile'),
  inFolder('test/html'),
  // The convention for a new integration test: name it *.integration.test.ts.
  '\\.integration\\.test\\.ts$',
  ...INTEGRATION_FILES.map(file),
];

const PROJECTS = ['unit', 'integration', 'real-data'];

// `npm run test:unit -- src/list` hands jest `--selectProjects unit src/list`, and jest reads
// src/list as one more project name and silently runs the whole project: refuse that instead.
function refuseUnknownProjects(argv) {
  const at = argv.findIndex((arg) => /^--selectProjects(=|$)/.test(arg));
  if (at < 0) return;
  const inline = argv[at].includes('=') ? [argv[at].split('=')[1]] : [];
  const following = argv.slice(at + 1);
  const end = following.findIndex((arg) => arg.startsWith('-'));
  const names = [...inline, ...(end < 0 ? following : following.slice(0, end))];
  const unknown = names.filter((name) => !PROJECTS.includes(name));
  if (unknown.length === 0) return;
  throw new Error(
    `jest --selectProjects: no project named ${unknown.join(', ')} (the projects are ` +
      `${PROJECTS.join(', ')}); to run some test files, name them alone: npx jest ${unknown.join(' ')}`,
  );
}
refuseUnknownProjects(process.argv);

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: PROJECTS[0],
      testRegex: ['\\.test\\.ts$'],
      testPathIgnorePatterns: ['/node_modules/', ...INTEGRATION, ...REAL_DATA],
      setupFilesAfterEnv: ['<rootDir>/test/setup-unit.ts'],
    },
    {
      ...shared,
      displayName: PROJECTS[1],
      testRegex: INTEGRATION,
      testPathIgnorePatterns: ['/node_modules/', ...REAL_DATA],
    },
    {
      ...shared,
      displayName: PROJECTS[2],
      testRegex: REAL_DATA,
      testPathIgnorePatterns: ['/node_modules/'],
      // Run only when a real-data test is in the run: once per `npm test`.
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
    },
  ],
};
