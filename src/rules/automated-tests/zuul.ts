/** Merges a repository's Zuul project stanzas and sorts what they run into tests and the rest. */
import type { DataRef, ZuulJobDefinition, ZuulProjectStanza } from '../../evidence/types';
import type { TestPipeline, ZuulCatalog } from '../../openstack/zuul-templates';
import { classifyTemplate, isNonTestJob } from '../../openstack/zuul-templates';

export type ItemVerdict = 'test' | 'non-test' | 'unknown' | 'not-on-branch' | 'non-voting';

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

const PIPELINES: readonly TestPipeline[] = ['check', 'gate'];
const MAX_PARENTS = 20;

/** Zuul matches a job variant's `branches` regexes at the start of the branch name. */
function runsOn(branches: string[] | null, branch: string): boolean {
  if (branches === null) return true;
  return branches.some((source) => {
    try {
      return new RegExp(`^(?:${source})`).test(branch);
    } catch {
      return source === branch;
    }
  });
}

/** A job is a test unless it, or an ancestor defined in the repository, is a known non-test. */
function jobIsTest(
  name: string,
  definitions: readonly ZuulJobDefinition[],
  catalog: ZuulCatalog,
): boolean {
  let current: string | null = name;
  for (let depth = 0; current !== null && depth < MAX_PARENTS; depth += 1) {
    if (isNonTestJob(current, catalog)) return false;
    const parent: string | null = definitions.find((d) => d.name === current)?.parent ?? null;
    current = parent;
  }
  return true;
}

function templateItems(stanza: ZuulProjectStanza, catalog: ZuulCatalog): ZuulItem[] {
  return stanza.templates.map((name) => {
    const found = classifyTemplate(name, catalog);
    const tests = found.kind === 'test' ? [...found.pipelines] : [];
    return { kind: 'template', name, pipeline: null, verdict: found.kind, tests, ref: stanza.ref };
  });
}

function jobItems(
  stanza: ZuulProjectStanza,
  definitions: readonly ZuulJobDefinition[],
  branch: string,
  catalog: ZuulCatalog,
): ZuulItem[] {
  return PIPELINES.flatMap((pipeline) =>
    (stanza.pipelines[pipeline] ?? []).map((job): ZuulItem => {
      const item = { kind: 'job' as const, name: job.name, pipeline, ref: stanza.ref };
      if (!runsOn(job.branches, branch)) return { ...item, verdict: 'not-on-branch', tests: [] };
      if (!jobIsTest(job.name, definitions, catalog))
        return { ...item, verdict: 'non-test', tests: [] };
      const voting = job.voting && definitions.find((d) => d.name === job.name)?.voting !== false;
      // A non-voting job in gate cannot stop a merge; in check it still runs the tests.
      if (!voting && pipeline === 'gate') return { ...item, verdict: 'non-voting', tests: [] };
      return { ...item, verdict: 'test', tests: [pipeline] };
    }),
  );
}

/** Everything the merged stanzas put into check and gate on the branch, classified. */
export function analyzeZuul(
  stanzas: readonly ZuulProjectStanza[],
  definitions: readonly ZuulJobDefinition[],
  branch: string,
  catalog: ZuulCatalog,
): ZuulItem[] {
  return stanzas.flatMap((stanza) => [
    ...templateItems(stanza, catalog),
    ...jobItems(stanza, definitions, branch, catalog),
  ]);
}

export function testsIn(items: readonly ZuulItem[], pipeline: TestPipeline): ZuulItem[] {
  return items.filter((item) => item.tests.includes(pipeline));
}
