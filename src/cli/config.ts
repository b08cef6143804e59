import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '../errors';
import type { SeverityOverrides } from '../engine/types';
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
}

let validate: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  if (validate) return validate;
  const schemaFile = join(packageRoot(), 'schemas', 'config.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  return (validate = new Ajv({ allErrors: true }).compile(schema));
}

/** Reads the config at `repo`, or returns an empty one when there is none. */
export function loadConfig(repo: string): FileConfig {
  const file = join(repo, CONFIG_FILE);
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { uniqueKeys: true, maxAliasCount: 10 }) ?? {};
  } catch (error) {
    throw new ConfigurationError(`${CONFIG_FILE}: ${(error as Error).message}`);
  }
  const check = validator();
  if (!check(data)) {
    const problems = (check.errors ?? [])
      .map((e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`)
      .join('; ');
    throw new ConfigurationError(`${CONFIG_FILE} is invalid: ${problems}`);
  }
  return data as FileConfig;
}
