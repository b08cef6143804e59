import type { Node } from 'yaml';
import type { ZuulProjectStanza } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { entries, get, items, kindOf, text } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';
import { mergeStanzas, readProjectStanza } from '../zuul/stanza';

export const ZUUL_DIR = 'zuul.d';
export const ZUUL_PROJECTS_FILE = 'zuul.d/projects.yaml';

/**
 * Index of zuul.d/projects.yaml: exact project name → its `- project:` stanzas. Regex names
 * (`^openstack.*`, which only add system-required) are not matched.
 */
export function indexZuulProjects(doc: YamlDocument): Map<string, (Node | null)[]> {
  if (kindOf(doc, doc.root) !== 'list') {
    throw new YamlShapeError(
      doc.file,
      1,
      'is not a list of Zuul configuration items, a layout this reader does not know',
    );
  }
  const index = new Map<string, (Node | null)[]>();
  for (const item of items(doc, doc.root, 'configuration items')) {
    if (kindOf(doc, item) !== 'mapping') continue;
    for (const { key, value } of entries(doc, item, 'configuration item')) {
      if (key !== 'project' || kindOf(doc, value) !== 'mapping') continue;
      const name = get(doc, value, 'name', 'project');
      if (kindOf(doc, name) !== 'scalar') continue;
      const projectName = text(doc, name, 'project name') ?? '';
      index.set(projectName, [...(index.get(projectName) ?? []), value]);
    }
  }
  return index;
}

export function readCentralStanza(
  doc: YamlDocument,
  nodes: readonly (Node | null)[],
  data: DataDir,
): ZuulProjectStanza | null {
  return mergeStanzas(
    nodes.map((node) => readProjectStanza(doc, node, data.ref(ZUUL_PROJECTS_FILE, doc.line(node)))),
  );
}
