import type Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SeverityOverrides } from '../engine/types';
import { ConfigurationError } from '../errors';
import { newAjv } from '../util/lazy-ajv';
import { packageRoot } from '../util/package-root';

export const CONFIG_FILE = '.vmt-oversight.yaml';

/** `.vmt-oversight.yaml`: defaults for flags, at the root of the list repository. */
export interface FileConfig {
  list?: string;
  governance?: string;
  releases?: string;
  'project-config'?: string;
  'repos-root'?: string;
  rules?: SeverityOverrides;
  /** Read by the vmt-oversight-check Zuul job only (the job takes no variables). */
  zuul?: ZuulJobConfig;
}

/** The `zuul:` block: where the Zuul job reads the change and fetches candidates from. */
export interface ZuulJobConfig {
  /** The Gerrit team-consent reads the change from; '' reads none. */
  gerrit?: string;
  /** Where missing candidate repositories are cloned from; '' clones none. */
  'git-url'?: string;
}

let validate: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  if (validate) return validate;
  const schemaFile = join(packageRoot(), 'schemas', 'config.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  return (validate = newAjv({ allErrors: true }).compile(schema));
}

export function parseConfig(text: string, where: string): FileConfig {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, maxAliasCount: 10 }) ?? {};
  } catch (error) {
    throw new ConfigurationError(`${where}: ${(error as Error).message}`);
  }
  const check = validator();
  if (!check(data)) {
    const problems = (check.errors ?? [])
      .map((e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`)
      .join('; ');
    throw new ConfigurationError(`${where} is invalid: ${problems}`);
  }
  return data as FileConfig;
}
