// Every *.test.ts file of the repository is in exactly one jest project, and `npm run test:<p>`
// runs project <p>. Membership is computed by jest's own rule for testRegex projects: under one
// of the roots, matched by a testRegex, and not by the testPathIgnorePatterns joined with '|'.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

const root = join(__dirname, '..', '..');
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'coverage']);
const PROJECT_NAMES = ['unit', 'integration', 'real-data'];

interface Project {
  displayName: string;
  roots: string[];
  testRegex: string[];
  testPathIgnorePatterns: string[];
  testMatch?: unknown;
}

function loadProjects(): Project[] {
  const config: unknown = createRequire(__filename)(join(root, 'jest.config.js'));
  const projects = (config as { projects?: unknown }).projects;
  if (!Array.isArray(projects)) throw new Error('jest.config.js has no projects array');
  return projects as Project[];
}

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function contains(project: Project, path: string): boolean {
  const roots = project.roots.map((r) => r.replace('<rootDir>', root) + sep);
  const ignored = new RegExp(project.testPathIgnorePatterns.join('|'));
  return (
    roots.some((r) => path.startsWith(r)) &&
    project.testRegex.some((pattern) => new RegExp(pattern).test(path)) &&
    !ignored.test(path)
  );
}

const projects = loadProjects();
const files = testFiles(root);
const projectsOf = (path: string) =>
  projects.filter((p) => contains(p, path)).map((p) => p.displayName);

describe('the jest projects', () => {
  it('are unit, integration and real-data, chosen by regular expressions only', () => {
    expect(projects.map((p) => p.displayName)).toEqual(PROJECT_NAMES);
    for (const project of projects) {
      // testMatch globs would need jest's glob library to check; the config uses none.
      expect(project.testMatch).toBeUndefined();
      expect(project.testRegex.length).toBeGreaterThan(0);
      expect([...project.testRegex, ...project.testPathIgnorePatterns].join()).not.toContain(
        '<rootDir>',
      );
    }
  });

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((path) => [relative(root, path), path]))(
    '%s is in exactly one project',
    (_name, path) => {
      expect(projectsOf(path)).toHaveLength(1);
    },
  );

  it('keeps the known kinds where they belong', () => {
    const where = (path: string) => projectsOf(join(root, path));
    expect(where('test/meta/projects.test.ts')).toEqual(['unit']);
    expect(where('test/meta/unit-guard.test.ts')).toEqual(['unit']);
    expect(where('src/list/rst.test.ts')).toEqual(['unit']);
    expect(where('src/diff/git.test.ts')).toEqual(['integration']);
    expect(where('test/zuul/playbook.test.ts')).toEqual(['integration']);
    expect(where('test/html/browser.test.ts')).toEqual(['integration']);
    expect(where('test/hostile/a-new.test.ts')).toEqual(['integration']);
    expect(where('src/report/a-new.integration.test.ts')).toEqual(['integration']);
    expect(where('test/real-data/check.test.ts')).toEqual(['real-data']);
    expect(where('examples/stray.test.ts')).toEqual([]);
  });

  it('each has its npm script, and `npm test` runs them all', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.test).toBe('jest');
    for (const name of PROJECT_NAMES) {
      expect(manifest.scripts[`test:${name}`]).toBe(`jest --selectProjects ${name}`);
    }
  });
});
