import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { YamlDocument } from '../yaml/document';

/**
 * An entry of projects.yaml (a team, a deliverable, a pre-2015-07 project) whose shape neither
 * this reader nor upstream's own tools can read. It makes unavailable only the repositories it
 * may list, not the whole file.
 */
export interface UnreadableEntry {
  /** `Nova.deliverables.nova`, `Nova.projects[2]`, `Nova`. */
  what: string;
  line: number | undefined;
  /** What is wrong, as the shape error says it: "line 14 …: expected a list, found a mapping". */
  detail: string;
  node: Node | null;
}

/**
 * Whether an unreadable entry may list `repository`: some scalar inside it (aliases followed,
 * escapes decoded by the parser) is the name. A repository listed there must be written there,
 * so an entry without it cannot list it. Each node is visited once (aliases may recurse).
 */
export function mayList(doc: YamlDocument, entry: UnreadableEntry, repository: string): boolean {
  const seen = new Set<Node>();
  const pending: (Node | null)[] = [entry.node];
  while (pending.length > 0) {
    const node = doc.resolve(pending.pop());
    if (node === null || seen.has(node)) continue;
    seen.add(node);
    if (isScalar(node)) {
      if (String(node.value) === repository) return true;
    } else if (isMap(node)) {
      for (const pair of node.items)
        pending.push(pair.key as Node | null, pair.value as Node | null);
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) pending.push(item.key as Node | null, item.value as Node | null);
        else pending.push(item as Node | null);
      }
    }
  }
  return false;
}

/** `Nova.deliverables.nova (line 12): line 14 …: expected a list, found a mapping`. */
export function unreadableText(entry: UnreadableEntry): string {
  const at = entry.line === undefined ? '' : ` (line ${entry.line})`;
  return `entry ${entry.what}${at} cannot be read: ${entry.detail}`;
}
