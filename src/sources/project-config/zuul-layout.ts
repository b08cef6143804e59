/**
 * project-config's Zuul v2 layout (`zuul/layout.yaml`, until Zuul v3 in 2017-09):
 * `projects: [{name, template: [{name}], check: [job…], gate: [job…]}]`, the layout's own
 * `project-templates: [{name, check, gate, …}]`, and `jobs: [{name, voting, branch}]` that set
 * attributes of jobs by exact name or by `^regex`. In that era Zuul read no in-repo file.
 */
import type { Node } from 'yaml';
import type { ZuulJobRef, ZuulProjectStanza, ZuulV2Layout } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { bool, entries, get, items, kindOf, text, texts } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';

export const ZUUL_LAYOUT_FILE = 'zuul/layout.yaml';
/** The real layout peaked near 610 kB (2017-06); anything far larger is not that file. */
export const ZUUL_LAYOUT_MAX_BYTES = 8 * 1024 * 1024;
/** Job trees (`- job: [child, …]`) nest two or three deep in real layouts. */
const MAX_TREE_DEPTH = 16;
// A project's keys that are not pipelines.
const PROJECT_ATTRIBUTES = new Set(['name', 'template', 'merge-mode']);

/** One `jobs:` entry: what it sets on the jobs its name matches. */
interface JobSetting {
  /** Named exactly, not by a `^regex`. */
  exact: boolean;
  matches: (job: string) => boolean;
  voting: boolean | undefined;
  branches: string[] | undefined;
}

export interface ZuulLayout {
  doc: YamlDocument;
  projects: Map<string, Node | null>;
  settings: JobSetting[];
  layout: ZuulV2Layout;
}

/** Reads the layout's shape once; refuses a layout that is not the v2 mapping. */
export function indexZuulLayout(doc: YamlDocument, data: DataDir): ZuulLayout {
  if (kindOf(doc, doc.root) !== 'mapping' || get(doc, doc.root, 'projects', 'layout') === null) {
    throw new YamlShapeError(
      doc.file,
      1,
      'is not a Zuul v2 layout (a mapping with projects:), a layout this reader does not know',
    );
  }
  const projects = new Map<string, Node | null>();
  for (const node of items(doc, get(doc, doc.root, 'projects', 'layout'), 'projects')) {
    const name = text(doc, get(doc, node, 'name', 'project'), 'project name');
    if (name !== null) projects.set(name, node);
  }
  const templatePipelines = new Map<string, string[]>();
  const templates = items(doc, get(doc, doc.root, 'project-templates', 'layout'), 'templates');
  for (const node of templates) {
    const name = text(doc, get(doc, node, 'name', 'project-template'), 'project-template name');
    if (name === null) continue;
    const pipelines = entries(doc, node, name).filter(
      ({ key, value }) => key !== 'name' && items(doc, value, `${name} ${key}`).length > 0,
    );
    templatePipelines.set(
      name,
      pipelines.map(({ key }) => key),
    );
  }
  const settings = items(doc, get(doc, doc.root, 'jobs', 'layout'), 'jobs').map((node) =>
    readSetting(doc, node),
  );
  const layout = {
    ref: data.ref(ZUUL_LAYOUT_FILE),
    // fromEntries defines own properties, so a template named __proto__ stays harmless.
    templatePipelines: Object.fromEntries(templatePipelines),
  };
  return { doc, projects, settings, layout };
}

function readSetting(doc: YamlDocument, node: Node | null): JobSetting {
  const name = text(doc, get(doc, node, 'name', 'job'), 'job name') ?? '';
  const voting = get(doc, node, 'voting', name);
  const branch = get(doc, node, 'branch', name);
  return {
    exact: !name.startsWith('^'),
    matches: nameMatcher(name),
    voting: kindOf(doc, voting) === 'null' ? undefined : bool(doc, voting, `${name} voting`, true),
    branches: kindOf(doc, branch) === 'null' ? undefined : texts(doc, branch, `${name} branch`),
  };
}

/** Zuul v2: a name starting with `^` is a regex matched at the start, any other is exact. */
function nameMatcher(name: string): (job: string) => boolean {
  if (!name.startsWith('^')) return (job) => job === name;
  try {
    const pattern = new RegExp(name);
    return (job) => pattern.test(job);
  } catch {
    // A Python regex JavaScript cannot read: it matches nothing we can name, so it sets nothing.
    return () => false;
  }
}

/** A project's stanza: its templates and the jobs of each pipeline with their attributes. */
export function readLayoutProject(
  layout: ZuulLayout,
  node: Node | null,
  data: DataDir,
): ZuulProjectStanza {
  const { doc } = layout;
  const templates = items(doc, get(doc, node, 'template', 'project'), 'template').map(
    (item) => text(doc, get(doc, item, 'name', 'template'), 'template name') ?? '',
  );
  const pipelines = new Map<string, ZuulJobRef[]>();
  for (const { key, value } of entries(doc, node, 'project')) {
    if (PROJECT_ATTRIBUTES.has(key)) continue;
    const names = jobNames(doc, value, key, 0);
    pipelines.set(
      key,
      names.map((name) => jobRef(layout, name)),
    );
  }
  return {
    templates,
    pipelines: Object.fromEntries(pipelines),
    ref: data.ref(ZUUL_LAYOUT_FILE, doc.line(node)),
  };
}

/** The jobs of a pipeline: names, and job trees `{job: [jobs run after it]}`. */
function jobNames(doc: YamlDocument, node: Node | null, what: string, depth: number): string[] {
  if (depth > MAX_TREE_DEPTH) {
    throw new YamlShapeError(doc.file, doc.line(node), `${what}: job tree nests too deep`);
  }
  return items(doc, node, `${what} jobs`).flatMap((item): string[] => {
    if (kindOf(doc, item) === 'scalar') return [text(doc, item, `${what} job`) ?? ''];
    if (kindOf(doc, item) !== 'mapping') {
      throw new YamlShapeError(doc.file, doc.line(item), `${what} job: expected a job name`);
    }
    return entries(doc, item, `${what} job`).flatMap(({ key, value }) => [
      key,
      ...jobNames(doc, value, `${what} ${key}`, depth + 1),
    ]);
  });
}

/** Zuul v2 applies every matching `^regex` entry in order, then the exact-name ones. */
function jobRef(layout: ZuulLayout, name: string): ZuulJobRef {
  const job: ZuulJobRef = { name, voting: true, branches: null };
  const matching = layout.settings.filter((setting) => setting.matches(name));
  const ordered = [...matching.filter((s) => !s.exact), ...matching.filter((s) => s.exact)];
  for (const setting of ordered) {
    if (setting.voting !== undefined) job.voting = setting.voting;
    if (setting.branches !== undefined) job.branches = setting.branches;
  }
  return job;
}
