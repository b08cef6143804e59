import {
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type YAMLMap,
} from 'yaml';
import type { ListProblem } from './model';
import { quote, schemaProblem } from './problems';
import { nodePosition } from './yaml-nodes';

/**
 * Duplicate and non-scalar keys. The YAML library's own `uniqueKeys` check is quadratic in the
 * size of a mapping, so it is off and this linear pass does the job.
 */
export function duplicateKeyProblems(doc: Document, lines: LineCounter): ListProblem[] {
  const problems: ListProblem[] = [];
  walk(doc.contents, [], (map, trail) => problems.push(...mapKeyProblems(map, trail, lines)));
  return problems;
}

type MapNode = YAMLMap<unknown, unknown>;

function walk(
  node: unknown,
  trail: string[],
  onMap: (map: MapNode, trail: string[]) => void,
): void {
  if (isMap(node)) {
    onMap(node, trail);
    for (const pair of node.items) walk(pair.value, [...trail, keyLabel(pair.key)], onMap);
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => walk(item, [...trail, itemLabel(item, index)], onMap));
  }
}

function mapKeyProblems(map: MapNode, trail: string[], lines: LineCounter): ListProblem[] {
  const problems: ListProblem[] = [];
  const seen = new Map<string, Node>();
  for (const { key } of map.items) {
    if (!isScalar(key)) {
      problems.push(complexKey(key, trail, lines));
      continue;
    }
    const id = `${typeof key.value}:${String(key.value)}`;
    const first = seen.get(id);
    if (first) problems.push(duplicate(key, first, trail, lines));
    else seen.set(id, key);
  }
  return problems;
}

function duplicate(key: Node, first: Node, trail: string[], lines: LineCounter): ListProblem {
  const name = keyLabel(key);
  const position = nodePosition(key, lines);
  const firstLine = nodePosition(first, lines)?.line;
  return schemaProblem(
    `yaml:duplicate-key:/${[...trail, name].join('/')}`,
    `The key ${quote(name)} appears twice in the same mapping${where(trail)} ` +
      `(first on line ${firstLine ?? '?'}). YAML keys must be unique: remove or rename one.`,
    { position },
  );
}

function complexKey(key: unknown, trail: string[], lines: LineCounter): ListProblem {
  return schemaProblem(
    `yaml:complex-key:/${trail.join('/')}`,
    `A mapping${where(trail)} has a key that is not plain text; use plain text keys only.`,
    { position: nodePosition(isMap(key) || isSeq(key) ? key : null, lines) },
  );
}

function where(trail: string[]): string {
  return trail.length > 0 ? ` (under ${trail.join(' › ')})` : '';
}

function keyLabel(key: unknown): string {
  return isScalar(key) ? String(key.value) : '?';
}

/** A sequence item is named by its `name:` when it has one, so keys survive reordering. */
function itemLabel(item: unknown, index: number): string {
  if (!isMap(item)) return String(index);
  const name = item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'name');
  return isScalar(name?.value) && typeof name.value.value === 'string'
    ? name.value.value
    : String(index);
}
