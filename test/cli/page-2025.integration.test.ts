import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, type World } from '../../examples/build-world';
import type { Report } from '../../src/findings/report';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

// Issue 8 item 8: the VMT page since 2025 lists nothing and means every official repository.
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const PAGE = 'doc/source/repos-overseen.rst';
const PAGE_2025 = join(__dirname, '..', 'fixtures', 'lists', 'repos-overseen-2025.rst');
const BULLETS = ['openstack/example-service', 'openstack/python-exampleclient']
  .map((name) => `* \`${name} <https://opendev.org/${name}>\`_`)
  .join('\n');
const OLD_PAGE = `Repositories Overseen\n=====================\n\nThe following repositories:\n\n${BULLETS}\n`;

const rulesOf = (report: Report) =>
  report.findings.map((f) => `${f.repository ?? '-'} ${f.rule} ${f.severity}`).sort();

describe('the 2025 page (every official repository, no bullets)', () => {
  let root: string;
  let world: World;
  let list: TempRepo;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vmt-oversight-2025-'));
    world = buildWorld(join(EXAMPLES, 'world'), root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    list = createTempRepo({ prefix: 'vmt-oversight-2025-list-' });
    mkdirSync(join(list.dir, 'doc', 'source'), { recursive: true });
    list.write(PAGE, OLD_PAGE);
    list.commit('The page with bullets', '2026-01-01T12:00:00Z');
  });
  afterEach(() => list.cleanup());

  const evidence = () => [
    ...['--governance', world.governance, '--releases', world.releases],
    ...['--project-config', world.projectConfig, '--repos-root', world.reposRoot],
    ...['--as-of', '2026-06-01'],
  ];

  /** `check` of the list repository's last commit, as JSON. */
  const checkLastCommit = () =>
    runCli([
      ...['check', '--repo', list.dir, '--base', 'HEAD~1', '--head', 'HEAD'],
      ...['--format', 'json', ...evidence()],
    ]);

  it('check: the change to the 2025 wording says oversight widened; what it listed stays overseen', async () => {
    copyFileSync(PAGE_2025, join(list.dir, PAGE));
    list.commit('Enact TC resolution to oversee all repos', '2026-05-06T00:00:00Z');
    const result = await checkLastCommit();
    const report = parseValidReport(result.stdout);
    // The page names them no longer; the removal rule finds each still official, so overseen.
    const listed = ['openstack/example-service', 'openstack/python-exampleclient'];
    expect(report.changes).toEqual({ added: [], removed: listed, modified: [] });
    expect(rulesOf(report)).toEqual([
      '- list-consistency warning',
      'openstack/example-service removal info',
      'openstack/python-exampleclient removal info',
    ]);
    expect(report.findings.filter((f) => f.rule === 'removal').map((f) => f.message)).toEqual(
      listed.map(
        (name) =>
          expect.stringContaining(
            `Not removed: the list now means every repository of every official team (TC resolution 20250317), and governance lists ${name}`,
          ) as unknown as string,
      ),
    );
    const [widened] = report.findings;
    expect(widened).toMatchObject({ file: PAGE, line: 11 });
    expect(widened?.message).toContain('Oversight widened');
    expect(widened?.message).toContain('TC resolution 20250317');
    expect(widened?.message).toContain('audit --all-official');
    expect(report.verdict).toBe('pass');
    expect(result.status).toBe(0);
  });

  it('check: going back to bullets narrows oversight, which blocks', async () => {
    copyFileSync(PAGE_2025, join(list.dir, PAGE));
    list.commit('Every repository', '2026-05-06T00:00:00Z');
    list.write(PAGE, OLD_PAGE);
    list.commit('Back to bullets', '2026-05-07T00:00:00Z');
    const result = await checkLastCommit();
    const report = parseValidReport(result.stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'list-consistency', severity: 'error', line: 11 }),
    );
    expect(result.status).toBe(1);
  });

  it('audit: judges every official repository in governance, with a note on the sentence', async () => {
    copyFileSync(PAGE_2025, join(list.dir, PAGE));
    const result = await runCli(['audit', '--repo', list.dir, '--format', 'json', ...evidence()]);
    const report = parseValidReport(result.stdout);
    expect(report.list).toEqual({ path: 'reference/projects.yaml', format: 'governance' });
    expect([...new Set(report.findings.flatMap((f) => f.repository ?? []))].sort()).toEqual([
      'openstack/example-service',
      'openstack/example-tool',
      'openstack/python-exampleclient',
    ]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'list-consistency', severity: 'info', file: PAGE, line: 11 }),
    );
    // As with --all-official: the beta-only tool of the example world fails.
    expect(report.verdict).toBe('fail');
    expect(result.status).toBe(1);
  });

  it('audit without governance: inconclusive (exit 3), never a pass', async () => {
    copyFileSync(PAGE_2025, join(list.dir, PAGE));
    const result = await runCli([
      'audit',
      '--repo',
      list.dir,
      '--format',
      'json',
      '--as-of',
      '2026-06-01',
    ]);
    const report = parseValidReport(result.stdout);
    expect(report.verdict).toBe('inconclusive');
    expect(result.status).toBe(3);
  });
});
