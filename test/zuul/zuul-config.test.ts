/**
 * The Zuul configuration in zuul.d/: jobs that point at real playbooks, a project stanza, and a
 * vmt-oversight-check that the change it judges cannot relax.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { LIST_CANDIDATES } from '../../src/diff/git';
import { PROJECT_ROOT } from './workspace';

interface Job {
  name: string;
  final?: boolean;
  'attribute-control'?: Record<string, { final?: boolean }>;
  vars?: Record<string, unknown>;
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

  it('gives vmt-oversight-check the data repositories and the tool as required projects', () => {
    expect(job('vmt-oversight-check')?.['required-projects']).toEqual([
      'openstack/governance',
      'openstack/releases',
      'openstack/project-config',
      'openstack/vmt-oversight',
    ]);
  });

  it('runs vmt-oversight-check on a change to anything its judgment reads', () => {
    // Zuul matches each regex at the start of the path (re2 `match`).
    const files = (job('vmt-oversight-check')?.files ?? []).map((f) => new RegExp(`^(?:${f})`));
    const matched = (path: string) => ({ path, matched: files.some((f) => f.test(path)) });
    const read = [
      ...LIST_CANDIDATES,
      'repos-overseen.yml',
      // Pages the rst list may include, wherever they are.
      'doc/source/repos-overseen.rst',
      'doc/source/includes/more.rst',
      'README.rst',
      '.vmt-oversight.yaml',
      // Zuul's configuration: a change to it is refused.
      '.zuul.yaml',
      'zuul.yaml',
      'zuul.d/jobs.yaml',
      '.zuul.d/jobs.yaml',
      'zuul.d',
    ];
    for (const path of read) expect(matched(path)).toEqual({ path, matched: true });
    for (const path of ['setup.cfg', 'ossa/OSSA-2026-001.yaml', 'zuul.yaml.orig']) {
      expect(matched(path)).toEqual({ path, matched: false });
    }
  });

  it('makes vmt-oversight-check final, with nothing a variant could still skip it by', () => {
    const check = job('vmt-oversight-check');
    expect(check?.final).toBe(true);
    // `final` covers the execution attributes; these context attributes need their own.
    for (const attribute of ['files', 'irrelevant-files', 'dependencies', 'requires']) {
      expect({ attribute, control: check?.['attribute-control']?.[attribute] }).toEqual({
        attribute,
        control: { final: true },
      });
    }
  });

  it('gives vmt-oversight-check no variable that steers the check, and its playbooks read none', () => {
    expect(Object.keys(job('vmt-oversight-check')?.vars ?? {})).toEqual(['node_version']);
    // `vmt_oversight_report` is the artifact's metadata type, a value, not a variable.
    const dir = join(PROJECT_ROOT, 'playbooks', 'vmt-oversight-check');
    for (const file of yamlFiles(dir)) {
      const names = readFileSync(file, 'utf8').match(/\bvmt_oversight_\w+/g) ?? [];
      const variables = names.filter((name) => name !== 'vmt_oversight_report');
      expect({ file: relative(PROJECT_ROOT, file), variables }).toEqual({
        file: relative(PROJECT_ROOT, file),
        variables: [],
      });
    }
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

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}
