/**
 * A candidate repository's in-repo Zuul file, read as Zuul reads it or refused. The repository
 * is untrusted: its bytes are decoded strictly, its YAML parsed strictly, and the work its
 * anchors and nesting can cause is bounded before any reader walks it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, type Node } from 'yaml';
import { YamlDocument, YamlShapeError } from '../yaml/document';

const CANDIDATE_YAML_LIMITS = {
  /** Flow (`[`/`{`) nesting; the `yaml` parser exhausts memory on a few hundred thousand. */
  flowDepth: 64,
  /** Nesting of the document with aliases followed. Real Zuul files nest about ten deep. */
  depth: 64,
  /** Nodes of the document with every alias expanded (a billion-laughs file is refused). */
  expandedNodes: 100_000,
  /** Aliases (`*name`) in one file; real Zuul files use a few dozen (os-brick: 17 anchors and aliases). */
  aliases: 1000,
} as const;

const UTF8_BOM = 0xfeff;
/** One decoder for every file: without `stream`, each decode starts afresh. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Refuses what Zuul cannot read, then parses; throws YamlShapeError naming the file and why. */
export function parseCandidateYaml(file: string, bytes: Buffer): YamlDocument {
  const text = decode(file, bytes);
  checkTokens(file, text);
  const doc = YamlDocument.parse(file, text, { strict: true });
  checkExpansion(doc);
  return doc;
}

/** UTF-8 only, as Zuul decodes it; a leading UTF-8 byte-order mark is dropped (PyYAML does). */
function decode(file: string, bytes: Buffer): string {
  const refuse = (why: string) => new YamlShapeError(file, undefined, why);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw refuse('is UTF-16 or UTF-32 (it starts with that byte-order mark); Zuul reads UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw refuse(
      `contains a NUL byte at offset ${nul} (binary, or UTF-16 without a byte-order mark)`,
    );
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw refuse('is not valid UTF-8');
  }
  return text.charCodeAt(0) === UTF8_BOM ? text.slice(1) : text;
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * One pass of the lexer (linear and iterative, unlike the parser) refuses, before parsing, deep
 * flow nesting (the parser exhausts memory on it) and more aliases than any real file has.
 */
function checkTokens(file: string, text: string): void {
  const { flowDepth, aliases } = CANDIDATE_YAML_LIMITS;
  const refuse = (why: string) => new YamlShapeError(file, undefined, `${why} (refused unread)`);
  let depth = 0;
  let seen = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') depth += 1;
    else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    else if (token.startsWith('*')) seen += 1;
    if (depth > flowDepth) throw refuse(`nests [ and { deeper than ${flowDepth} levels`);
    if (seen > aliases) throw refuse(`has more than ${aliases} aliases`);
  }
}

interface Extent {
  size: number;
  height: number;
}

/**
 * Measures the document as if every alias were expanded (node count and height), memoised per
 * node so the walk is linear in the file and iterative so no nesting exhausts the stack; refuses
 * a document too large or too deep once expanded, or an alias inside the node it names.
 */
function checkExpansion(doc: YamlDocument): void {
  const { depth: maxHeight, expandedNodes } = CANDIDATE_YAML_LIMITS;
  const measured = new Map<Node, Extent>();
  const open = new Set<Node>();
  const refuse = (node: Node, why: string) => new YamlShapeError(doc.file, doc.line(node), why);
  if (!doc.root) return;
  const stack: Node[] = [doc.root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as Node;
    if (measured.has(node)) {
      stack.pop();
      continue;
    }
    const kids = children(doc, node);
    if (!open.has(node)) {
      open.add(node);
      for (const kid of kids) {
        if (open.has(kid)) throw refuse(kid, 'has an alias inside the node it names');
        if (!measured.has(kid)) stack.push(kid);
      }
      continue;
    }
    const extent = { size: 1, height: 1 };
    for (const kid of kids) {
      const inner = measured.get(kid) ?? { size: 0, height: 0 };
      extent.size += inner.size;
      extent.height = Math.max(extent.height, inner.height + 1);
    }
    if (extent.size > expandedNodes) {
      throw refuse(node, `expands to more than ${expandedNodes} nodes through its aliases`);
    }
    if (extent.height > maxHeight) throw refuse(node, `nests deeper than ${maxHeight} levels`);
    measured.set(node, extent);
    open.delete(node);
    stack.pop();
  }
}

/** The nodes directly under `node`, an alias standing for the node it names. */
function children(doc: YamlDocument, node: Node): Node[] {
  if (isAlias(node)) {
    const target = doc.resolve(node);
    if (!target) throw new YamlShapeError(doc.file, doc.line(node), `names an unknown anchor`);
    return [target];
  }
  if (isScalar(node)) return [];
  const kids: Node[] = [];
  if (isSeq(node)) {
    for (const item of node.items) if (item && typeof item === 'object') kids.push(item as Node);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      for (const part of [pair.key, pair.value]) {
        if (part && typeof part === 'object') kids.push(part as Node);
      }
    }
  }
  return kids;
}
