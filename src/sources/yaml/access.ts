import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { YamlDocument, YamlShapeError } from './document';

export interface MapEntry {
  key: string;
  value: Node | null;
  /** Line of the key that won (the last one, as PyYAML keeps). */
  line: number | undefined;
}

function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  return 'a scalar';
}

function shapeError(doc: YamlDocument, node: Node | null, what: string, expected: string) {
  return new YamlShapeError(
    doc.file,
    doc.line(node),
    `${what}: expected ${expected}, found ${describe(node)}`,
  );
}

/** Entries of a mapping with string keys. Duplicate keys: last value wins, first position kept. */
export function entries(doc: YamlDocument, node: Node | null, what: string): MapEntry[] {
  const resolved = doc.resolve(node);
  if (resolved === null || isNullScalar(resolved)) return [];
  if (!isMap(resolved)) throw shapeError(doc, resolved, what, 'a mapping');
  const byKey = new Map<string, MapEntry>();
  for (const pair of resolved.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    byKey.set(key, { key, value: doc.resolve(pair.value as Node | null), line: doc.line(keyNode) });
  }
  return [...byKey.values()];
}

/** The value of `key` in a mapping (last duplicate wins), or null. */
export function get(doc: YamlDocument, node: Node | null, key: string, what: string): Node | null {
  const pair = lastPair(doc, node, key, what);
  return pair ? doc.resolve(pair.value as Node | null) : null;
}

/** The entry of `key` in a mapping, as `entries` reads it: the last duplicate, found from the end. */
export function entry(
  doc: YamlDocument,
  node: Node | null,
  key: string,
  what: string,
): MapEntry | undefined {
  const pair = lastPair(doc, node, key, what);
  if (!pair) return undefined;
  return { key, value: doc.resolve(pair.value as Node | null), line: doc.line(pair.key as Node) };
}

/** The last pair of a mapping whose scalar key is `key`; throws on what is not a mapping. */
function lastPair(
  doc: YamlDocument,
  node: Node | null,
  key: string,
  what: string,
): Pair | undefined {
  const resolved = doc.resolve(node);
  if (resolved === null || isNullScalar(resolved)) return undefined;
  if (!isMap(resolved)) throw shapeError(doc, resolved, what, 'a mapping');
  const pairs = resolved.items;
  for (let i = pairs.length - 1; i >= 0; i -= 1) {
    const pair = pairs[i]!;
    const keyNode = pair.key as Node | null;
    if (isScalar(keyNode) && String(keyNode.value) === key) return pair;
  }
  return undefined;
}

/** Items of a list; a missing value is an empty list. */
export function items(doc: YamlDocument, node: Node | null, what: string): (Node | null)[] {
  const resolved = doc.resolve(node);
  if (resolved === null || isNullScalar(resolved)) return [];
  if (!isSeq(resolved)) throw shapeError(doc, resolved, what, 'a list');
  return resolved.items.map((item) => doc.resolve(item as Node | null));
}

/** A scalar's text, or null for a missing or null value. */
export function text(doc: YamlDocument, node: Node | null, what: string): string | null {
  const resolved = doc.resolve(node);
  if (resolved === null || isNullScalar(resolved)) return null;
  if (!isScalar(resolved)) throw shapeError(doc, resolved, what, 'a single value');
  return String(resolved.value);
}

/** Text of a list of scalars; a single scalar counts as a one-item list. */
export function texts(doc: YamlDocument, node: Node | null, what: string): string[] {
  const resolved = doc.resolve(node);
  if (isScalar(resolved)) {
    const single = text(doc, resolved, what);
    return single === null ? [] : [single];
  }
  return items(doc, resolved, what).flatMap((item) => {
    const value = text(doc, item, what);
    return value === null ? [] : [value];
  });
}

const TRUE_WORDS = /^(yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FALSE_WORDS = /^(no|No|NO|false|False|FALSE|off|Off|OFF)$/;

/** A YAML 1.1 boolean (PyYAML's words), or `fallback` when absent. */
export function bool(
  doc: YamlDocument,
  node: Node | null,
  what: string,
  fallback: boolean,
): boolean {
  const value = text(doc, node, what);
  if (value === null) return fallback;
  if (TRUE_WORDS.test(value)) return true;
  if (FALSE_WORDS.test(value)) return false;
  throw new YamlShapeError(
    doc.file,
    doc.line(node),
    `${what}: expected true or false, found '${value}'`,
  );
}

function isNullScalar(node: Node): boolean {
  if (!isScalar(node) || node.type !== 'PLAIN') return false;
  const value = String(node.value);
  return value === '' || value === '~' || /^(null|Null|NULL)$/.test(value);
}

export type NodeKind = 'mapping' | 'list' | 'scalar' | 'null';

export function kindOf(doc: YamlDocument, node: Node | null): NodeKind {
  const resolved = doc.resolve(node);
  if (resolved === null || isNullScalar(resolved)) return 'null';
  if (isMap(resolved)) return 'mapping';
  if (isSeq(resolved)) return 'list';
  return 'scalar';
}
