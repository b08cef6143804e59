import type Ajv from 'ajv';
import type { Options } from 'ajv';

/**
 * A new Ajv, its module loaded on the first call: ajv costs some 60 ms to load, and most runs
 * never validate a configuration file or a Gerrit reply (the list's validators are compiled
 * ahead of time). Synchronous, as the validators that use it are.
 */
export function newAjv(options: Options): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass(options);
}
