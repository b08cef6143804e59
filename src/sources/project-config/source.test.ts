import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ProjectConfigSource } from './source';

const FIXTURE = resolve(__dirname, '../../../test/fixtures/data/project-config');
const source = (dir = FIXTURE) => new ProjectConfigSource({ dir, asOf: '2026-01-01' });

function copyOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmt-project-config-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('project-config source', () => {
  it('reads the Gerrit ACL and the central Zuul templates and jobs', async () => {
    const facts = await source().facts('openstack/os-brick');
    expect(facts.gerrit).toEqual({
      acl: '/home/gerrit2/acls/openstack/cinder.config',
      description: 'Volume discovery and local storage management lib',
      retired: false,
      ref: { source: 'project-config', file: 'gerrit/projects.yaml', line: 4 },
    });
    expect(facts.zuul).toEqual({
      templates: ['official-openstack-repo-jobs', 'publish-to-pypi'],
      pipelines: {
        check: [
          { name: 'os-brick-functional', voting: true, branches: null },
          { name: 'os-brick-experimental', voting: false, branches: null },
          { name: 'os-brick-py39', voting: true, branches: ['unmaintained/2024.1'] },
        ],
        gate: [{ name: 'os-brick-functional', voting: true, branches: null }],
      },
      ref: { source: 'project-config', file: 'zuul.d/projects.yaml', line: 8 },
    });
  });

  it('merges repeated stanzas and ignores regex-named ones', async () => {
    const facts = await source().facts('openstack/sushy');
    expect(facts.zuul?.templates).toEqual([
      'official-openstack-repo-jobs',
      'publish-to-pypi',
      'translation-jobs',
    ]);
    expect(facts.zuul?.pipelines).toEqual({
      periodic: [{ name: 'sushy-periodic', voting: true, branches: ['master', '^stable/.*$'] }],
    });
    expect(facts.gerrit?.description).toBe(
      'Sushy is a small Python library to communicate with Redfish based systems',
    );
  });

  it('marks the retired ACL, and answers null where a project is not listed', async () => {
    const retired = await source().facts('openstack/castellan-ui');
    expect(retired.gerrit).toMatchObject({
      retired: true,
      acl: '/home/gerrit2/acls/openstack/retired.config',
    });
    expect(retired.zuul).toBeNull();
    expect(await source().facts('openstack/unknown')).toEqual({ gerrit: null, zuul: null });
  });

  it('says unavailable where neither Zuul layout exists, and for missing files', async () => {
    const old = copyOfFixture();
    rmSync(join(old, 'zuul.d'), { recursive: true });
    await expect(source(old).facts('openstack/sushy')).rejects.toThrow(
      'has neither zuul.d/projects.yaml (Zuul v3, from 2017-09) nor zuul/layout.yaml (Zuul v2)',
    );
    const noProjects = copyOfFixture();
    rmSync(join(noProjects, 'zuul.d/projects.yaml'));
    await expect(source(noProjects).facts('openstack/sushy')).rejects.toThrow(
      'has no zuul.d/projects.yaml',
    );
    const noGerrit = copyOfFixture();
    rmSync(join(noGerrit, 'gerrit'), { recursive: true });
    await expect(source(noGerrit).facts('openstack/sushy')).rejects.toThrow(
      'has no gerrit/projects.yaml',
    );
  });

  it('says unavailable, with the line, for a job entry of an unknown shape', async () => {
    const dir = copyOfFixture();
    writeFileSync(
      join(dir, 'zuul.d/projects.yaml'),
      '- project:\n    name: openstack/x\n    check:\n      jobs:\n        - [a, b]\n',
    );
    await expect(source(dir).facts('openstack/x')).rejects.toThrow(
      'zuul.d/projects.yaml line 5 check job',
    );
    await expect(source(dir).facts('openstack/y')).resolves.toEqual({ gerrit: null, zuul: null });
  });
});
