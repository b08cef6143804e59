import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';
import type { Position } from './problems';

/** The node an alias points to; other nodes as they are. */
export function deref(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return node.resolve(doc) ?? null;
  return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
}

/** The text of a plain scalar key or value (numbers as written by `String`), else null. */
export function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const { value } = node;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : null;
}

export function findPair(map: unknown, key: string): Pair<unknown, unknown> | null {
  if (!isMap(map)) return null;
  return map.items.find((pair) => scalarText(pair.key) === key) ?? null;
}

export function mapValue(doc: Document, map: unknown, key: string): Node | null {
  return deref(doc, findPair(map, key)?.value);
}

export interface PathTarget {
  /** The deepest node the path reaches. */
  node: Node | null;
  /** The key node of the last map step taken, when the path ends in a map value. */
  keyNode: Node | null;
  /** How many segments of the path were followed. */
  reached: number;
}

/** Follows a JSON-pointer-like path of keys and indexes through a document. */
export function nodeAtPath(doc: Document, path: readonly string[]): PathTarget {
  let node = deref(doc, doc.contents);
  let keyNode: Node | null = null;
  let reached = 0;
  for (const segment of path) {
    const next = step(doc, node, segment);
    if (!next) break;
    ({ node, keyNode } = next);
    reached += 1;
  }
  return { node, keyNode, reached };
}

function step(doc: Document, node: Node | null, segment: string): PathTarget | null {
  if (isSeq(node)) {
    const item = deref(doc, node.items[Number(segment)]);
    return item ? { node: item, keyNode: null, reached: 0 } : null;
  }
  const pair = findPair(node, segment);
  if (!pair) return null;
  const keyNode = isScalar(pair.key) ? pair.key : null;
  return { node: deref(doc, pair.value) ?? keyNode, keyNode, reached: 0 };
}

export function positionAt(lines: LineCounter, offset: number): Required<Position> {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Where a node starts in the file, or null for nodes without a source range. */
export function nodePosition(node: Node | null | undefined, lines: LineCounter): Position | null {
  const start = node?.range?.[0];
  return start === undefined ? null : positionAt(lines, start);
}
