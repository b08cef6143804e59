import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, type World } from '../../examples/build-world';
import { runCli } from '../helpers/run-cli';
import { parseValidReport } from '../helpers/report-schema';

describe('vmt-oversight propose (on the example world)', () => {
  let root: string;
  let world: World;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vmt-oversight-propose-'));
    world = buildWorld(join(__dirname, '..', '..', 'examples', 'world'), root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

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

  it('drafts the entry from the sources and lists what is still missing', async () => {
    const result = await runCli(['propose', 'openstack/example-service', ...evidence()]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  - name: openstack/example-service\n');
    expect(result.stdout).toContain('team: Example Compute');
    expect(result.stdout).toContain('launchpad: example-service');
    expect(result.stdout).toContain('email: sam@example.org');
    expect(result.stdout).toMatch(/\[x\] clause 3 +versioned-releases/);
    // No group in the draft, but governance names a security liaison: a warning, to check.
    expect(result.stdout).toMatch(/\[\?\] clause 5 +security-contact/);
    expect(result.stdout).toContain('declare tracker.security-group');
    expect(result.stdout).not.toContain('removal');
    expect(result.status).toBe(0);
  });

  it("marks the embargo it wrote itself 'to confirm', never met", async () => {
    const result = await runCli(['propose', 'openstack/example-service', ...evidence()]);
    expect(result.stdout).toContain('    embargo-days: 90\n');
    expect(result.stdout).toMatch(/\[~\] clause 1 +embargo/);
    expect(result.stdout).not.toMatch(/\[x\] clause 1 /);
    expect(result.stdout).toContain("embargo-days 90 is the draft's own value");
    expect(result.stdout).toContain('[~] to confirm: a value the draft wrote itself');
  });

  /** A list repository (a plain directory: propose reads the work tree) holding `files`. */
  function listRepo(files: Record<string, string>): string {
    const dir = mkdtempSync(join(root, 'list-'));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return dir;
  }

  it('drafts an rst bullet in a repository whose list is rst, with no drafted embargo', async () => {
    const repo = listRepo({
      'doc/source/repos-overseen.rst':
        'Repositories\n============\n\n* `openstack/nova <https://opendev.org/openstack/nova>`_\n',
    });
    const result = await runCli([
      'propose',
      'openstack/example-service',
      '--repo',
      repo,
      ...evidence(),
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('(reStructuredText format)');
    expect(result.stdout).toContain(
      '* `openstack/example-service <https://opendev.org/openstack/example-service>`_\n',
    );
    expect(result.stdout).not.toContain('embargo-days');
    expect(result.stdout).not.toMatch(/\[~\] clause/);
    expect(result.stdout).toMatch(/\[x\] clause 3 +versioned-releases/);
    expect(result.status).toBe(0);
  });

  it('follows --list: an rst file named on the command line', async () => {
    const repo = listRepo({
      'pages/overseen.txt': '* `openstack/nova <https://opendev.org/openstack/nova>`_\n',
    });
    const result = await runCli([
      'propose',
      'openstack/example-tool',
      '--repo',
      repo,
      '--list',
      'pages/overseen.txt',
      '--json',
      ...evidence(),
    ]);
    const out = JSON.parse(result.stdout) as { format: string; entry: string };
    expect(out.format).toBe('rst');
    expect(out.entry).toBe(
      '* `openstack/example-tool <https://opendev.org/openstack/example-tool>`_\n',
    );
  });

  it('refuses a --list that does not exist (exit 2)', async () => {
    const result = await runCli([
      'propose',
      'openstack/example-tool',
      '--repo',
      listRepo({}),
      '--list',
      'nope.rst',
      ...evidence(),
    ]);
    expect(result.stderr).toContain("the list 'nope.rst' does not exist");
    expect(result.status).toBe(2);
  });

  it('gives a governance tag hint for the governance format', async () => {
    const repo = listRepo({
      'reference/projects.yaml':
        'Example:\n  deliverables:\n    x:\n      repos:\n        - openstack/x\n',
    });
    const result = await runCli([
      'propose',
      'openstack/python-exampleclient',
      '--repo',
      repo,
      ...evidence(),
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('(governance tag format): in reference/projects.yaml, add');
    expect(result.stdout).toMatch(
      /add vulnerability:managed to the tags of deliverable python-exampleclient of team /,
    );
    expect(result.stdout).toContain('      tags:\n        - vulnerability:managed\n');
    expect(result.stdout).not.toContain('embargo-days');
    expect(result.stdout).toMatch(/\[x\] clause 2 +official-project/);
  });

  it('says a repository no source knows exists nowhere, and drafts nothing (exit 1)', async () => {
    const result = await runCli(['propose', 'openstack/no-such-thing', ...evidence()]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('vmt-oversight: openstack/no-such-thing exists nowhere:');
    expect(result.stderr).toContain('no team in governance reference/projects.yaml lists it');
    expect(result.stderr).toContain('no deliverable file in the releases data names it');
    expect(result.stderr).toContain('openstack/no-such-thing is not under');
    expect(result.status).toBe(1);
  });

  it('says so in JSON too (exit 1)', async () => {
    const result = await runCli(['propose', 'openstack/no-such-thing', '--json', ...evidence()]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      repository: 'openstack/no-such-thing',
      found: false,
    });
    expect(result.status).toBe(1);
  });

  it('does not call a repository absent when a source could not look (exit 3, a checklist)', async () => {
    const withoutRepos = evidence().filter(
      (_, i, all) => all[i] !== '--repos-root' && all[i - 1] !== '--repos-root',
    );
    const result = await runCli([
      'propose',
      'openstack/no-such-thing',
      '--no-cache',
      ...withoutRepos,
    ]);
    expect(result.stderr).not.toContain('exists nowhere');
    expect(result.stdout).toContain('# Checklist');
    expect(result.status).not.toBe(0);
  });

  it('gives the draft, the checklist and a schema-valid report as JSON', async () => {
    const result = await runCli(['propose', 'openstack/example-tool', '--json', ...evidence()]);
    const out = JSON.parse(result.stdout) as { entry: string; report: unknown };
    const report = parseValidReport(JSON.stringify(out.report));
    expect(report.changes.added).toEqual(['openstack/example-tool']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'versioned-releases', severity: 'error' }),
    );
  });

  it.each(['ext::sh -c touch% pwned', '../../etc', 'https://opendev.org/openstack/nova'])(
    'refuses %j, which is not namespace/name (exit 2)',
    async (name) => {
      const result = await runCli(['propose', name, ...evidence()]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('is not a repository name of the form namespace/name');
    },
  );
});
