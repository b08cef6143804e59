import type { ErrorObject } from 'ajv';
import { isScalar, type LineCounter } from 'yaml';
import { DECLARED_FIELDS, type Candidate, type ReadResult } from './candidates';
import type { DeclaredField, DeclaredFields } from './model';
import { isSafeRepositoryName } from './names';
import { nativeSchemaErrors } from './native-schema';
import { LIST_LIMITS } from './limits';
import { entryFieldOf, schemaErrorProblem } from './schema-messages';
import type { LoadedYaml } from './yaml-load';
import { findPair, nodeAtPath, nodePosition } from './yaml-nodes';

type Item = Record<string, unknown>;

/** Reads a native list: schema errors become problems, valid fields become declarations. */
export function readNative(yaml: LoadedYaml): ReadResult {
  const items = itemsOf(yaml.value);
  const nameTexts = items.map((item) => (typeof item?.name === 'string' ? item.name : null));
  const names = nameTexts.map((name) => (isSafeRepositoryName(name) ? name : null));
  const errors = nativeSchemaErrors(yaml.value);
  // Only the problems that will be shown are located: locating is not free on huge files.
  const problems = errors
    .slice(0, LIST_LIMITS.maxProblems + 1)
    .map((error) => schemaErrorProblem(error, { yaml, names, nameTexts }));
  const invalid = invalidFields(errors);
  const candidates: Candidate[] = [];
  items.forEach((item, index) => {
    if (typeof item?.name !== 'string') return;
    candidates.push(candidate(yaml, item, item.name, index, invalid.get(index) ?? new Set()));
  });
  return { candidates, problems };
}

function itemsOf(value: unknown): (Item | null)[] {
  if (!isItem(value) || !Array.isArray(value.repositories)) return [];
  return value.repositories.map((item: unknown) => (isItem(item) ? item : null));
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level fields of each entry that failed the schema, by entry index. */
function invalidFields(errors: readonly ErrorObject[]): Map<number, Set<string>> {
  const invalid = new Map<number, Set<string>>();
  for (const error of errors) {
    const place = entryFieldOf(error);
    if (!place) continue;
    const fields = invalid.get(place.index) ?? new Set<string>();
    fields.add(place.field);
    invalid.set(place.index, fields);
  }
  return invalid;
}

function candidate(
  yaml: LoadedYaml,
  item: Item,
  name: string,
  index: number,
  invalid: ReadonlySet<string>,
): Candidate {
  const node = nodeAtPath(yaml.doc, ['repositories', String(index)]).node;
  const declared = declaredFields(item, invalid);
  return {
    name,
    position: nodePosition(node, yaml.lines) ?? { line: 1 },
    declared,
    fieldLines: fieldLines(node, Object.keys(declared) as DeclaredField[], yaml.lines),
  };
}

/** Fields that passed the schema. A field with an error is left out rather than guessed at. */
function declaredFields(item: Item, invalid: ReadonlySet<string>): DeclaredFields {
  const declared: Partial<Record<DeclaredField, unknown>> = {};
  for (const field of DECLARED_FIELDS) {
    if (item[field] !== undefined && !invalid.has(field)) declared[field] = item[field];
  }
  // The schema has checked the shape of every field kept.
  return declared as DeclaredFields;
}

function fieldLines(
  node: unknown,
  fields: readonly DeclaredField[],
  lines: LineCounter,
): Candidate['fieldLines'] {
  const result: Candidate['fieldLines'] = {};
  for (const field of fields) {
    const key = findPair(node, field)?.key;
    const line = isScalar(key) ? nodePosition(key, lines)?.line : undefined;
    if (line !== undefined) result[field] = line;
  }
  return result;
}
