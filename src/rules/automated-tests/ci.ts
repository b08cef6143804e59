/** The CI part of clause 7: tests in check and gate, from in-repo Zuul merged with project-config. */
import type {
  ProjectConfigFacts,
  RepositoryFacts,
  ZuulProjectStanza,
  ZuulV2Layout,
} from '../../evidence/types';
import type { EvidenceRecord } from '../../findings/finding';
import { refValue, sample } from '../../openstack/evidence';
import {
  CATALOG_FILE,
  CATALOG_V2_FILE,
  zuulCatalog,
  zuulV2Catalog,
} from '../../openstack/zuul-templates';
import type { Citation } from '../../findings/finding';
import { citeData } from '../../openstack/cite';
import { citeItems, citeNoZuulProject } from './cite';
import type { Context } from './messages';
import type { ZuulItem } from './zuul';
import { analyzeZuul, shadowingProblems, testsIn } from './zuul';
import { narrowToLayout, undefinedTemplates, v2Where } from './v2';

interface CiFacts {
  items: ZuulItem[];
  /** Why the in-repo Zuul configuration cannot be known (unreadable files, shadowed names). */
  problems: string[];
  /** Why project-config's central entry was not examined. */
  missing: string | undefined;
  /** `on master (in-repo zuul.d merged with project-config)`. */
  where: string;
  /** The catalog file the items were classified by. */
  catalogFile: string;
  /** Other reasons the items cannot all be classified (Zuul v2: templates the layout lacks). */
  unverifiable?: string[];
}

type Reporter = Pick<Context, 'report' | 'unavailable'>;

function names(items: readonly ZuulItem[]): string {
  return sample([...new Set(items.map((i) => i.name))]);
}

function itemValue(item: ZuulItem): EvidenceRecord {
  return {
    kind: item.kind,
    name: item.name,
    pipeline: item.pipeline,
    verdict: item.verdict,
    ref: refValue(item.ref),
  };
}

function stanzas(
  repository: RepositoryFacts,
  projectConfig: ProjectConfigFacts | undefined,
): ZuulProjectStanza[] {
  const central = projectConfig?.zuul;
  return [...(repository.zuul?.projects ?? []), ...(central ? [central] : [])];
}

function ciFacts(
  repository: RepositoryFacts,
  projectConfig: ProjectConfigFacts | undefined,
  missing: string | undefined,
): { facts: CiFacts; cite: EvidenceRecord } {
  const branch = repository.evaluated.branch;
  const zuul = repository.zuul;
  const catalog = zuulCatalog();
  const defined = {
    repository: repository.name,
    jobs: zuul?.jobs ?? [],
    templates: zuul?.templates ?? [],
  };
  const items = analyzeZuul(stanzas(repository, projectConfig), defined, branch, catalog);
  const merged = missing ? '' : ' merged with project-config';
  const facts: CiFacts = {
    items,
    problems: [...(zuul?.problems ?? []), ...shadowingProblems(defined, catalog)],
    missing,
    where: `on ${branch} (in-repo ${zuul?.location ?? 'none'}${merged})`,
    catalogFile: CATALOG_FILE,
  };
  const cite: EvidenceRecord = {
    branch,
    commit: repository.evaluated.commit,
    inRepo: zuul ? { location: zuul.location, files: zuul.files, problems: facts.problems } : null,
    projectConfig: projectConfig?.zuul ? refValue(projectConfig.zuul.ref) : (missing ?? null),
    items: items.map(itemValue),
    catalog: CATALOG_FILE,
  };
  return { facts, cite };
}

/** Before Zuul v3 only project-config's layout counts; the repository's files are not read. */
function v2Facts(
  repository: RepositoryFacts,
  layout: ZuulV2Layout,
  central: ZuulProjectStanza | null,
): { facts: CiFacts; cite: EvidenceRecord } {
  const branch = repository.evaluated.branch;
  const defined = { repository: repository.name, jobs: [], templates: [] };
  const analyzed = analyzeZuul(central ? [central] : [], defined, branch, zuulV2Catalog());
  const items = narrowToLayout(analyzed, layout);
  const facts: CiFacts = {
    items,
    problems: [],
    missing: undefined,
    where: v2Where(branch),
    catalogFile: CATALOG_V2_FILE,
    unverifiable: undefinedTemplates(items),
  };
  const cite: EvidenceRecord = {
    branch,
    layout: refValue(central?.ref ?? layout.ref),
    items: items.map(itemValue),
    catalog: CATALOG_V2_FILE,
  };
  return { facts, cite };
}

