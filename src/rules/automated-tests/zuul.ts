/** Merges a repository's Zuul project stanzas and sorts what they run into tests and the rest. */
import type {
  DataRef,
  ZuulJobDefinition,
  ZuulJobRef,
  ZuulProjectStanza,
  ZuulTemplateDefinition,
} from '../../evidence/types';
import type { TestPipeline, ZuulCatalog } from '../../openstack/zuul-templates';
import { centralJobOwner, classifyTemplate, isNonTestJob } from '../../openstack/zuul-templates';

export type ItemVerdict =
  | 'test'
  | 'non-test'
  | 'unknown'
  | 'not-on-branch'
  | 'non-voting'
  /** Zuul v2: a template the layout uses but does not define. */
  | 'undefined';

export interface ZuulItem {
  kind: 'template' | 'job';
  name: string;
  /** The pipeline a job is listed in; null for templates. */
  pipeline: string | null;
  verdict: ItemVerdict;
  /** Pipelines where this item runs tests. */
  tests: TestPipeline[];
  ref: DataRef;
}

/** What the repository defines itself, and who it is (to tell its own jobs from shadows). */
export interface InRepoDefinitions {
  repository: string;
  jobs: readonly ZuulJobDefinition[];
  templates: readonly ZuulTemplateDefinition[];
}

const PIPELINES: readonly TestPipeline[] = ['check', 'gate'];
const MAX_PARENTS = 20;

/** Zuul matches a job variant's `branches` regexes at the start of the branch name. */
function runsOn(branches: string[] | null, branch: string): boolean {
  if (branches === null) return true;
  return branches.some((source) => {
    const pattern = branchPattern(source);
    return pattern === null ? source === branch : pattern.test(branch);
  });
}

// The same few branch patterns recur in every repository: each is compiled once (null: not a
// regex, matched as a name). Bounded: past this many the memo starts over.
const MAX_PATTERNS = 1000;
const branchPatterns = new Map<string, RegExp | null>();

function branchPattern(source: string): RegExp | null {
  let pattern = branchPatterns.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(`^(?:${source})`);
    } catch {
      pattern = null;
    }
    if (branchPatterns.size >= MAX_PATTERNS) branchPatterns.clear();
    branchPatterns.set(source, pattern);
  }
  return pattern;
}

type JobClass = 'test' | 'non-test' | 'unknown';

/**
 * A job defined in the repository is a test unless it, or an ancestor, is a known non-test or
 * abstract; a job defined elsewhere is known only through the catalog's central jobs.
 */
function classifyJob(name: string, defined: InRepoDefinitions, catalog: ZuulCatalog): JobClass {
  let current: string | null = name;
  for (let depth = 0; current !== null && depth < MAX_PARENTS; depth += 1) {
    if (isNonTestJob(current, catalog)) return 'non-test';
    const here: string = current;
    const definitions: ZuulJobDefinition[] = defined.jobs.filter((d) => d.name === here);
    if (definitions.length === 0) {
      if (depth > 0) return 'test';
      return centralJobOwner(current, catalog) === null ? 'unknown' : 'test';
    }
    if (depth === 0 && definitions.some((d) => d.abstract === true)) return 'non-test';
    current = definitions.find((d) => d.parent !== null)?.parent ?? null;
  }
  return 'test';
}

/** `voting` is inherited: the first definition up the in-repo parent chain that sets it. */
function votes(job: ZuulJobRef, defined: InRepoDefinitions): boolean {
  if (!job.voting) return false;
  let current: string | null = job.name;
  for (let depth = 0; current !== null && depth < MAX_PARENTS; depth += 1) {
    const here: string = current;
    const definitions: ZuulJobDefinition[] = defined.jobs.filter((d) => d.name === here);
    const set = definitions.filter((d) => d.voting !== undefined);
    if (set.length > 0) return set.every((d) => d.voting === true);
    current = definitions.find((d) => d.parent !== null)?.parent ?? null;
  }
  return true;
}

function templateItems(
  stanza: ZuulProjectStanza,
  defined: InRepoDefinitions,
  branch: string,
  catalog: ZuulCatalog,
): ZuulItem[] {
  return stanza.templates.flatMap((name): ZuulItem[] => {
    const own = defined.templates.find((t) => t.name === name);
    // The repository's own template: what it puts in check and gate is judged job by job.
    if (own) return jobItems(own.stanza, defined, branch, catalog);
    const found = classifyTemplate(name, catalog);
    const tests = found.kind === 'test' ? [...found.pipelines] : [];
    return [
      { kind: 'template', name, pipeline: null, verdict: found.kind, tests, ref: stanza.ref },
    ];
  });
}

function jobItems(
  stanza: ZuulProjectStanza,
  defined: InRepoDefinitions,
  branch: string,
  catalog: ZuulCatalog,
): ZuulItem[] {
  return PIPELINES.flatMap((pipeline) =>
    (stanza.pipelines[pipeline] ?? []).map((job): ZuulItem => {
      const item = { kind: 'job' as const, name: job.name, pipeline, ref: stanza.ref };
      if (!runsOn(job.branches, branch)) return { ...item, verdict: 'not-on-branch', tests: [] };
      const kind = classifyJob(job.name, defined, catalog);
      if (kind !== 'test') return { ...item, verdict: kind, tests: [] };
      // A non-voting job in gate cannot stop a merge; in check it still runs the tests.
      if (!votes(job, defined) && pipeline === 'gate') {
        return { ...item, verdict: 'non-voting', tests: [] };
      }
      return { ...item, verdict: 'test', tests: [pipeline] };
    }),
  );
}

/** Everything the merged stanzas put into check and gate on the branch, classified. */
export function analyzeZuul(
  stanzas: readonly ZuulProjectStanza[],
  defined: InRepoDefinitions,
  branch: string,
  catalog: ZuulCatalog,
): ZuulItem[] {
  return stanzas.flatMap((stanza) => [
    ...templateItems(stanza, defined, branch, catalog),
    ...jobItems(stanza, defined, branch, catalog),
  ]);
}

/**
 * In-repo definitions Zuul refuses because another project owns the name: a job the catalog
 * says a central repository defines, a template of the catalog's. Zuul reports a configuration
 * error for them, and which definition would run cannot be told from the repository.
 */
export function shadowingProblems(defined: InRepoDefinitions, catalog: ZuulCatalog): string[] {
  const jobs = defined.jobs.flatMap((job) => {
    const owner = centralJobOwner(job.name, catalog);
    if (owner === null || owner === defined.repository) return [];
    return [
      `${job.ref.file}${job.ref.line === undefined ? '' : ` line ${job.ref.line}`} redefines ` +
        `job ${job.name}, which ${owner} defines (Zuul refuses a job that shadows another project's)`,
    ];
  });
  const templates = catalog.templateOwners.has(defined.repository)
    ? []
    : defined.templates.flatMap((template) => {
        if (classifyTemplate(template.name, catalog).kind === 'unknown') return [];
        const { file, line } = template.stanza.ref;
        return [
          `${file}${line === undefined ? '' : ` line ${line}`} redefines project-template ` +
            `${template.name}, a template of openstack-zuul-jobs (Zuul refuses a template defined twice)`,
        ];
      });
  return [...new Set([...jobs, ...templates])];
}

export function testsIn(items: readonly ZuulItem[], pipeline: TestPipeline): ZuulItem[] {
  return items.filter((item) => item.tests.includes(pipeline));
}
