import type { RetiredDeliverable } from '../../evidence/types';
import type { DataDir } from '../data-dir';
import { entries, get, items, kindOf, text } from '../yaml/access';
import { YamlShapeError, type YamlDocument } from '../yaml/document';

/** legacy.yaml since 2016-09; retired-projects.yaml (same shape) before. */
export const LEGACY_FILES = ['reference/legacy.yaml', 'reference/retired-projects.yaml'] as const;

/**
 * Index of retired deliverables by repository. A whole team retired carries `retired-on` at the
 * team level; a `partial` team carries it per deliverable. When a repository appears more than
 * once, the latest retirement is kept.
 */
export function indexLegacy(doc: YamlDocument, data: DataDir): Map<string, RetiredDeliverable> {
  const index = new Map<string, RetiredDeliverable>();
  const root = kindOf(doc, doc.root);
  if (root === 'null') return index;
  // Any other shape is a layout this reader does not know: unavailable, never "nothing retired".
  if (root !== 'mapping') {
    throw new YamlShapeError(
      doc.file,
      1,
      'is not a mapping of teams, a layout this reader does not know',
    );
  }
  for (const team of entries(doc, doc.root, 'teams')) {
    if (kindOf(doc, team.value) !== 'mapping') continue;
    const teamRetiredOn = text(doc, get(doc, team.value, 'retired-on', team.key), 'retired-on');
    const deliverables = get(doc, team.value, 'deliverables', team.key);
    if (kindOf(doc, deliverables) !== 'mapping') continue;
    for (const deliverable of entries(doc, deliverables, `${team.key}.deliverables`)) {
      if (kindOf(doc, deliverable.value) !== 'mapping') continue;
      const what = `${team.key}.deliverables.${deliverable.key}`;
      const ownRetiredOn = text(doc, get(doc, deliverable.value, 'retired-on', what), what);
      const retired: RetiredDeliverable = {
        team: team.key,
        deliverable: deliverable.key,
        retiredOn: ownRetiredOn ?? teamRetiredOn,
        ref: data.ref(doc.file, deliverable.line),
      };
      const repos = get(doc, deliverable.value, 'repos', what);
      if (kindOf(doc, repos) !== 'list') continue;
      for (const repoNode of items(doc, repos, `${what}.repos`)) {
        if (kindOf(doc, repoNode) !== 'scalar') continue;
        const repo = text(doc, repoNode, `${what}.repos`) ?? '';
        const previous = index.get(repo);
        if (!previous || (retired.retiredOn ?? '') >= (previous.retiredOn ?? '')) {
          index.set(repo, retired);
        }
      }
    }
  }
  return index;
}
