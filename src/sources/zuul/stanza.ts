import type { Node } from 'yaml';
import type {
  DataRef,
  ZuulJobDefinition,
  ZuulJobRef,
  ZuulProjectStanza,
} from '../../evidence/types';
import { bool, entries, get, items, kindOf, text, texts } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';

// Project keys that are attributes, not pipelines.
const PROJECT_ATTRIBUTES = new Set([
  'name',
  'description',
  'templates',
  'queue',
  'vars',
  'default-branch',
  'merge-mode',
  'branches',
]);

export interface StanzaOptions {
  /**
   * A candidate's own file: a pipeline whose value is not `{jobs: …}` is an error (Zuul refuses
   * it) instead of being skipped, so no shape the reader does not know is silently dropped.
   */
  strict?: boolean;
}

/** A `project` (or `project-template`) stanza: templates and the jobs of each pipeline. */
export function readProjectStanza(
  doc: YamlDocument,
  node: Node | null,
  ref: DataRef,
  options: StanzaOptions = {},
): ZuulProjectStanza {
  const pipelines = new Map<string, ZuulJobRef[]>();
  for (const { key, value } of entries(doc, node, 'project')) {
    if (PROJECT_ATTRIBUTES.has(key)) continue;
    if (kindOf(doc, value) !== 'mapping') {
      if (!options.strict) continue;
      throw new YamlShapeError(doc.file, doc.line(value), `${key}: expected {jobs: [...]}`);
    }
    const jobs = items(doc, get(doc, value, 'jobs', key), `${key} jobs`);
    pipelines.set(
      key,
      jobs.map((job) => readJobRef(doc, job, key)),
    );
  }
  return {
    templates: texts(doc, get(doc, node, 'templates', 'project'), 'templates'),
    // fromEntries defines own properties, so a pipeline named __proto__ stays harmless.
    pipelines: Object.fromEntries(pipelines),
    ref,
  };
}

/** A pipeline's job: `name`, or `{name: {voting, branches, …}}`. */
function readJobRef(doc: YamlDocument, node: Node | null, pipeline: string): ZuulJobRef {
  if (kindOf(doc, node) === 'scalar') {
    return { name: text(doc, node, `${pipeline} job`) ?? '', voting: true, branches: null };
  }
  const variant = entries(doc, node, `${pipeline} job`);
  const only = variant[0];
  if (variant.length !== 1 || !only) {
    throw new YamlShapeError(
      doc.file,
      doc.line(node),
      `${pipeline} job: expected a job name or {name: attributes}`,
    );
  }
  const what = `${pipeline} job ${only.key}`;
  const branches = get(doc, only.value, 'branches', what);
  return {
    name: only.key,
    voting: bool(doc, get(doc, only.value, 'voting', what), `${what} voting`, true),
    branches: kindOf(doc, branches) === 'null' ? null : texts(doc, branches, `${what} branches`),
  };
}

/** A `job` definition: its name and parent. */
export function readJobDefinition(
  doc: YamlDocument,
  node: Node | null,
  ref: DataRef,
  options: StanzaOptions = {},
): ZuulJobDefinition | null {
  const name = text(doc, get(doc, node, 'name', 'job'), 'job name');
  if (name === null) {
    if (!options.strict) return null;
    throw new YamlShapeError(doc.file, doc.line(node), 'job: a job definition needs a name');
  }
  const definition: ZuulJobDefinition = {
    name,
    parent: text(doc, get(doc, node, 'parent', name), `${name} parent`),
    ref,
  };
  const voting = get(doc, node, 'voting', name);
  if (kindOf(doc, voting) !== 'null') definition.voting = bool(doc, voting, `${name} voting`, true);
  if (bool(doc, get(doc, node, 'abstract', name), `${name} abstract`, false))
    definition.abstract = true;
  return definition;
}

/** Merges several stanzas for the same project, as Zuul does, keeping the first one's ref. */
export function mergeStanzas(stanzas: readonly ZuulProjectStanza[]): ZuulProjectStanza | null {
  const [first, ...rest] = stanzas;
  if (!first) return null;
  const templates = [...first.templates];
  const pipelines = new Map(Object.entries(first.pipelines));
  for (const stanza of rest) {
    templates.push(...stanza.templates.filter((template) => !templates.includes(template)));
    for (const [pipeline, jobs] of Object.entries(stanza.pipelines)) {
      pipelines.set(pipeline, [...(pipelines.get(pipeline) ?? []), ...jobs]);
    }
  }
  return { templates, pipelines: Object.fromEntries(pipelines), ref: first.ref };
}
