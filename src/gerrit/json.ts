import type { ValidateFunction } from 'ajv';
import { GerritError } from './errors';

/** Gerrit's guard against cross-site script inclusion, on the first line of every JSON reply. */
const XSSI_PREFIX = ")]}'";

/** ChangeInfo nests about seven levels deep; anything far deeper is not a Gerrit answer. */
export const MAX_JSON_DEPTH = 32;

/**
 * Requires the `)]}'` line (a reply without it did not come from Gerrit's REST layer: a proxy's
 * page, a captive portal, a hostile server), bounds the nesting, parses, and validates the shape;
 * anything else is a protocol error, never a reading.
 */
export function parseGerritJson<T>(body: string, validate: ValidateFunction<T>, what: string): T {
  if (!body.startsWith(XSSI_PREFIX)) {
    throw new GerritError(
      'protocol',
      `Gerrit's reply to ${what} does not start with ${XSSI_PREFIX}: it is not a Gerrit REST answer`,
    );
  }
  const text = body.slice(XSSI_PREFIX.length);
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new GerritError(
      'protocol',
      `Gerrit's reply to ${what} nests more than ${MAX_JSON_DEPTH} levels deep: refused unread`,
    );
  }
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

/** The deepest `[`/`{` nesting outside strings; stops counting past the limit. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
