import type { Node } from 'yaml';
import type {
  DataRef,
  ZuulInRepoConfig,
  ZuulJobDefinition,
  ZuulProjectStanza,
  ZuulTemplateDefinition,
} from '../../evidence/types';
import { entries, get, items, kindOf, text } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';
import { parseCandidateYaml } from '../zuul/candidate-file';
import { readJobDefinition, readProjectStanza } from '../zuul/stanza';
import type { TreeFiles } from './tree';

export interface InRepoContext {
  repository: string;
  commit: string;
}

/** The configuration item types Zuul knows (zuul/configloader.py); any other is its error. */
const ITEM_TYPES = new Set([
  'pipeline',
  'nodeset',
  'secret',
  'job',
  'semaphore',
  'queue',
  'project-template',
  'project',
  'pragma',
  'image',
  'flavor',
  'label',
  'section',
  'provider',
]);

interface FileItems {
  projects: ZuulProjectStanza[];
  jobs: ZuulJobDefinition[];
  templates: ZuulTemplateDefinition[];
}

/**
 * Parses the in-repo Zuul files: this project's stanzas, the jobs and templates defined. Any
 * file that cannot be read as Zuul reads it is a problem, and one problem leaves the whole
 * configuration unknown: Zuul refuses a configuration with errors, and what a broken file would
 * have defined (a project stanza replacing the tests of another file) cannot be known.
 */
export function readInRepoZuul(tree: TreeFiles, context: InRepoContext): ZuulInRepoConfig | null {
  if (!tree.zuul) return null;
  const found: FileItems = { projects: [], jobs: [], templates: [] };
  const problems: string[] = tree.zuul.refused ? [tree.zuul.refused] : [];
  for (const file of tree.zuul.refused ? [] : tree.zuul.files) {
    const unreadable = tree.unreadable.get(file);
    const blob = tree.blobs.get(file);
    if (unreadable !== undefined || blob === undefined) {
      problems.push(`${file} cannot be read: ${unreadable ?? 'not found'}`);
      continue;
    }
    try {
      const parsed = readFile(parseCandidateYaml(file, blob), context);
      found.projects.push(...parsed.projects);
      found.jobs.push(...parsed.jobs);
      found.templates.push(...parsed.templates);
    } catch (error) {
      if (!(error instanceof YamlShapeError)) throw error;
      problems.push(error.message);
    }
  }
  const config: ZuulInRepoConfig = {
    location: tree.zuul.location,
    files: tree.zuul.files,
    ...found,
  };
  return problems.length > 0 ? { ...config, problems } : config;
}

function readFile(doc: YamlDocument, context: InRepoContext): FileItems {
  const found: FileItems = { projects: [], jobs: [], templates: [] };
  const ref = (node: Node | null): DataRef => {
    const line = doc.line(node);
    return {
      source: 'repository',
      file: doc.file,
      commit: context.commit,
      ...(line === undefined ? {} : { line }),
    };
  };
  const strict = { strict: true };
  const rootKind = kindOf(doc, doc.root);
  if (rootKind !== 'list' && rootKind !== 'null') {
    throw new YamlShapeError(doc.file, 1, 'is not a list of Zuul configuration items');
  }
  for (const item of items(doc, doc.root, 'configuration items')) {
    const { key, value } = onlyEntry(doc, item);
    if (key === 'project') {
      requireMapping(doc, value, 'project');
      checkNamesThis(doc, value, context.repository);
      found.projects.push(readProjectStanza(doc, value, ref(item), strict));
    } else if (key === 'project-template') {
      requireMapping(doc, value, 'project-template');
      const name = text(doc, get(doc, value, 'name', key), 'project-template name');
      if (name === null) throw new YamlShapeError(doc.file, doc.line(item), `${key} needs a name`);
      found.templates.push({ name, stanza: readProjectStanza(doc, value, ref(item), strict) });
    } else if (key === 'job') {
      requireMapping(doc, value, 'job');
      const job = readJobDefinition(doc, value, ref(item), strict);
      if (job) found.jobs.push(job);
    }
  }
  return found;
}

/** A configuration item is a mapping with exactly one key, a type Zuul knows. */
function onlyEntry(doc: YamlDocument, item: Node | null): { key: string; value: Node | null } {
  const pairs = kindOf(doc, item) === 'mapping' ? entries(doc, item, 'configuration item') : [];
  const [only] = pairs;
  if (pairs.length !== 1 || !only) {
    throw new YamlShapeError(
      doc.file,
      doc.line(item),
      'configuration item: expected a mapping with one key (job, project, …)',
    );
  }
  if (!ITEM_TYPES.has(only.key)) {
    throw new YamlShapeError(
      doc.file,
      doc.line(item),
      `'${only.key}' is not a Zuul configuration item type`,
    );
  }
  return only;
}

function requireMapping(doc: YamlDocument, node: Node | null, what: string): void {
  if (kindOf(doc, node) !== 'mapping') {
    throw new YamlShapeError(doc.file, doc.line(node), `${what}: expected a mapping`);
  }
}

/**
 * An in-repo stanza without a name is this project's; a named one must name it (short,
 * `namespace/name`, or canonical `host/namespace/name`). Zuul refuses, in an untrusted
 * repository, a stanza for any other project, so one here is an error, not something to skip.
 */
function checkNamesThis(doc: YamlDocument, node: Node | null, repository: string): void {
  const nameNode = get(doc, node, 'name', 'project');
  if (kindOf(doc, nameNode) === 'null') return;
  const name = text(doc, nameNode, 'project name') ?? '';
  const short = repository.slice(repository.indexOf('/') + 1);
  const canonical = /^[^/]+\.[^/]+\/(.+)$/.exec(name)?.[1];
  if (name === repository || name === short || canonical === repository) return;
  throw new YamlShapeError(
    doc.file,
    doc.line(nameNode),
    `has a project stanza for '${name}', not ${repository} (Zuul refuses a stanza for another project here)`,
  );
}
