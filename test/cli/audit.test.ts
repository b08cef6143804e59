import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, evidenceFlags, type World } from '../../examples/build-world';
import type { Report } from '../../src/findings/report';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const LIST = 'repos-overseen.yaml';
const PROJECTS = 'reference/projects.yaml';

/** The repositories the findings are about, sorted. */
function repositoriesOf(report: Report): string[] {
  return [...new Set(report.findings.flatMap((f) => f.repository ?? []))].sort();
}

/** `repository rule` of every error. */
function errorsOf(report: Report): string[] {
  return report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.repository ?? '-'} ${f.rule}`)
    .sort();
}

describe('vmt-oversight audit (on the example world)', () => {
  let root: string;
  let world: World;
  let list: TempRepo;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vmt-oversight-audit-'));
    world = buildWorld(join(EXAMPLES, 'world'), root);
    list = createTempRepo({ prefix: 'vmt-oversight-audit-list-' });
  });
  afterAll(() => {
    list.cleanup();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    copyFileSync(join(EXAMPLES, 'proposals', 'passing.yaml'), join(list.dir, LIST));
    list.commit('The oversight list', '2026-05-01T12:00:00Z');
  });

  const evidence = (without: string[] = []) =>
    Object.entries({ ...evidenceFlags(world), '--as-of': '2026-06-01' }).flatMap(([flag, value]) =>
      without.includes(flag) ? [] : [flag, value],
    );

  const audit = (...args: string[]) =>
    runCli(['audit', '--repo', list.dir, '--format', 'json', ...args]);

  it('judges every repository on the list as it stands: all pass (exit 0)', async () => {
    const result = await audit(...evidence());
    expect(result.stderr).toBe('');
    const report = parseValidReport(result.stdout);
    expect(report.list).toEqual({ path: LIST, format: 'native' });
    expect(report.changes).toEqual({ added: [], removed: [], modified: [] });
    expect(repositoriesOf(report)).toEqual([
      'openstack/example-service',
      'openstack/python-exampleclient',
    ]);
    expect(errorsOf(report)).toEqual([]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'official-project',
        severity: 'info',
        repository: 'openstack/python-exampleclient',
        file: LIST,
        line: 12,
      }),
    );
    expect(report.verdict).toBe('pass');
    expect(result.status).toBe(0);
  });

  it('judges the list in the work tree, uncommitted edits included (exit 1)', async () => {
    copyFileSync(join(EXAMPLES, 'proposals', 'failing.yaml'), join(list.dir, LIST));
    const result = await audit(...evidence());
    const report = parseValidReport(result.stdout);
    expect(repositoriesOf(report)).toEqual(['openstack/example-tool']);
    expect(errorsOf(report)).toEqual(
      expect.arrayContaining([
        'openstack/example-tool embargo',
        'openstack/example-tool versioned-releases',
      ]),
    );
    expect(report.verdict).toBe('fail');
    expect(result.status).toBe(1);
  });

  it('--all-official judges every official repository in governance, not the list', async () => {
    const result = await audit('--all-official', ...evidence());
    expect(result.stderr).toBe('');
    const report = parseValidReport(result.stdout);
    expect(report.list).toEqual({ path: 'reference/projects.yaml', format: 'governance' });
    expect(repositoriesOf(report)).toEqual([
      'openstack/example-service',
      'openstack/example-tool',
      'openstack/python-exampleclient',
    ]);
    // Each finding points at the line of projects.yaml that lists the repository.
    const lines = Object.fromEntries(
      report.findings.map((f) => [f.repository, `${f.file ?? ''}:${f.line ?? ''}`]),
    );
    expect(lines).toEqual({
      'openstack/example-service': 'reference/projects.yaml:16',
      'openstack/python-exampleclient': 'reference/projects.yaml:19',
      'openstack/example-tool': 'reference/projects.yaml:33',
    });
    // Only the beta-only tool of the distributed team without a liaison fails.
    expect(errorsOf(report)).toEqual([
      'openstack/example-tool automated-tests',
      'openstack/example-tool security-liaison',
      'openstack/example-tool versioned-releases',
    ]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'security-contact',
        severity: 'info',
        repository: 'openstack/example-service',
      }),
    );
    expect(report.verdict).toBe('fail');
    expect(result.status).toBe(1);
  });

  it('--all-official reads a governance checkout as of --as-of', async () => {
    const governance = createTempRepo({ prefix: 'vmt-oversight-audit-governance-' });
    try {
      const projects = readFileSync(join(world.governance, PROJECTS), 'utf8');
      // Example Tools (openstack/example-tool) became official after the first commit.
      governance.write(PROJECTS, projects.slice(0, projects.indexOf('Example Tools:')));
      const before = governance.commit('Two teams', '2026-01-10T12:00:00Z');
      governance.write(PROJECTS, projects);
      governance.commit('Add Example Tools', '2026-05-10T12:00:00Z');
      const flags = [...evidence(['--governance', '--as-of']), '--governance', governance.dir];

      const early = parseValidReport(
        (await audit('--all-official', ...flags, '--as-of', '2026-04-01')).stdout,
      );
      expect(early.head).toBe(before);
      expect(repositoriesOf(early)).toEqual([
        'openstack/example-service',
        'openstack/python-exampleclient',
      ]);
      const later = parseValidReport(
        (await audit('--all-official', ...flags, '--as-of', '2026-06-01')).stdout,
      );
      expect(repositoriesOf(later)).toContain('openstack/example-tool');
    } finally {
      governance.cleanup();
    }
  });

  it('--all-official with one unreadable entry audits the others and names that entry as unavailable', async () => {
    const governance = createTempRepo({ prefix: 'vmt-oversight-audit-broken-' });
    try {
      const projects = readFileSync(join(world.governance, PROJECTS), 'utf8');
      // A deliverable whose repos item is a mapping: neither upstream nor this reader reads it.
      const broken =
        'Broken Team:\n  deliverables:\n    bad:\n      repos:\n        - openstack/bad: yes\n';
      governance.write(PROJECTS, `${projects.trimEnd()}\n${broken}`);
      governance.commit('A broken entry', '2026-05-10T12:00:00Z');
      const flags = [...evidence(['--governance']), '--governance', governance.dir];
      const result = await audit('--all-official', ...flags);
      const report = parseValidReport(result.stdout);
      expect(repositoriesOf(report)).toEqual([
        'openstack/example-service',
        'openstack/example-tool',
        'openstack/python-exampleclient',
      ]);
      const unavailable = report.findings.filter(
        (f) => f.rule === 'evidence-unavailable' && f.repository === null,
      );
      const line = projects.trimEnd().split('\n').length + 3;
      expect(unavailable).toEqual([
        expect.objectContaining({
          severity: 'error',
          file: PROJECTS,
          line,
          message: expect.stringContaining(
            `${PROJECTS} entry Broken Team.deliverables.bad (line ${line}) cannot be read`,
          ) as unknown,
        }),
      ]);
      // The example tool still fails on its own findings: fail outranks inconclusive.
      expect(report.verdict).toBe('fail');
      expect(result.status).toBe(1);
    } finally {
      governance.cleanup();
    }
  });

  it('--all-official without --governance is a usage error naming the flag (exit 2)', async () => {
    const result = await audit('--all-official', ...evidence(['--governance']));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--all-official needs --governance');
  });

  it('--all-official without --governance reads governance from the git cache (offline: inconclusive)', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'vmt-oversight-audit-cache-'));
    try {
      const result = await audit(
        '--all-official',
        '--cache-dir',
        cacheDir,
        '--offline',
        ...evidence(['--governance']),
      );
      expect(result.stderr).not.toContain('--all-official needs');
      const report = parseValidReport(result.stdout);
      expect(report.verdict).toBe('inconclusive');
      expect(result.status).toBe(3);
      expect(report.findings.map((f) => f.message).join('\n')).toContain(
        'openstack/governance is not in the cache',
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('--all-official with --list is a usage error (exit 2)', async () => {
    const result = await audit('--all-official', '--list', LIST, ...evidence());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--list and --all-official cannot be used together');
  });

  it('--all-official is inconclusive when governance has no projects.yaml (exit 3)', async () => {
    const empty = mkdtempSync(join(root, 'empty-governance-'));
    const result = await audit(
      '--all-official',
      ...evidence(['--governance']),
      '--governance',
      empty,
    );
    const report = parseValidReport(result.stdout);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'evidence-unavailable',
        severity: 'error',
        repository: null,
        line: null,
        message: expect.stringContaining('has no reference/projects.yaml') as unknown,
      }),
    ]);
    expect(report.verdict).toBe('inconclusive');
    expect(result.status).toBe(3);
  });
});