/** Why "no test" cannot be concluded: an item the catalog does not know, or a missing source. */
function cannotTell(facts: CiFacts, context: Reporter): boolean {
  const { where, catalogFile } = facts;
  if (facts.missing) {
    context.unavailable(
      'projectConfig',
      `no known test job in check or gate ${where}, and project-config's central entry was not examined: ${facts.missing}`,
    );
    return true;
  }
  const unknown = facts.items.filter((i) => i.verdict === 'unknown');
  const templates = unknown.filter((i) => i.kind === 'template');
  const jobs = unknown.filter((i) => i.kind === 'job');
  const why = [
    templates.length > 0
      ? `templates unknown to ${catalogFile}: ${names(templates)} (classify them there)`
      : '',
    jobs.length > 0
      ? `jobs neither defined in the repository nor known to ${catalogFile}: ${names(jobs)}`
      : '',
    ...(facts.unverifiable ?? []),
  ].filter(Boolean);
  if (why.length === 0) return false;
  context.unavailable(
    'repository',
    `no known test job in check or gate ${where}; ${why.join('; ')}`,
  );
  return true;
}

/** What each finding rests on, from the facts read. */
interface CiCitations {
  items(items: readonly ZuulItem[]): Citation[];
  /** The Zuul configuration read and found without a project stanza. */
  none(): Citation[];
}

function judge(facts: CiFacts, cite: EvidenceRecord, citing: CiCitations, context: Reporter): void {
  const { where } = facts;
  if (facts.problems.length > 0) {
    // Zuul refuses a configuration with errors; what the broken part would run is unknown.
    const problems = sample(facts.problems, 3);
    context.unavailable(
      'repository',
      `the in-repo Zuul configuration ${where} cannot be read: ${problems}`,
    );
    return;
  }
  const check = testsIn(facts.items, 'check');
  const gate = testsIn(facts.items, 'gate');
  if (check.length > 0 && gate.length > 0) {
    const data = { check: names(check), gate: names(gate), where };
    const citations = citing.items([...check, ...gate]);
    context.report({ messageId: 'testsInCheckAndGate', data, severity: 'info', cite, citations });
    return;
  }
  if (check.length > 0 || gate.length > 0) {
    const [has, lacks, tests] =
      check.length > 0 ? ['check', 'gate', check] : ['gate', 'check', gate];
    const data = { has, tests: names(tests), where, lacks };
    // What runs in the other pipeline, read and found without a test, is cited after the tests.
    const citations = citing.items([...tests, ...facts.items.filter((i) => !tests.includes(i))]);
    context.report({ messageId: 'testsInOnePipeline', data, severity: 'warning', cite, citations });
    return;
  }
  if (cannotTell(facts, context)) return;
  if (facts.items.length === 0) {
    const citations = citing.none();
    context.report({
      messageId: 'noZuulProject',
      data: { where },
      severity: 'error',
      cite,
      citations,
    });
    return;
  }
  const data = { where, items: names(facts.items) };
  const citations = citing.items(facts.items);
  context.report({ messageId: 'onlyNonTests', data, severity: 'error', cite, citations });
}

/** Reports whether tests run in check and gate, or why that cannot be told. */
export function reportCi(context: Context): void {
  const { repository, projectConfig } = context.evidence;
  const layout = projectConfig?.zuulV2;
  const { facts, cite } = layout
    ? v2Facts(repository, layout, projectConfig.zuul)
    : ciFacts(repository, projectConfig, context.missing.projectConfig);
  const citing: CiCitations = {
    items: (items) => citeItems(repository, items),
    none: () =>
      layout
        ? [citeData(layout.ref, `no project entry for ${repository.name}`)]
        : citeNoZuulProject(repository, projectConfig),
  };
  judge(facts, cite, citing, context);
}
