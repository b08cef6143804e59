import type { ProjectConfigFacts, RepositoryFacts, ZuulProjectStanza } from '../../evidence/types';
import { refValue, sample } from '../../openstack/evidence';
import { CATALOG_FILE, zuulCatalog } from '../../openstack/zuul-templates';
import type { EvidenceRecord } from '../../findings/finding';
import type { RepositoryRule, RuleResult } from '../types';
import { entryText, runsTests } from './local';
import type { ZuulItem } from './zuul';
import { analyzeZuul, shadowingProblems, testsIn } from './zuul';

const CLAUSE = 'policy clause 7';

function itemValue(item: ZuulItem): EvidenceRecord {
  return {
    kind: item.kind,
    name: item.name,
    pipeline: item.pipeline,
    verdict: item.verdict,
    ref: refValue(item.ref),
  };
}

function names(items: readonly ZuulItem[]): string {
  return sample([...new Set(items.map((i) => i.name))]);
}

function stanzas(
  repository: RepositoryFacts,
  projectConfig: ProjectConfigFacts | undefined,
): ZuulProjectStanza[] {
  const central = projectConfig?.zuul;
  return [...(repository.zuul?.projects ?? []), ...(central ? [central] : [])];
}

interface CiFacts {
  items: ZuulItem[];
  /** Why the in-repo Zuul configuration cannot be known (unreadable files, shadowed names). */
  problems: string[];
  /** Why project-config's central entry was not examined. */
  missing: string | undefined;
  /** `on master (in-repo zuul.d merged with project-config)`. */
  where: string;
}

type Judgment = Pick<RuleResult, 'severity' | 'message' | 'unavailable'>;

function unavailableResult(reason: string): Judgment {
  return { severity: 'error', message: reason, unavailable: { kind: 'repository', reason } };
}

/** Why "no test" cannot be concluded: an item the catalog does not know, or a missing source. */
function cannotTell(facts: CiFacts): Judgment | null {
  const unknown = facts.items.filter((i) => i.verdict === 'unknown');
  const templates = unknown.filter((i) => i.kind === 'template');
  const jobs = unknown.filter((i) => i.kind === 'job');
  const why = [
    templates.length > 0
      ? `templates unknown to ${CATALOG_FILE}: ${names(templates)} (classify them there)`
      : '',
    jobs.length > 0
      ? `jobs neither defined in the repository nor known to ${CATALOG_FILE}: ${names(jobs)}`
      : '',
  ].filter(Boolean);
  if (facts.missing) {
    const reason = `no known test job in check or gate ${facts.where}, and project-config's central entry was not examined: ${facts.missing} (${CLAUSE})`;
    return { severity: 'error', message: reason, unavailable: { kind: 'projectConfig', reason } };
  }
  if (why.length === 0) return null;
  return unavailableResult(
    `no known test job in check or gate ${facts.where}; ${why.join('; ')} (${CLAUSE})`,
  );
}

function judge(facts: CiFacts): Judgment {
  const { where } = facts;
  if (facts.problems.length > 0) {
    // Zuul refuses a configuration with errors; what the broken part would run is unknown.
    return unavailableResult(
      `the in-repo Zuul configuration ${where} cannot be read: ${sample(facts.problems, 3)} (${CLAUSE})`,
    );
  }
  const check = testsIn(facts.items, 'check');
  const gate = testsIn(facts.items, 'gate');
  if (check.length > 0 && gate.length > 0) {
    return {
      severity: 'info',
      message: `Tests run in check (${names(check)}) and gate (${names(gate)}) ${where} (${CLAUSE}).`,
    };
  }
  if (check.length > 0 || gate.length > 0) {
    const [has, lacks, tests] =
      check.length > 0 ? ['check', 'gate', check] : ['gate', 'check', gate];
    return {
      severity: 'warning',
      message: `Tests run in ${has} only (${names(tests)}) ${where}: add a test job or template to ${lacks} too (${CLAUSE}).`,
    };
  }
  const unknown = cannotTell(facts);
  if (unknown) return unknown;
  const found =
    facts.items.length > 0
      ? `only ${names(facts.items)}, which are not tests`
      : 'no Zuul project configuration';
  return {
    severity: 'error',
    message:
      `No automated test runs in OpenStack CI ${where}: found ${found}. Add test jobs or a test ` +
      'template (e.g. openstack-python3-jobs) to check and gate in zuul.yaml, zuul.d/, .zuul.yaml ' +
      `or .zuul.d/ (${CLAUSE}).`,
  };
}

function ciResult(
  repository: RepositoryFacts,
  projectConfig: ProjectConfigFacts | undefined,
  missing: string | undefined,
): RuleResult {
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
  };
  const evidence: EvidenceRecord = {
    branch,
    commit: repository.evaluated.commit,
    inRepo: zuul ? { location: zuul.location, files: zuul.files, problems: facts.problems } : null,
    projectConfig: projectConfig?.zuul ? refValue(projectConfig.zuul.ref) : (missing ?? null),
    items: items.map(itemValue),
    catalog: CATALOG_FILE,
  };
  return { ...judge(facts), evidence };
}

function localResult(repository: RepositoryFacts): RuleResult {
  const runnable = repository.testEntryPoints.filter(runsTests);
  const evidence: EvidenceRecord = {
    commit: repository.evaluated.commit,
    entryPoints: repository.testEntryPoints.map((e) => ({
      kind: e.kind,
      file: e.file,
      targets: [...e.targets],
      ...(e.unreadable === undefined ? {} : { unreadable: e.unreadable }),
    })),
  };
  if (runnable.length > 0) {
    return {
      severity: 'info',
      message: `Tests can run locally: ${runnable.map(entryText).join('; ')} (${CLAUSE}).`,
      evidence,
    };
  }
  const unread = repository.testEntryPoints.filter((e) => e.unreadable !== undefined);
  if (unread.length > 0) {
    return {
      severity: 'warning',
      message:
        `Cannot tell whether tests can run locally: ${unread.map((e) => `${e.file} ${e.unreadable ?? ''}`).join('; ')}; ` +
        `a reviewer must look at the file by hand (${CLAUSE}).`,
      evidence,
    };
  }
  const seen =
    repository.testEntryPoints.length > 0
      ? ` (found ${repository.testEntryPoints.map(entryText).join('; ')}, none runs tests)`
      : '';
  return {
    severity: 'warning',
    message:
      `No locally runnable test entry point${seen}: security reviewers must be able to run the ` +
      `tests under embargo; add a tox.ini test environment (tox -e py3 per the PTI) or the language's own (${CLAUSE}).`,
    evidence,
  };
}

export const rule: RepositoryRule<'repository', 'projectConfig'> = {
  scope: 'repository',
  meta: {
    id: 'automated-tests',
    clause: '7',
    title: "Tests run in OpenStack CI's check and gate pipelines and can run locally.",
    defaultSeverity: 'error',
    canBlock: true,
  },
  appliesTo: (change) => change.kind !== 'removed',
  needs: () => ['repository'],
  wants: () => ['projectConfig'],
  check({ evidence, missing }): RuleResult[] {
    return [
      ciResult(evidence.repository, evidence.projectConfig, missing.projectConfig),
      localResult(evidence.repository),
    ];
  },
};
