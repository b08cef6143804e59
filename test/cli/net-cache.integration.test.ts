/**
 * Done-when of issue 11 (git part): in a checkout of a list repository with an uncommitted added
 * bullet and no evidence flags, `check` pointed at a local git server fetches what it needs and
 * gives the same verdict as with hand-made clones; a second run makes no clone, `--offline`
 * makes no request.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';

const FIXTURES = join(__dirname, '..', 'fixtures', 'data');
const DATA = ['openstack/governance', 'openstack/releases', 'openstack/project-config'];
const CANDIDATE = 'openstack/sushy';

let work: string;
let server: GitHttpServer;
let list: TempRepo;
const temps: TempRepo[] = [];

function upstream(name: string, build: (repo: TempRepo) => void): void {
  const repo = createTempRepo();
  temps.push(repo);
  build(repo);
  repo.git('clone', '--quiet', '--bare', repo.dir, join(work, 'serve', name));
  repo.git('clone', '--quiet', repo.dir, join(work, 'clones', name));
}

async function check(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {
      NO_COLOR: '1',
      VMT_OVERSIGHT_CACHE: join(work, 'cache'),
      VMT_OVERSIGHT_GIT_BASE_URL: server.url,
      // Launchpad and Gerrit groups are asked too; here they cannot answer (a closed port), so
      // clauses 4 and 5 are unavailable, never a pass, and no request leaves the machine.
      VMT_OVERSIGHT_LAUNCHPAD_API: 'http://127.0.0.1:9',
      VMT_OVERSIGHT_GERRIT: 'http://127.0.0.1:9',
      ...env,
    },
    cwd: list.dir,
    today: () => '2026-06-01',
  };
  const status = await run(['check', '--repo', list.dir, '--format', 'json', ...args], io);
  const report = JSON.parse(stdout) as {
    verdict: string;
    warnings?: string[];
    findings: {
      rule: string;
      severity: string;
      repository?: string;
      evidence?: { source?: string };
    }[];
  };
  return { status, report, stderr };
}

const summary = (report: Awaited<ReturnType<typeof check>>['report']) => ({
  verdict: report.verdict,
  findings: report.findings.map((f) => `${f.rule} ${f.severity} ${f.repository ?? ''}`).sort(),
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vmt-net-cache-'));
  for (const [name, dir] of [
    ['openstack/governance', 'governance'],
    ['openstack/releases', 'releases'],
    ['openstack/project-config', 'project-config'],
  ] as const) {
    upstream(name, (repo) => {
      cpSync(join(FIXTURES, dir), repo.dir, { recursive: true });
      repo.commit('data', '2026-05-20T10:00:00Z');
    });
  }
  upstream(CANDIDATE, (repo) => {
    repo.write('tox.ini', '[tox]\nenvlist = py3\n[testenv]\ncommands = stestr run\n');
    repo.write('zuul.yaml', '- project:\n    check:\n      jobs:\n        - openstack-tox-py312\n');
    repo.write('sushy/__init__.py', '');
    repo.commit('initial', '2024-01-10T10:00:00Z');
    repo.tag('5.0.0', '2024-02-20T10:00:00Z');
    repo.write('README.rst', 'sushy\n');
    repo.commit('more', '2025-03-01T10:00:00Z');
    repo.tag('5.5.0', '2025-03-02T10:00:00Z');
  });
  // Already on the list; the engine may read it too.
  upstream('openstack/nova', (repo) => {
    repo.write('tox.ini', '[testenv]\ncommands = stestr run\n');
    repo.commit('initial', '2024-01-10T10:00:00Z');
    repo.tag('29.0.0', '2024-03-20T10:00:00Z');
  });
  server = await startGitHttpServer({
    root: join(work, 'serve'),
    repositories: [...DATA, CANDIDATE, 'openstack/nova'],
  });
  list = createTempRepo();
  list.write(
    'doc/source/repos-overseen.rst',
    'Repositories\n============\n\n* `openstack/nova <https://opendev.org/openstack/nova>`_\n',
  );
  list.commit('list', '2026-05-01T10:00:00Z');
  list.write(
    'doc/source/repos-overseen.rst',
    'Repositories\n============\n\n* `openstack/nova <https://opendev.org/openstack/nova>`_\n* `openstack/sushy <https://opendev.org/openstack/sushy>`_\n',
  );
});

afterAll(async () => {
  await server.close();
  for (const repo of [...temps, list]) repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});

test('with no flags, check fetches from the git server and judges as hand-made clones do', async () => {
  const cold = await check(['--verbose']);
  expect(cold.stderr).toMatch(/cloned openstack\/governance from http:\/\/127\.0\.0\.1/);
  expect(cold.stderr).toMatch(/cloned openstack\/sushy/);
  for (const name of [...DATA, CANDIDATE]) {
    expect(
      server.requests.filter((r) => r.repository === name && r.service === 'info/refs').length,
    ).toBeGreaterThan(0);
  }
  server.verify();
  const clones = join(work, 'clones');
  const local = await check([
    '--no-cache',
    '--governance',
    join(clones, 'openstack/governance'),
    '--releases',
    join(clones, 'openstack/releases'),
    '--project-config',
    join(clones, 'openstack/project-config'),
    '--repos-root',
    clones,
  ]);
  expect(summary(cold.report)).toEqual(summary(local.report));
  expect(cold.status).toBe(local.status);
  // Nothing git could give is left unavailable (Gerrit, not asked for here, is the only gap).
  const gaps = cold.report.findings.filter((f) => f.rule === 'evidence-unavailable');
  expect(new Set(gaps.map((f) => f.evidence?.source))).toEqual(new Set(['gerrit']));

  // A second run: no clone, one fetch per repository (one ref advertisement, one ls-refs).
  const before = server.requests.length;
  const warm = await check([]);
  const later = server.requests.slice(before);
  for (const name of [...DATA, CANDIDATE]) {
    expect(later.filter((r) => r.repository === name && r.service === 'info/refs')).toHaveLength(1);
    expect(
      later.filter((r) => r.repository === name && r.service === 'git-upload-pack'),
    ).toHaveLength(1);
  }
  expect(summary(warm.report)).toEqual(summary(local.report));

  // --offline: not a single request, the same verdict.
  const quiet = server.requests.length;
  const offline = await check(['--offline']);
  expect(server.requests.length).toBe(quiet);
  expect(summary(offline.report)).toEqual(summary(local.report));
  // Fetched today, judged today: when, and nothing stale.
  const today = new Date().toISOString().slice(0, 10);
  expect(offline.report.warnings).toEqual([
    `--offline: 5 cached repositories used as they are, last fetched ${today}`,
  ]);
  expect(offline.stderr).toContain(`warning: ${offline.report.warnings?.[0]}`);
  server.verify();
});

test('--offline and --no-fetch say when the cache was fetched and what is stale, in a few lines', async () => {
  // The cache of the test above, judged 40 days after it was fetched.
  const later = new Date(Date.now() + 40 * 86400000).toISOString().slice(0, 10);
  const quiet = server.requests.length;
  for (const flag of ['--offline', '--no-fetch']) {
    const result = await check([flag, '--as-of', later]);
    const warnings = result.report.warnings ?? [];
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(new RegExp(`^${flag}: 5 cached repositories used as they are`));
    expect(warnings[1]).toMatch(
      new RegExp(
        `^5 of them fetched more than 30 days before ${later}: openstack/governance \\(\\d{4}-\\d{2}-\\d{2}\\), ` +
          'openstack/project-config .*, openstack/releases .*, openstack/nova .*, openstack/sushy .*; ' +
          `their evidence may be out of date \\(run once without ${flag}\\)$`,
      ),
    );
    // The same block on stderr, once.
    const block = warnings.map((w) => `warning: ${w}\n`).join('');
    expect(result.stderr.split(block)).toHaveLength(2);
  }
  expect(server.requests.length).toBe(quiet);
});

test('a local data checkout far older than --as-of is a warning naming its date', async () => {
  const clones = join(work, 'clones');
  const result = await check(
    ['--no-cache', '--governance', join(clones, 'openstack/governance'), '--as-of', '2026-08-01'],
    {},
  );
  const text = `--governance ${join(clones, 'openstack/governance')}: its newest commit is from 2026-05-20, 73 days before 2026-08-01`;
  expect(result.stderr).toContain(`warning: ${text}`);
  // In the report too, as a warning of the run (no rule's finding).
  expect(result.report.warnings).toEqual([expect.stringContaining(text)]);
  const withinMargin = await check(
    ['--no-cache', '--governance', join(clones, 'openstack/governance'), '--as-of', '2026-08-01'],
    { VMT_OVERSIGHT_STALE_AFTER_DAYS: '90' },
  );
  expect(withinMargin.stderr).not.toContain('newest commit');
});
