import { mkdtempSync, rmSync } from 'node:fs';
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
