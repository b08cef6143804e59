import type { ValidateFunction } from 'ajv';
import { GerritError } from './errors';

/** Gerrit's guard against cross-site script inclusion, on the first line of every JSON reply. */
export const XSSI_PREFIX = ")]}'";

/** Strips the `)]}'` line, parses, and validates the shape; anything else is a protocol error. */
export function parseGerritJson<T>(body: string, validate: ValidateFunction<T>, what: string): T {
  const text = body.startsWith(XSSI_PREFIX) ? body.slice(XSSI_PREFIX.length) : body;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GerritError('protocol', `Gerrit's reply to ${what} is not JSON`);
  }
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where = first ? ` (${first.instancePath || 'top level'} ${first.message ?? ''})` : '';
    throw new GerritError('protocol', `Gerrit's reply to ${what} has an unexpected shape${where}`);
  }
  return data;
}
