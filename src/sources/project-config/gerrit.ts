import type { Node } from 'yaml';
import type { GerritProject } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { get, items, kindOf, text } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';

export const GERRIT_FILE = 'gerrit/projects.yaml';

/** Index of gerrit/projects.yaml: project name → its entry (the last one wins). */
export function indexGerrit(doc: YamlDocument): Map<string, Node | null> {
  if (kindOf(doc, doc.root) !== 'list') {
    throw new YamlShapeError(
      doc.file,
      1,
      'is not a list of projects, a layout this reader does not know',
    );
  }
  const index = new Map<string, Node | null>();
  for (const node of items(doc, doc.root, 'projects')) {
    if (kindOf(doc, node) !== 'mapping') continue;
    const name = get(doc, node, 'project', 'project');
    if (kindOf(doc, name) === 'scalar') index.set(text(doc, name, 'project') ?? '', node);
  }
  return index;
}

export function readGerritProject(
  doc: YamlDocument,
  node: Node | null,
  data: DataDir,
): GerritProject {
  const acl = text(doc, get(doc, node, 'acl-config', 'project'), 'acl-config');
  return {
    acl,
    description: text(doc, get(doc, node, 'description', 'project'), 'description'),
    retired: acl !== null && acl.endsWith('/retired.config'),
    ref: data.ref(GERRIT_FILE, doc.line(node)),
  };
}
