import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/findings/report';

const schema = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'schemas', 'report.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Parses a JSON report and fails the test unless it validates against the report schema. */
export function parseValidReport(text: string): Report {
  const data: unknown = JSON.parse(text);
  if (!validate(data)) {
    throw new Error(`report does not match the schema: ${JSON.stringify(validate.errors)}`);
  }
  return data as Report;
}
