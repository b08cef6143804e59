import type { Node } from 'yaml';
import type {
  DataRef,
  ZuulInRepoConfig,
  ZuulJobDefinition,
  ZuulProjectStanza,
} from '../../evidence/types';
import { entries, get, items, kindOf, text } from '../yaml/access';
import { YamlDocument } from '../yaml/document';
import { readJobDefinition, readProjectStanza } from '../zuul/stanza';
import type { TreeFiles } from './tree';

export interface InRepoContext {
  repository: string;
  commit: string;
}

/** Parses the in-repo Zuul files: this project's stanzas and the jobs defined. */
export function readInRepoZuul(tree: TreeFiles, context: InRepoContext): ZuulInRepoConfig | null {
  if (!tree.zuul) return null;
  const projects: ZuulProjectStanza[] = [];
  const jobs: ZuulJobDefinition[] = [];
  const problems: string[] = [];
  for (const file of tree.zuul.files) {
    try {
      const parsed = readFile(file, tree.contents.get(file) ?? '', context);
      projects.push(...parsed.projects);
      jobs.push(...parsed.jobs);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const config: ZuulInRepoConfig = {
    location: tree.zuul.location,
    files: tree.zuul.files,
    projects,
    jobs,
  };
  return problems.length > 0 ? { ...config, problems } : config;
}

function readFile(file: string, content: string, context: InRepoContext) {
  const doc = YamlDocument.parse(file, content);
  const projects: ZuulProjectStanza[] = [];
  const jobs: ZuulJobDefinition[] = [];
  const ref = (node: Node | null): DataRef => {
    const line = doc.line(node);
    return {
      source: 'repository',
      file,
      commit: context.commit,
      ...(line === undefined ? {} : { line }),
    };
  };
  for (const item of items(doc, doc.root, 'configuration items')) {
    for (const { key, value } of entries(doc, item, 'configuration item')) {
      if (key === 'project' && namesThis(doc, value, context.repository)) {
        projects.push(readProjectStanza(doc, value, ref(item)));
      } else if (key === 'job') {
        const job = readJobDefinition(doc, value, ref(item));
        if (job) jobs.push(job);
      }
    }
  }
  return { projects, jobs };
}

/** An in-repo stanza without a name is this project's; a named one must name it. */
function namesThis(doc: YamlDocument, node: Node | null, repository: string): boolean {
  const nameNode = get(doc, node, 'name', 'project');
  if (kindOf(doc, nameNode) === 'null') return true;
  const name = text(doc, nameNode, 'project name');
  return name === repository || name === repository.slice(repository.indexOf('/') + 1);
}
