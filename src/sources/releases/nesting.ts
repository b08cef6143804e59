import { isMap, isPair, isSeq } from 'yaml';
import { YamlDocument, YamlShapeError } from '../yaml/document';

/**
 * How deep collections may nest in a deliverable file: real files nest 5 levels at most. The
 * yaml library composes nested collections by recursion and reports a stack overflow as
 * RESOURCE_EXHAUSTION, at a depth that depends on the thread's stack (about 1,000 levels on the
 * main thread) and on what ran before; with a fixed bound far below that, a file is refused
 * alike on every thread and in every run, with the same reason.
 */
export const MAX_NESTING = 64;

const TOO_DEEP = `nests collections more than ${MAX_NESTING} levels deep`;

/** Parses a deliverable file, refusing one nested deeper than {@link MAX_NESTING}. */
export function parseBounded(path: string, text: string): YamlDocument {
  let doc: YamlDocument;
  try {
    doc = YamlDocument.parse(path, text);
  } catch (error) {
    // The library's stack overflow: deeper than any bound, wherever the stack ended.
    if (error instanceof YamlShapeError && error.message.endsWith('(RESOURCE_EXHAUSTION)')) {
      throw new YamlShapeError(path, undefined, TOO_DEEP);
    }
    throw error;
  }
  if (nestingDepth(doc) > MAX_NESTING) throw new YamlShapeError(path, undefined, TOO_DEEP);
  return doc;
}

/** The deepest nesting of collections in the document, walked without recursion. */
export function nestingDepth(doc: YamlDocument): number {
  let deepest = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.root, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth } = next;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    } else if (isMap(node) || isSeq(node)) {
      deepest = Math.max(deepest, depth + 1);
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return deepest;
}
