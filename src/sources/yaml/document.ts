import { isAlias, isNode, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

/** How strictly to read: data files are read as PyYAML would; candidate files are stricter. */
export interface ParseOptions {
  /** Refuse duplicate keys and errors the YAML spec requires (candidate Zuul files). */
  strict?: boolean;
}

/**
 * A YAML file read the way upstream's PyYAML tools read it: duplicate keys are accepted (the
 * last one wins) and every scalar stays its source text (versions, release-ids and dates are
 * strings; `yes` is interpreted only where a boolean is expected).
 */
export class YamlDocument {
  private anchors: Map<Node, Node | null> | null = null;

  private constructor(
    readonly file: string,
    readonly root: Node | null,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; throws YamlShapeError when it is not YAML at all. */
  static parse(file: string, text: string, options: ParseOptions = {}): YamlDocument {
    const lines = new LineCounter();
    const strict = options.strict === true;
    const document = parseDocument(text, {
      schema: 'failsafe',
      uniqueKeys: strict,
      strict,
      lineCounter: lines,
    });
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      const why = strict ? `${error.code}: ${error.message.split('\n')[0] ?? ''}` : error.code;
      throw new YamlShapeError(file, line, `is not valid YAML (${why})`);
    }
    return new YamlDocument(file, document.contents, document, lines);
  }

  /** The 1-based line where a node starts. */
  line(node: Node | null | undefined): number | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }

  /**
   * Follows an alias to the node it names: the last node before it with that anchor, as the
   * `yaml` library's own `Alias.resolve` finds it, but from one table built in a single pass
   * (that method walks the whole document on every call, quadratic in a file of many aliases).
   */
  resolve(node: Node | null | undefined): Node | null {
    if (!node) return null;
    if (!isAlias(node)) return node;
    this.anchors ??= anchorTable(this.document);
    return this.anchors.get(node) ?? null;
  }
}

/** Each alias of the document mapped to the node its anchor names, in one document-order walk. */
function anchorTable(document: Document): Map<Node, Node | null> {
  const latest = new Map<string, Node>();
  const table = new Map<Node, Node | null>();
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) table.set(node, latest.get(node.source) ?? null);
      else if (isNode(node) && node.anchor) latest.set(node.anchor, node);
    },
  });
  return table;
}

/** Data that does not have the shape a reader expects, with where it was found. */
export class YamlShapeError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`} ${detail}`);
    this.name = 'YamlShapeError';
  }
}
