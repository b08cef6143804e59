import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { parseValidReport } from '../helpers/report-schema';
import { runCli } from '../helpers/run-cli';

const RST = 'doc/source/repos-overseen.rst';
const NATIVE = 'repos-overseen.yaml';

function page(...names: string[]): string {
  const bullets = names.map((name) => `* \`${name} <https://opendev.org/${name}>\`_\n`).join('');
  return `=======================\n Repositories Overseen\n=======================\n\n${bullets}`;
}

let repo: TempRepo;
beforeEach(() => {
  repo = createTempRepo({ prefix: 'vmt-cli-list-choice-' });
});
afterEach(() => repo.cleanup());

async function check(...extra: string[]) {
  const result = await runCli(['check', '--repo', repo.dir, '--format', 'json', ...extra]);
  expect(result.stderr).toBe('');
  return { status: result.status, report: parseValidReport(result.stdout) };
}

describe('check without --list: a second list file never hides the real one', () => {
  beforeEach(() => {
    repo.write(RST, page('openstack/cinder', 'openstack/nova'));
    repo.commit('Publish the page', '2026-01-01T00:00:00Z');
  });

  it('judges the page at base and blocks the list file the change adds (exit 1)', async () => {
    repo.write(RST, page('openstack/cinder'));
    repo.write(NATIVE, 'repositories: []\n');
    repo.commit('Remove nova and add an empty native list', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.list).toEqual({ path: RST, format: 'rst' });
    expect(report.changes.removed).toEqual(['openstack/nova']);
    const second = report.findings.filter((f) => f.rule === 'list-consistency');
    expect(second).toEqual([
      expect.objectContaining({
        severity: 'error',
        repository: null,
        file: RST,
        evidence: expect.objectContaining({
          problem: `second-list:${NATIVE}`,
          introducedByChange: true,
        }) as unknown,
      }),
    ]);
    expect(second[0]?.message).toContain('two oversight lists');
    expect(second[0]?.message).toContain(`'${NATIVE}'`);
    // The removal is judged too (no releases data here: unavailable, never a pass).
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'evidence-unavailable', repository: 'openstack/nova' }),
    );
    expect(report.verdict).toBe('fail');
    expect(status).toBe(1);
  });

  it('with --list naming the page, finds the same removal and no second list (exit 3)', async () => {
    repo.write(RST, page('openstack/cinder'));
    repo.write(NATIVE, 'repositories: []\n');
    repo.commit('Remove nova and add an empty native list', '2026-01-02T00:00:00Z');

    const { status, report } = await check('--list', RST);

    expect(report.changes.removed).toEqual(['openstack/nova']);
    expect(report.findings.filter((f) => f.rule === 'list-consistency')).toEqual([]);
    expect(report.verdict).toBe('inconclusive');
    expect(status).toBe(3);
  });

  it('judges a deleted list as every entry removed, never a pass (exit 3)', async () => {
    repo.git('rm', '--quiet', RST);
    repo.write('README', 'the list is gone');
    repo.commit('Delete the page', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.list).toEqual({ path: RST, format: 'rst' });
    expect(report.changes).toEqual({
      added: [],
      removed: ['openstack/cinder', 'openstack/nova'],
      modified: [],
    });
    expect(report.verdict).toBe('inconclusive');
    expect(status).toBe(3);
  });

  it('blocks a list file that replaces the deleted one (exit 1)', async () => {
    repo.git('rm', '--quiet', RST);
    repo.write(NATIVE, 'repositories: []\n');
    repo.commit('Replace the page by an empty list', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.changes.removed).toEqual(['openstack/cinder', 'openstack/nova']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'list-consistency',
        severity: 'error',
        message: expect.stringContaining(`deletes the oversight list '${RST}'`) as unknown,
      }),
    );
    expect(status).toBe(1);
  });
});

describe('check with a base list that could not be read', () => {
  it('is inconclusive (exit 3) when what the change removes cannot be known', async () => {
    repo.write(NATIVE, 'repositories:\n  - name: openstack/nova\nrepositories: []\n');
    repo.commit('Duplicate top-level key', '2026-01-01T00:00:00Z');
    repo.write(NATIVE, 'repositories: []\n');
    repo.commit('Empty the list', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.changes).toEqual({ added: [], removed: [], modified: [] });
    const unavailable = report.findings.filter((f) => f.rule === 'evidence-unavailable');
    expect(unavailable).toEqual([
      expect.objectContaining({
        severity: 'error',
        repository: null,
        file: NATIVE,
        line: null,
        evidence: expect.objectContaining({
          rule: 'removal',
          source: 'list',
          file: NATIVE,
          problems: ['yaml:duplicate-key:/repositories'],
        }) as unknown,
      }),
    ]);
    expect(unavailable[0]?.message).toContain('the list at base');
    expect(unavailable[0]?.message).toContain('could not be read');
    expect(report.verdict).toBe('inconclusive');
    expect(report.vote).toBe(0);
    expect(status).toBe(3);
  });

  it('blocks (exit 1) a change that edits a list with a syntax error and leaves one', async () => {
    repo.write(NATIVE, 'repositories:\n  - name: openstack/nova\n  - name: [openstack/cinder\n');
    repo.commit('Syntax error', '2026-01-01T00:00:00Z');
    repo.write(NATIVE, 'repositories:\n  - name: openstack/swift\n  - name: [openstack/aodh\n');
    repo.commit('Other entries, same kind of error', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    const schema = report.findings.filter((f) => f.rule === 'list-schema');
    expect(schema.length).toBeGreaterThan(0);
    expect(schema.every((f) => f.severity === 'error')).toBe(true);
    expect(report.findings.filter((f) => f.rule === 'evidence-unavailable')).toEqual([]);
    expect(report.verdict).toBe('fail');
    expect(status).toBe(1);
  });

  it('blocks (exit 1) a change from invalid UTF-8 to other invalid bytes', async () => {
    repo.write(NATIVE, Buffer.from('repositories:\n  - name: openstack/n\xffova\n', 'latin1'));
    repo.commit('Invalid UTF-8', '2026-01-01T00:00:00Z');
    repo.write(NATIVE, Buffer.from('repositories:\n  - name: openstack/sw\xfeift\n', 'latin1'));
    repo.commit('Other invalid bytes', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'list-schema',
        severity: 'error',
        message: expect.stringContaining('leaves it unreadable') as unknown,
        evidence: expect.objectContaining({
          problem: 'invalid-utf8',
          introducedByChange: true,
        }) as unknown,
      }),
    ]);
    expect(status).toBe(1);
  });

  it('lets an unrelated change through an unreadable list it does not touch (exit 0)', async () => {
    repo.write(NATIVE, 'repositories: [\n');
    repo.commit('Syntax error', '2026-01-01T00:00:00Z');
    repo.write('README', 'unrelated');
    repo.commit('Unrelated change', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.rule === 'list-schema' && f.severity === 'warning')).toBe(
      true,
    );
    expect(status).toBe(0);
  });

  it('still reports an old duplicate as a warning when the change edits the list (exit 0)', async () => {
    const list = 'repositories:\n  - name: openstack/alpha\n  - name: openstack/alpha\n';
    repo.write(NATIVE, list);
    repo.commit('Duplicate entry', '2026-01-01T00:00:00Z');
    repo.write(NATIVE, `# The VMT's list.\n${list}`);
    repo.commit('Add a comment', '2026-01-02T00:00:00Z');

    const { status, report } = await check();

    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'list-consistency',
        severity: 'warning',
        repository: 'openstack/alpha',
      }),
    ]);
    expect(status).toBe(0);
  });
});
