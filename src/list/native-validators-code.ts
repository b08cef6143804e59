import Ajv, { type AnySchemaObject } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

/** Where the generated validators live, next to this file. */
export const GENERATED_FILE = 'native-validators.generated.ts';

/** The ids the two validators are compiled under. */
const LIST_ID = 'oversight-list';
const TOP_ID = 'oversight-list-top';

/**
 * The source of `native-validators.generated.ts`: the schema's two validators (the top level
 * with entries unchecked, and one entry) as ajv's standalone code, so no run compiles the
 * schema (ajv's code generation costs ~70 ms, loading ajv ~60 ms, on every run).
 * `native-validators.test.ts` fails when the checked-in file differs from this text.
 */
export function nativeValidatorsModule(schemaText: string): string {
  const schema = JSON.parse(schemaText) as AnySchemaObject;
  const ajv = new Ajv({ strict: true, allErrors: true, verbose: true, code: { source: true } });
  ajv.addSchema(schema, LIST_ID);
  ajv.addSchema({ ...withUncheckedEntries(schema), $id: TOP_ID });
  const code = standaloneCode(ajv, { list: TOP_ID, entry: `${LIST_ID}#/definitions/repository` });
  return [
    '// Generated from schemas/oversight-list.schema.json by src/list/native-validators-code.ts:',
    '// do not edit. Regenerate with `VMT_REGENERATE=1 npx jest src/list/native-validators`.',
    '/* eslint-disable */',
    '// @ts-nocheck',
    "import type { ValidateFunction } from 'ajv';",
    '',
    '// prettier-ignore',
    `const generated = ((exports) => {${code};return exports;})({});`,
    '',
    'export const validators: { list: ValidateFunction; entry: ValidateFunction } = generated;',
    '',
  ].join('\n');
}

/** The schema with `repositories.items` accepting anything: entries are validated one by one. */
function withUncheckedEntries(schema: AnySchemaObject): AnySchemaObject {
  const copy = structuredClone(schema);
  copy.properties.repositories.items = true;
  return copy;
}
