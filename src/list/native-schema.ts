import Ajv, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SCHEMA_FILE = 'oversight-list.schema.json';

/** The path of `schemas/oversight-list.schema.json`, from the sources or from the build. */
function oversightListSchemaPath(): string {
  // src/list/ under ts-jest, dist/src/list/ once built; `schemas/` sits at the package root.
  const candidates = [
    path.resolve(__dirname, '../../schemas', SCHEMA_FILE),
    path.resolve(__dirname, '../../../schemas', SCHEMA_FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(`vmt-oversight is not installed correctly: ${SCHEMA_FILE} is missing`);
  return found;
}

interface Validators {
  /** The top level, with entries left unchecked. */
  list: ValidateFunction;
  /** One entry (`#/definitions/repository`). */
  entry: ValidateFunction;
}

let compiled: Validators | undefined;

function validators(): Validators {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(oversightListSchemaPath(), 'utf8')) as AnySchemaObject;
  const ajv = new Ajv({ strict: true, allErrors: true, verbose: true });
  ajv.addSchema(schema, 'oversight-list');
  const entry = ajv.getSchema('oversight-list#/definitions/repository');
  if (!entry) throw new Error('oversight-list.schema.json has no definitions/repository');
  compiled = { list: ajv.compile(withUncheckedEntries(schema)), entry };
  return compiled;
}

function withUncheckedEntries(schema: AnySchemaObject): AnySchemaObject {
  const copy = structuredClone(schema);
  copy.properties.repositories.items = true;
  return copy;
}

/**
 * Schema errors of a native list document (none when it is valid). Entries are validated one by
 * one: ajv gathers errors under a `$ref` by concatenation, which is quadratic over one big array.
 */
export function nativeSchemaErrors(value: unknown): ErrorObject[] {
  const { list, entry } = validators();
  const errors = list(value) ? [] : [...(list.errors ?? [])];
  entriesOf(value).forEach((item, index) => {
    if (entry(item)) return;
    for (const error of entry.errors ?? []) {
      errors.push({ ...error, instancePath: `/repositories/${index}${error.instancePath}` });
    }
  });
  return errors;
}

function entriesOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null || !('repositories' in value)) return [];
  return Array.isArray(value.repositories) ? value.repositories : [];
}
