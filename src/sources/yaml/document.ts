import { Alias, isAlias, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * A YAML file read the way upstream's PyYAML tools read it: duplicate keys are accepted (the
 * last one wins) and every scalar stays its source text (versions, release-ids and dates are
 * strings; `yes` is interpreted only where a boolean is expected).
 */
export class YamlDocument {
  private constructor(
    readonly file: string,
    readonly root: Node | null,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; throws YamlShapeError when it is not YAML at all. */
  static parse(file: string, text: string): YamlDocument {
    const lines = new LineCounter();
    const document = parseDocument(text, {
      schema: 'failsafe',
      uniqueKeys: false,
      strict: false,
      lineCounter: lines,
    });
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      throw new YamlShapeError(file, line, `is not valid YAML (${error.code})`);
    }
    return new YamlDocument(file, document.contents, document, lines);
  }

  /** The 1-based line where a node starts. */
  line(node: Node | null | undefined): number | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }

  /** Follows an alias to the node it names. */
  resolve(node: Node | null | undefined): Node | null {
    if (!node) return null;
    if (isAlias(node)) return (node as Alias).resolve(this.document) ?? null;
    return node;
  }
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
