/**
 * The catalog of known Zuul templates and jobs. `data/zuul-templates.yaml` at the package root
 * is the single source of truth; it is read once, synchronously, as configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

export type TestPipeline = 'check' | 'gate';

export interface ZuulCatalog {
  testTemplates: ReadonlyMap<string, readonly TestPipeline[]>;
  testTemplatePatterns: readonly { pattern: RegExp; pipelines: readonly TestPipeline[] }[];
  nonTestTemplates: ReadonlySet<string>;
  nonTestJobs: ReadonlySet<string>;
  nonTestJobPatterns: readonly RegExp[];
  /** Jobs central repositories define, with the repository that owns them. */
  centralJobs: readonly { owner: string; pattern: RegExp }[];
  /** Repositories that define the catalog's templates. */
  templateOwners: ReadonlySet<string>;
}

export type TemplateClass =
  { kind: 'test'; pipelines: readonly TestPipeline[] } | { kind: 'non-test' } | { kind: 'unknown' };

export const CATALOG_FILE = 'data/zuul-templates.yaml';
/** The same shape for the Zuul v2 layout (project-config zuul/layout.yaml, before 2017-09). */
export const CATALOG_V2_FILE = 'data/zuul-v2-templates.yaml';

/** A malformed catalog; parseZuulCatalog names the file. */
class CatalogShapeError extends Error {}

function fail(message: string): never {
  throw new CatalogShapeError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    return fail(`'${key}' must be a list of strings`);
  }
  return value;
}

function pipelines(value: unknown, key: string): TestPipeline[] {
  const list = strings(value, key);
  if (!list.every((p): p is TestPipeline => p === 'check' || p === 'gate')) {
    return fail(`'${key}' may list only check and gate`);
  }
  return list;
}

function pipelineMap(value: unknown, key: string): [string, TestPipeline[]][] {
  if (!isRecord(value)) return fail(`'${key}' must be a mapping`);
  return Object.entries(value).map(([name, p]) => [name, pipelines(p, `${key}.${name}`)]);
}

function centralJobs(value: unknown): { owner: string; pattern: RegExp }[] {
  if (!isRecord(value)) return fail("'central-jobs' must be a mapping");
  return Object.entries(value).flatMap(([owner, patterns]) =>
    strings(patterns, `central-jobs.${owner}`).map((source) => ({
      owner,
      pattern: new RegExp(source),
    })),
  );
}

/** Parses and validates the catalog text; throws with the file name on a malformed catalog. */
export function parseZuulCatalog(text: string, file = CATALOG_FILE): ZuulCatalog {
  try {
    return readCatalog(parse(text));
  } catch (error) {
    if (error instanceof CatalogShapeError) throw new Error(`${file}: ${error.message}`);
    throw error;
  }
}

function readCatalog(data: unknown): ZuulCatalog {
  if (!isRecord(data)) return fail('must be a mapping');
  return {
    testTemplates: new Map(pipelineMap(data['test-templates'], 'test-templates')),
    testTemplatePatterns: pipelineMap(
      data['test-template-patterns'] ?? {},
      'test-template-patterns',
    ).map(([source, p]) => ({ pattern: new RegExp(source), pipelines: p })),
    nonTestTemplates: new Set(strings(data['non-test-templates'], 'non-test-templates')),
    nonTestJobs: new Set(strings(data['non-test-jobs'], 'non-test-jobs')),
    nonTestJobPatterns: strings(data['non-test-job-patterns'], 'non-test-job-patterns').map(
      (source) => new RegExp(source),
    ),
    centralJobs: centralJobs(data['central-jobs'] ?? {}),
    templateOwners: new Set(strings(data['template-owners'] ?? [], 'template-owners')),
  };
}

/** The catalog file, found by walking up from this module (works from src/ and dist/src/). */
function findCatalogFile(file: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${file}: not found above ${__dirname}`);
    dir = parent;
  }
}

let loaded: ZuulCatalog | null = null;
let loadedV2: ZuulCatalog | null = null;

/** The package's catalog, read on first use. */
export function zuulCatalog(): ZuulCatalog {
  loaded ??= parseZuulCatalog(readFileSync(findCatalogFile(CATALOG_FILE), 'utf8'));
  return loaded;
}

/** The package's Zuul v2 catalog, read on first use. */
export function zuulV2Catalog(): ZuulCatalog {
  const file = CATALOG_V2_FILE;
  loadedV2 ??= parseZuulCatalog(readFileSync(findCatalogFile(file), 'utf8'), file);
  return loadedV2;
}

export function classifyTemplate(name: string, catalog: ZuulCatalog): TemplateClass {
  const listed = catalog.testTemplates.get(name);
  if (listed) return { kind: 'test', pipelines: listed };
  if (catalog.nonTestTemplates.has(name)) return { kind: 'non-test' };
  const matched = catalog.testTemplatePatterns.find((entry) => entry.pattern.test(name));
  if (matched) return { kind: 'test', pipelines: matched.pipelines };
  return { kind: 'unknown' };
}

/** A job that is known not to test the code (by exact name or pattern). */
export function isNonTestJob(name: string, catalog: ZuulCatalog): boolean {
  return catalog.nonTestJobs.has(name) || catalog.nonTestJobPatterns.some((p) => p.test(name));
}

/** The central repository that defines a job of this name, or null. */
export function centralJobOwner(name: string, catalog: ZuulCatalog): string | null {
  return catalog.centralJobs.find((entry) => entry.pattern.test(name))?.owner ?? null;
}
