import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import type { ListProblem } from './model';
import { quote, schemaProblem, type Position } from './problems';
import type { LoadedYaml } from './yaml-load';
import { findPair, nodeAtPath, nodePosition } from './yaml-nodes';

/** What is needed to explain a schema error: the document and the entries' safe names. */
export interface SchemaContext {
  yaml: LoadedYaml;
  /** By entry index: the repository name when it is safe, so keys survive reordering. */
  names: ReadonlyArray<string | null>;
  /**
   * By entry index: the name as written when it is a string, safe or not. An unsafe name keys
   * the entry's problems by its text, as the `unsafe-name` problem does, never by the index.
   */
  nameTexts: ReadonlyArray<string | null>;
}

/** Where an ajv error points: the entry (if any) and the path of fields inside it. */
interface ErrorPlace {
  segments: string[];
  index: number | null;
  fields: string[];
}

export function schemaErrorProblem(error: ErrorObject, context: SchemaContext): ListProblem {
  const place = placeOf(error.instancePath);
  const repository = place.index === null ? undefined : (context.names[place.index] ?? undefined);
  return schemaProblem(keyOf(error, place, context), messageOf(error, place, context), {
    position: positionOf(error, place, context.yaml),
    ...(repository ? { repository } : {}),
  });
}

/** The top-level entry field an error is about (`tracker` for `/repositories/2/tracker/x`). */
export function entryFieldOf(error: ErrorObject): { index: number; field: string } | null {
  const { index, fields } = placeOf(error.instancePath);
  const field = fields[0];
  return index === null || field === undefined ? null : { index, field };
}

function placeOf(instancePath: string): ErrorPlace {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] === 'repositories' && segments.length >= 2) {
    return { segments, index: Number(segments[1]), fields: segments.slice(2) };
  }
  return { segments, index: null, fields: segments };
}

function keyOf(error: ErrorObject, place: ErrorPlace, context: SchemaContext): string {
  const subject = place.index === null ? '' : entrySubject(place.index, context);
  const detail = paramOf(error);
  const pointer = place.fields.map((field) => `/${field}`).join('');
  return `schema:${subject}#${pointer}:${error.keyword}${detail ? `:${detail}` : ''}`;
}

/**
 * What identifies an entry in a key, so that a problem keeps its key when entries are inserted,
 * removed or moved: its safe name; else its unsafe name's text, quoted (a safe name has no
 * quotes, so the two never collide); else, for an entry with no name at all, its index.
 */
function entrySubject(index: number, context: SchemaContext): string {
  const safe = context.names[index];
  if (safe) return safe;
  const text = context.nameTexts[index];
  return typeof text === 'string' ? `unsafe-name:${quote(text, 200)}` : `/repositories/${index}`;
}

function paramOf(error: ErrorObject): string | null {
  const params: Record<string, unknown> = error.params;
  const value = params.additionalProperty ?? params.missingProperty;
  return typeof value === 'string' ? value : null;
}

function positionOf(error: ErrorObject, place: ErrorPlace, yaml: LoadedYaml): Position | null {
  const target = nodeAtPath(yaml.doc, place.segments);
  const extra = paramOf(error);
  if (error.keyword === 'additionalProperties' && extra !== null) {
    const pair = findPair(target.node, extra);
    if (isScalar(pair?.key)) return nodePosition(pair.key, yaml.lines);
  }
  return nodePosition(target.node, yaml.lines) ?? nodePosition(target.keyNode, yaml.lines);
}

function messageOf(error: ErrorObject, place: ErrorPlace, context: SchemaContext): string {
  if (place.index === null) return topLevelMessage(error);
  const entry = entryLabel(place.index, context);
  const field = place.fields.join('.');
  switch (error.keyword) {
    case 'required':
      return requiredMessage(entry, field, paramOf(error) ?? '');
    case 'additionalProperties':
      return unknownFieldMessage(error, entry, field);
    case 'type':
      return typeMessage(error, entry, field, context.yaml);
    case 'minimum':
      return `${subjectOf(entry, field)} must be 0 or more, not ${String(error.data)}.`;
    case 'minLength':
      return `${subjectOf(entry, field)} is empty: give it a value or remove the line.`;
    case 'pattern':
      return `${subjectOf(entry, field)} must be ${PATTERN_HINTS[field] ?? 'well formed'}, not ${quote(String(error.data))}.`;
    default:
      return `${subjectOf(entry, field)} ${error.message ?? 'is not valid'}.`;
  }
}

