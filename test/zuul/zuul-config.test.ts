/** The Zuul configuration in zuul.d/: jobs that point at real playbooks, a project stanza. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from './workspace';

interface Job {
  name: string;
  'pre-run'?: string | string[];
  run?: string | string[];
  'required-projects'?: (string | { name: string })[];
  files?: string[];
  nodeset?: unknown;
}

interface Stanza {
  job?: Job;
  project?: Record<string, { jobs: (string | Record<string, unknown>)[] }>;
}

const stanzas: Stanza[] = readdirSync(join(PROJECT_ROOT, 'zuul.d'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parse(readFileSync(join(PROJECT_ROOT, 'zuul.d', file), 'utf8')) as Stanza[]);
const jobs = stanzas.flatMap((s) => (s.job ? [s.job] : []));
const job = (name: string): Job | undefined => jobs.find((j) => j.name === name);

describe('zuul.d', () => {
  it('defines jobs whose playbooks exist', () => {
    for (const { name, 'pre-run': pre, run } of jobs) {
      for (const playbook of [pre ?? [], run ?? []].flat()) {
        expect({ name, playbook, exists: existsSync(join(PROJECT_ROOT, playbook)) }).toEqual({
          name,
          playbook,
          exists: true,
        });
      }
    }
  });

  it('gives vmt-oversight-check the data repositories and a files filter on the list', () => {
    const check = job('vmt-oversight-check');
    expect(check?.['required-projects']).toEqual([
      'openstack/governance',
      'openstack/releases',
      'openstack/project-config',
      'openstack/vmt-oversight',
    ]);
    const files = (check?.files ?? []).map((f) => new RegExp(f));
    for (const path of [
      'repos-overseen.yaml',
      'doc/source/repos-overseen.rst',
      'reference/projects.yaml',
      '.vmt-oversight.yaml',
    ]) {
      expect({ path, matched: files.some((f) => f.test(path)) }).toEqual({ path, matched: true });
    }
    expect(files.some((f) => f.test('README.rst'))).toBe(false);
  });

  it("runs the project's own tests in check and gate", () => {
    const project = stanzas.find((s) => s.project)?.project ?? {};
    for (const pipeline of ['check', 'gate']) {
      const names = (project[pipeline]?.jobs ?? []).map((j) =>
        typeof j === 'string' ? j : Object.keys(j)[0],
      );
      expect(names).toContain('vmt-oversight-test');
      for (const name of names) expect(job(name ?? '')).toBeDefined();
    }
  });
});
