import {
  Composer,
  CST,
  Document,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  type YAMLError,
} from 'yaml';
import { LIST_LIMITS } from './limits';
import type { ListProblem } from './model';
import { schemaProblem } from './problems';
import { duplicateKeyProblems } from './yaml-keys';
import { positionAt } from './yaml-nodes';

/** A YAML list file that parsed cleanly within the limits. */
export interface LoadedYaml {
  doc: Document.Parsed;
  /** The document as plain data (aliases expanded within `maxAliasCount`). */
  value: unknown;
  text: string;
  lines: LineCounter;
}

export type YamlLoad = { ok: true; yaml: LoadedYaml } | { ok: false; problems: ListProblem[] };

class LimitExceeded extends Error {
  constructor(
    readonly key: string,
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses untrusted YAML: depth and anchors are checked while lexing (deep nesting otherwise
 * exhausts the parser), duplicate keys are refused (PyYAML silently keeps the last), and alias
 * expansion is bounded. Any problem means the document is not used at all.
 */
export function loadYaml(text: string): YamlLoad {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = compose(text, lines);
  } catch (error) {
    return { ok: false, problems: [refusal(error, lines)] };
  }
  const problems = [
    // Only as many as can be shown: each one looks up its line in the text.
    ...doc.errors.slice(0, LIST_LIMITS.maxProblems + 1).map((e) => syntaxProblem(e, text, lines)),
    ...duplicateKeyProblems(doc, lines),
  ];
  if (problems.length > 0) return { ok: false, problems };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: LIST_LIMITS.maxAliasCount });
    return { ok: true, yaml: { doc, value, text, lines } };
  } catch (error) {
    return { ok: false, problems: [aliasProblem(error)] };
  }
}

/** Options that pin YAML 1.2 core: no timestamps, binaries or sets, whatever the file says. */
const COMPOSE_OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  resolveKnownTags: false,
  schema: 'core',
  version: '1.2',
} as const;

function compose(text: string, lines: LineCounter): Document.Parsed {
  // Each syntax error is an Error object; a garbage file makes hundreds of thousands, and their
  // stack traces (unused here) cost more than the parsing itself.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return firstDocument(text, lines);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function firstDocument(text: string, lines: LineCounter): Document.Parsed {
  const composer = new Composer(COMPOSE_OPTIONS);
  const docs = composer.compose(guardedTokens(text, lines), true, text.length);
  let first: Document.Parsed | undefined;
  for (const doc of docs) {
    if (first) {
      first.errors.push(multipleDocuments(doc));
      break;
    }
    first = doc;
  }
  if (!first) throw new Error('the YAML parser returned no document');
  return first;
}

/**
 * The YAML parser's own token stream (as in `Parser.parse`), with the limits checked as it
 * goes. After `maxProblems` syntax errors the rest of the file is not read: it is refused anyway.
 */
function* guardedTokens(text: string, lines: LineCounter): Generator<CST.Token> {
  const parser = new Parser(lines.addNewLine);
  const limit = tokenLimiter(() => parser.offset);
  lines.addNewLine(0);
  let errors = 0;
  for (const lexeme of new Lexer().lex(text)) {
    limit.lexeme(lexeme);
    for (const token of parser.next(lexeme)) {
      if (token.type === 'error') errors += 1;
      yield token;
    }
    limit.depth(parser.stack.length);
    if (errors > LIST_LIMITS.maxProblems) break;
  }
  yield* parser.end();
}

interface TokenLimiter {
  lexeme(lexeme: string): void;
  depth(depth: number): void;
}

function tokenLimiter(offset: () => number): TokenLimiter {
  let tokens = 0;
  let anchors = 0;
  let atScalar = false;
  const fail = (key: string, message: string): never => {
    throw new LimitExceeded(key, offset(), message);
  };
  return {
    lexeme(lexeme: string): void {
      if (++tokens > LIST_LIMITS.maxTokens) fail('yaml:too-many-tokens', tooManyTokens());
      // The lexeme after a scalar marker is the scalar's text, whatever its first character.
      if (atScalar) atScalar = false;
      else if (lexeme === CST.SCALAR) atScalar = true;
      else if (isAnchorOrAlias(lexeme) && ++anchors > LIST_LIMITS.maxAnchors) {
        fail('yaml:too-many-anchors', tooManyAnchors());
      }
    },
    depth(depth: number): void {
      if (depth > LIST_LIMITS.maxDepth) fail('yaml:too-deep', tooDeep());
    },
  };
}

function isAnchorOrAlias(lexeme: string): boolean {
  const type = CST.tokenType(lexeme);
  return type === 'anchor' || type === 'alias';
}

function tooManyAnchors(): string {
  return (
    `The list uses more than ${LIST_LIMITS.maxAnchors} YAML anchors and aliases (&name, *name); ` +
    'it was not read. Write the entries out in full.'
  );
}

function tooManyTokens(): string {
  return (
    `The list holds more than ${LIST_LIMITS.maxTokens} YAML tokens; it was not read. ` +
    'An oversight list needs a few thousand: check that the right file was given.'
  );
}

function tooDeep(): string {
  return (
    `The list nests YAML collections more than ${LIST_LIMITS.maxDepth} levels deep; it was not ` +
    'read. An oversight list needs only a few levels: check the brackets and indentation.'
  );
}

function multipleDocuments(doc: Document.Parsed): YAMLParseError {
  const start = doc.range[0];
  return new YAMLParseError([start, start + 1], 'MULTIPLE_DOCS', 'more than one document');
}

function refusal(error: unknown, lines: LineCounter): ListProblem {
  if (error instanceof LimitExceeded) {
    return schemaProblem(error.key, error.message, { position: positionAt(lines, error.offset) });
  }
  return schemaProblem(
    'yaml:unreadable',
    `The list could not be read as YAML: ${errorText(error)}.`,
  );
}

function aliasProblem(error: unknown): ListProblem {
  return schemaProblem(
    'yaml:alias-expansion',
    `The list's YAML aliases expand too far (${errorText(error)}); it was not read. ` +
      'Write the entries out in full instead of repeating anchors.',
  );
}

function syntaxProblem(error: YAMLError, text: string, lines: LineCounter): ListProblem {
  const position = positionAt(lines, error.pos[0]);
  const lineText = lineAt(text, lines, position.line);
  const quoted = lineText.trim().slice(0, 60);
  if (error.code === 'MULTIPLE_DOCS') {
    return schemaProblem(
      'yaml:multiple-documents',
      `Line ${position.line} starts a second YAML document ("---"); a list file holds exactly one. Remove the extra document.`,
      { position },
    );
  }
  if (error.code === 'TAB_AS_INDENT' || /^[ ]*\t/.test(lineText)) {
    return schemaProblem(
      `yaml:tab-indentation:${quoted}`,
      `Line ${position.line} is indented with a tab; YAML indentation must use spaces only. Replace the tab with spaces.`,
      { position: { line: position.line, column: lineText.indexOf('\t') + 1 } },
    );
  }
  return schemaProblem(
    `yaml:${error.code}:${quoted}`,
    `YAML syntax error at line ${position.line}, column ${position.column}: ${error.message.replace(/\.$/, '')}. ` +
      'Fix the syntax; the list was not read.',
    { position },
  );
}

function lineAt(text: string, lines: LineCounter, line: number): string {
  const start = lines.lineStarts[line - 1] ?? 0;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