const PATTERN_HINTS: Record<string, string> = {
  'threat-analysis.date': 'a date written YYYY-MM-DD (for example 2024-05-01)',
  'threat-analysis.url': 'an http(s) URL',
  'liaison.email': 'an e-mail address',
};

function entryLabel(index: number, context: SchemaContext): string {
  return context.names[index] ?? `entry ${index + 1} of \`repositories\``;
}

/** The start of a sentence about a field of an entry, or about the entry itself. */
function subjectOf(entry: string, field: string): string {
  if (field !== '') return `\`${field}\` of ${entry}`;
  return entry.startsWith('entry ') ? `E${entry.slice(1)}` : entry;
}

function requiredMessage(entry: string, field: string, missing: string): string {
  if (field === '' && missing === 'name') {
    return `${subjectOf(entry, '')} has no \`name\`: add \`name: <namespace>/<name>\`.`;
  }
  if (field === 'removal' && missing === 'effective') {
    return (
      `\`removal\` of ${entry} needs \`effective\`: the first release no longer overseen, ` +
      'quoted (for example `effective: "6.0.0"`).'
    );
  }
  return `${subjectOf(entry, field)} needs the field \`${missing}\`.`;
}

function unknownFieldMessage(error: ErrorObject, entry: string, field: string): string {
  const known = Object.keys(error.parentSchema?.properties ?? {});
  return (
    `\`${paramOf(error) ?? '?'}\` is not a known field of ${field ? `\`${field}\` of ` : ''}${entry}: ` +
    `remove it or fix its spelling (known fields: ${known.join(', ')}).`
  );
}

function typeMessage(error: ErrorObject, entry: string, field: string, yaml: LoadedYaml): string {
  const expected = String((error.params as Record<string, unknown>).type);
  const { data } = error;
  if (field === '' && expected === 'object') {
    return `${subjectOf(entry, '')} must be a mapping such as \`- name: openstack/nova\`, not ${describe(data)}.`;
  }
  if (expected === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
    const written = sourceText(error, yaml);
    const key = field.split('.').pop() ?? field;
    return (
      `${subjectOf(entry, field)} must be a string, but ${written} was read as a ${typeof data}. ` +
      `Quote it: \`${key}: "${written}"\`${field === 'removal.effective' ? ' (versions are strings)' : ''}.`
    );
  }
  return `${subjectOf(entry, field)} must be ${article(expected)}, not ${describe(data)}.`;
}

function sourceText(error: ErrorObject, yaml: LoadedYaml): string {
  const node = nodeAtPath(yaml.doc, placeOf(error.instancePath).segments).node;
  const range = node?.range;
  return range ? yaml.text.slice(range[0], range[1]).trim() : String(error.data);
}

function article(type: string): string {
  const names: Record<string, string> = {
    integer: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
  };
  return names[type] ?? type;
}

function describe(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return `the string ${quote(data)}`;
  return `${typeof data === 'number' ? 'the number' : ''} ${String(data)}`.trim();
}

function topLevelMessage(error: ErrorObject): string {
  const extra = paramOf(error);
  if (error.keyword === 'additionalProperties' && extra !== null) {
    return `\`${extra}\` is not a known top-level key: the list holds only \`repositories:\`. Remove it or fix its spelling.`;
  }
  if (error.instancePath === '/repositories') {
    return `\`repositories\` must be a list of entries (\`- name: openstack/nova\`), not ${describe(error.data)}.`;
  }
  return 'The list must be a YAML mapping with a top-level `repositories:` list of entries.';
}
