import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, evidenceFlags, type World } from '../../examples/build-world';
import { createTempRepo, type TempRepo } from '../helpers/temp-git';
import { runCli } from '../helpers/run-cli';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

describe('an evidence flag pointing at the wrong kind of checkout (exit 2)', () => {
  let root: string;
  let world: World;
  let list: TempRepo;
  const repos: TempRepo[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vmt-oversight-wrong-'));
    world = buildWorld(join(EXAMPLES, 'world'), root);
    list = createTempRepo({ prefix: 'vmt-oversight-wrong-list-' });
    copyFileSync(join(EXAMPLES, 'proposals', 'base.yaml'), join(list.dir, 'repos-overseen.yaml'));
    list.commit('The oversight list', '2026-05-01T12:00:00Z');
    copyFileSync(
      join(EXAMPLES, 'proposals', 'failing.yaml'),
      join(list.dir, 'repos-overseen.yaml'),
    );
    list.commit('Add repositories', '2026-05-02T12:00:00Z');
  });
  afterAll(() => {
    for (const repo of [list, ...repos]) repo.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  /** A git repository holding `files`, committed on `date`; bare when asked. */
  function gitCheckout(files: Record<string, string>, date: string, bare = false): string {
    const repo = createTempRepo();
    repos.push(repo);
    for (const [path, content] of Object.entries(files)) repo.write(path, content);
    repo.commit('Data', date);
    if (!bare) return repo.dir;
    const dest = join(root, `bare-${repos.length}.git`);
    repo.git('clone', '--quiet', '--bare', repo.dir, dest);
    return dest;
  }

  const flags = (overrides: Record<string, string> = {}) =>
    Object.entries({ ...evidenceFlags(world), '--as-of': '2026-06-01', ...overrides }).flat();

  it('check: releases given as --governance names both kinds', async () => {
    const result = await runCli([
      'check',
      '--repo',
      list.dir,
      '--base',
      'HEAD~1',
      '--head',
      'HEAD',
      ...flags({ '--governance': world.releases }),
    ]);
    expect(result.stderr).toBe(
      `vmt-oversight: --governance ${world.releases} points at a checkout of openstack/releases ` +
        '(it has deliverables/ and data/series_status.yaml); expected openstack/governance with ' +
        'reference/projects.yaml\n',
    );
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('audit: project-config given as --releases', async () => {
    const result = await runCli([
      'audit',
      '--repo',
      list.dir,
      ...flags({ '--releases': world.projectConfig }),
    ]);
    expect(result.stderr).toContain(
      `--releases ${world.projectConfig} points at a checkout of openstack/project-config`,
    );
    expect(result.stderr).toContain('expected openstack/releases with deliverables/');
    expect(result.status).toBe(2);
  });

  it("propose: a candidate's own git repository given as --project-config", async () => {
    const candidate = join(world.reposRoot, 'openstack', 'example-service');
    const result = await runCli([
      'propose',
      'openstack/example-service',
      ...flags({ '--project-config': candidate }),
    ]);
    expect(result.stderr).toContain(
      `--project-config ${candidate} points at a project's own repository (it has tox.ini), ` +
        'not a data checkout; expected openstack/project-config with gerrit/projects.yaml',
    );
    expect(result.status).toBe(2);
  });

  it('reads a bare repository in its HEAD tree: governance given as --releases', async () => {
    const bare = gitCheckout(
      { 'reference/projects.yaml': 'ironic: {}\n' },
      '2024-01-01T00:00:00Z',
      true,
    );
    const result = await runCli([
      'propose',
      'openstack/example-service',
      ...flags({ '--releases': bare }),
    ]);
    expect(result.stderr).toContain(
      `--releases ${bare} points at a checkout of openstack/governance (it has reference/projects.yaml)`,
    );
    expect(result.status).toBe(2);
  });

  it('accepts old layouts judged years back: project-config before Zuul v3', async () => {
    const old = gitCheckout(
      {
        'gerrit/projects.yaml': '- project: openstack/example-service\n',
        'zuul/layout.yaml': 'projects: []\n',
        'tox.ini': '[tox]\n',
      },
      '2016-05-01T00:00:00Z',
    );
    const result = await runCli([
      'propose',
      'openstack/example-service',
      ...flags({ '--project-config': old, '--as-of': '2016-06-01' }),
    ]);
    expect(result.stderr).not.toContain('points at');
    expect(result.status).not.toBe(2);
  });
});
