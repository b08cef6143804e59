import type { ErrorObject } from 'ajv';
import { validators } from './native-validators.generated';

/**
 * Schema errors of a native list document (none when it is valid). Entries are validated one by
 * one: ajv gathers errors under a `$ref` by concatenation, which is quadratic over one big array.
 * The validators are ajv's code for `schemas/oversight-list.schema.json`, generated ahead of time
 * (`native-validators-code.ts`) so that no run pays for compiling the schema.
 */
export function nativeSchemaErrors(value: unknown): ErrorObject[] {
  const { list, entry } = validators;
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
