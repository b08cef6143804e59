import type { Proposal } from '../diff/model';
import { citeRepositoryFile, citeTag } from '../openstack/cite';
import { proposal } from '../../test/helpers/evidence-fixtures';
import type { Evidence, EvidenceKind, EvidenceMap, EvidenceProvider } from '../evidence/types';
import type { ListEntry } from '../list/model';
import type { RepositoryRule, RuleMeta } from '../rules/types';
import { repositoryChanges } from './changes';
import { evaluate } from './evaluate';
import type { SeverityOverrides } from './types';
import { verdictOf } from './verdict';

const settings = { asOf: '2026-01-01', listFile: 'repos.yaml', format: 'native' as const };

function entry(name: string, line: number, declared: ListEntry['declared'] = {}): ListEntry {
  return { name, location: { file: 'repos.yaml', line }, declared, fieldLines: {} };
}

/** A provider answering from a table; anything not in it is unavailable. */
function provider(table: Partial<Record<EvidenceKind, unknown>>): EvidenceProvider & {
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    async get<K extends EvidenceKind>(kind: K, repository: string) {
      calls.push(`${kind}:${repository}`);
      const value = table[kind];
      return (
        value === undefined
          ? { status: 'unavailable', source: 'governance', reason: 'no --governance given' }
          : { status: 'available', value }
      ) as Evidence<EvidenceMap[K]>;
    },
  };
}

const meta = (overrides: Partial<RuleMeta> = {}): RuleMeta => ({
  id: 'official-project',
  clause: '2',
  title: 't',
  defaultSeverity: 'error',
  canBlock: true,
  ...overrides,
});

function failingRule(
  ruleMeta: RuleMeta,
  field?: 'team',
): RepositoryRule<'governance', 'projectConfig'> {
  return {
    scope: 'repository',
    meta: ruleMeta,
    appliesTo: (change) => change.kind !== 'removed',
    needs: () => ['governance'],
    wants: () => ['projectConfig'],
    check: ({ change, missing }) => [
      {
        severity: ruleMeta.defaultSeverity,
        message: `${change.repository} fails`,
        ...(field ? { field } : {}),
        evidence: { missing: Object.keys(missing).join(',') },
      },
    ],
  };
}

/** `evaluate` of the changes of `p` by one failing rule, with the given provider. */
function judgedByFailingRule(
  p: Proposal,
  evidence: EvidenceProvider,
  extra: Pick<Parameters<typeof evaluate>[0], 'severities' | 'concurrency'> = {},
) {
  return evaluate({
    proposal: p,
    changes: repositoryChanges(p),
    listRules: [],
    repositoryRules: [failingRule(meta())],
    provider: evidence,
    settings,
    ...extra,
  });
}

async function run(p: Proposal, rule: RepositoryRule<'governance', 'projectConfig'>, table = {}) {
  return evaluate({
    proposal: p,
    changes: repositoryChanges(p),
    listRules: [],
    repositoryRules: [rule],
    provider: provider(table),
    settings,
  });
}

describe('evaluate', () => {
  it('reports a rule failure on the entry line with rule, clause and repository', async () => {
    const p = proposal({ added: [entry('openstack/a', 7)] });
    const findings = await run(p, failingRule(meta()), { governance: {} });
    expect(findings).toEqual([
      {
        rule: 'official-project',
        clause: '2',
        severity: 'error',
        repository: 'openstack/a',
        message: 'openstack/a fails',
        file: 'repos.yaml',
        line: 7,
        evidence: { missing: 'projectConfig' },
      },
    ]);
    expect(verdictOf(findings)).toEqual({ verdict: 'fail', vote: -1 });
  });

  it('turns missing needed evidence into evidence-unavailable and an inconclusive verdict', async () => {
    const p = proposal({ added: [entry('openstack/a', 3)] });
    const findings = await run(p, failingRule(meta()));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'evidence-unavailable',
      severity: 'error',
      repository: 'openstack/a',
      line: 3,
      evidence: { rule: 'official-project', source: 'governance' },
    });
    expect(findings[0]?.message).toContain('--governance');
    expect(verdictOf(findings)).toEqual({ verdict: 'inconclusive', vote: 0 });
  });

  it('reports missing evidence of a rule that cannot block as a warning', async () => {
    const p = proposal({ added: [entry('openstack/a', 3)] });
    const findings = await run(p, failingRule(meta({ id: 'threat-analysis', canBlock: false })));
    expect(findings[0]).toMatchObject({ rule: 'evidence-unavailable', severity: 'warning' });
    expect(verdictOf(findings).verdict).toBe('pass');
  });

  it('caps a modified entry at warning unless the finding is about a changed field', async () => {
    const before = entry('openstack/a', 3, { team: 'x' });
    const after = entry('openstack/a', 3, { team: 'y' });
    const untouched = proposal({ modified: [{ before, after, changedFields: ['embargo-days'] }] });
    const touched = proposal({ modified: [{ before, after, changedFields: ['team'] }] });
    const table = { governance: {} };
    expect((await run(untouched, failingRule(meta(), 'team'), table))[0]?.severity).toBe('warning');
    expect((await run(touched, failingRule(meta(), 'team'), table))[0]?.severity).toBe('error');
  });

  it('applies severity overrides and can switch a rule off', async () => {
    const p = proposal({ added: [entry('openstack/a', 3)] });
    const rule = failingRule(
      meta({ id: 'team-consent', defaultSeverity: 'warning', canBlock: false }),
    );
    const base = { proposal: p, changes: repositoryChanges(p), listRules: [], settings };
    const withSeverity = (severities: object) =>
      evaluate({
        ...base,
        repositoryRules: [rule],
        provider: provider({ governance: {} }),
        severities,
      });
    expect((await withSeverity({}))[0]?.severity).toBe('warning');
    expect((await withSeverity({ 'team-consent': 'error' }))[0]?.severity).toBe('error');
    expect(await withSeverity({ 'team-consent': 'off' })).toEqual([]);
  });

  it('does not run a rule on changes it does not apply to, and gathers nothing for it', async () => {
    const p = proposal({ removed: [entry('openstack/gone', 9)] });
    const table = provider({ governance: {} });
    const findings = await evaluate({
      proposal: p,
      changes: repositoryChanges(p),
      listRules: [],
      repositoryRules: [failingRule(meta())],
      provider: table,
      settings,
    });
    expect(findings).toEqual([]);
    expect(table.calls).toEqual([]);
  });

  it('tells the provider how many repositories it will judge before it asks anything', async () => {
    const p = proposal({
      added: [entry('openstack/a', 2), entry('openstack/b', 5)],
      removed: [entry('openstack/gone', 9)],
    });
    const table = provider({ governance: {} });
    const told: string[] = [];
    await judgedByFailingRule(p, {
      ...table,
      get: table.get,
      expect: (n) => told.push(`${n} before ${table.calls.length} asked`),
    });
    expect(told).toEqual(['3 before 0 asked']);
    expect(table.calls.length).toBeGreaterThan(0);
  });

  it('sorts findings by repository, line, severity and rule', async () => {
    const p = proposal({ added: [entry('openstack/b', 2), entry('openstack/a', 5)] });
    const findings = await run(p, failingRule(meta()), { governance: {} });
    expect(findings.map((f) => f.repository)).toEqual(['openstack/a', 'openstack/b']);
  });
});

describe('verdictOf', () => {
  const finding = (rule: 'removal' | 'evidence-unavailable', severity: 'error' | 'warning') => ({
    rule,
    clause: '—',
    severity,
    repository: null,
    message: 'm',
    file: null,
    line: null,
    evidence: {},
  });
  it.each([
    [[], 'pass', 1],
    [[finding('removal', 'warning')], 'pass', 1],
    [[finding('evidence-unavailable', 'error')], 'inconclusive', 0],
    [[finding('evidence-unavailable', 'error'), finding('removal', 'error')], 'fail', -1],
  ] as const)('%j gives %s', (findings, verdict, vote) => {
    expect(verdictOf([...findings])).toEqual({ verdict, vote });
  });
});

describe('findings about a deleted entry', () => {
  it('carry no head line, and the base line in the evidence', async () => {
    const p = proposal({ removed: [entry('openstack/gone', 9)] });
    const rule: RepositoryRule<'governance', never> = {
      scope: 'repository',
      meta: meta({ id: 'removal', clause: 'Deprecation' }),
      appliesTo: (change) => change.kind === 'removed',
      needs: () => ['governance'],
      wants: () => [],
      check: () => [{ severity: 'error', message: 'still maintained', evidence: {} }],
    };
    const run = (table: object) =>
      evaluate({
        proposal: p,
        changes: repositoryChanges(p),
        listRules: [],
        repositoryRules: [rule],
        provider: provider(table),
        settings,
      });
    expect((await run({ governance: {} }))[0]).toMatchObject({
      line: null,
      evidence: { lineAtBase: 9 },
    });
    expect((await run({}))[0]).toMatchObject({
      rule: 'evidence-unavailable',
      line: null,
      evidence: { lineAtBase: 9 },
    });
  });
});

describe('evidence that cannot settle the question', () => {
  const added = () => proposal({ added: [entry('openstack/a', 4)] });
  const ruleReturning = (
    check: RepositoryRule<'governance', never>['check'],
    ruleMeta = meta(),
  ): RepositoryRule<'governance', never> => ({
    scope: 'repository',
    meta: ruleMeta,
    appliesTo: () => true,
    needs: () => ['governance'],
    wants: () => [],
    check,
  });
  const judge = (p: Proposal, rule: RepositoryRule<'governance', never>, severities = {}) =>
    evaluate({
      proposal: p,
      changes: repositoryChanges(p),
      listRules: [],
      repositoryRules: [rule],
      provider: provider({ governance: {} }),
      settings,
      severities,
    });

  it('turns a result marked unavailable into evidence-unavailable (inconclusive)', async () => {
    const rule = ruleReturning(() => [
      {
        severity: 'error',
        message: 'ignored',
        evidence: {},
        unavailable: { kind: 'releases', reason: 'no deliverable file names openstack/a' },
      },
    ]);
    const findings = await judge(added(), rule);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'evidence-unavailable',
        severity: 'error',
        evidence: expect.objectContaining({ rule: 'official-project', source: 'releases' }),
      }),
    ]);
    expect(verdictOf(findings).verdict).toBe('inconclusive');
  });

  it('turns a rule that throws into evidence-unavailable, never a pass', async () => {
    const rule = ruleReturning(() => {
      throw new Error('unexpected shape');
    });
    const [finding] = await judge(added(), rule);
    expect(finding).toMatchObject({ rule: 'evidence-unavailable', severity: 'error' });
    expect(finding?.message).toContain('unexpected shape');
  });
});

describe('missing evidence on a modified entry', () => {
  const modified = (changedFields: ('team' | 'embargo-days')[]) =>
    proposal({
      modified: [
        { before: entry('openstack/a', 3), after: entry('openstack/a', 3), changedFields },
      ],
    });
  const needing = (fields?: ['team']): RepositoryRule<'governance', never> => ({
    scope: 'repository',
    meta: meta(fields ? { fields } : {}),
    appliesTo: () => true,
    needs: () => ['governance'],
    wants: () => [],
    check: () => [],
  });
  const judge = (p: Proposal, rule: RepositoryRule<'governance', never>) =>
    evaluate({
      proposal: p,
      changes: repositoryChanges(p),
      listRules: [],
      repositoryRules: [rule],
      provider: provider({}),
      settings,
    });

  it('blocks only for a rule about a field the change touched', async () => {
    expect((await judge(modified(['team']), needing(['team'])))[0]?.severity).toBe('error');
    expect((await judge(modified(['embargo-days']), needing(['team'])))[0]?.severity).toBe(
      'warning',
    );
    expect((await judge(modified(['embargo-days']), needing()))[0]?.severity).toBe('warning');
  });
});

describe('a rule that cannot block by nature', () => {
  it('never blocks for missing evidence, even when configured as error', async () => {
    const p = proposal({ added: [entry('openstack/a', 3)] });
    const rule = failingRule(
      meta({ id: 'team-consent', defaultSeverity: 'warning', canBlock: false }),
    );
    const findings = await evaluate({
      proposal: p,
      changes: repositoryChanges(p),
      listRules: [],
      repositoryRules: [rule],
      provider: provider({}),
      settings,
      severities: { 'team-consent': 'error' },
    });
    expect(findings[0]).toMatchObject({ rule: 'evidence-unavailable', severity: 'warning' });
  });
});

describe('citations of facts read from a GitHub mirror', () => {
  const sha = 'a'.repeat(40);
  const citingRule: RepositoryRule<'repository', never> = {
    scope: 'repository',
    meta: meta({ id: 'automated-tests', clause: '7' }),
    appliesTo: () => true,
    needs: () => ['repository'],
    wants: () => [],
    check: ({ change }) => [
      {
        severity: 'error',
        message: 'no test job',
        evidence: {},
        citations: [
          citeRepositoryFile(change.repository, sha, 'zuul.yaml, no test job', 'zuul.yaml', 3),
          citeTag(change.repository, {
            name: '1.0.0',
            commit: sha,
            date: '2024-02-20T00:00:00Z',
            annotated: false,
            taggerDate: null,
          }),
          citeRepositoryFile('openstack/other', sha, 'another repository'),
        ],
      },
    ],
  };
  const judge = (repository: Record<string, unknown>) =>
    evaluate({
      proposal: proposal({ added: [entry('openstack/a', 7)] }),
      changes: repositoryChanges(proposal({ added: [entry('openstack/a', 7)] })),
      listRules: [],
      repositoryRules: [citingRule],
      provider: provider({ repository }),
      settings,
    });

  it('cite github with github.com links when the facts came from the mirror', async () => {
    const mirror = { source: 'github', url: 'https://github.com/openstack/a' };
    const [finding] = await judge({ mirror });
    expect(finding?.citations).toEqual([
      {
        source: 'github',
        text: 'zuul.yaml, no test job',
        repository: 'openstack/a',
        commit: sha,
        file: 'zuul.yaml',
        line: 3,
        url: `https://github.com/openstack/a/blob/${sha}/zuul.yaml#L3`,
      },
      {
        source: 'github',
        text: 'tag 1.0.0, 2024-02-20',
        repository: 'openstack/a',
        commit: sha,
        url: `https://github.com/openstack/a/commit/${sha}`,
      },
      // Another repository's fact is not the mirror's.
      expect.objectContaining({
        source: 'repository',
        url: expect.stringMatching(/^https:\/\/opendev\.org\//),
      }),
    ]);
  });

  it('keep citing the repository on opendev.org when read from a git clone', async () => {
    const [finding] = await judge({});
    expect(finding?.citations?.map((c) => [c.source, c.url?.slice(0, 19)])).toEqual([
      ['repository', 'https://opendev.org'],
      ['repository', 'https://opendev.org'],
      ['repository', 'https://opendev.org'],
    ]);
  });
});

describe('repositories judged at once', () => {
  /** A provider whose answers wait for a turn of the event loop, counting reads in flight. */
  function slowProvider(): EvidenceProvider & { most: () => number } {
    let inFlight = 0;
    let most = 0;
    return {
      most: () => most,
      async get<K extends EvidenceKind>() {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return { status: 'available', value: {} } as Evidence<EvidenceMap[K]>;
      },
    };
  }
  const p = proposal({
    added: Array.from({ length: 20 }, (_, i) =>
      entry(`openstack/r${String(i).padStart(2, '0')}`, i + 1),
    ),
  });
  const judged = async (concurrency?: number) => {
    const slow = slowProvider();
    const findings = await evaluate({
      proposal: p,
      changes: repositoryChanges(p),
      listRules: [],
      repositoryRules: [failingRule(meta())],
      provider: slow,
      settings,
      ...(concurrency !== undefined ? { concurrency } : {}),
    });
    return { findings, most: slow.most() };
  };

  it('are 4 by default, and as many as asked, with the same findings in the same order', async () => {
    const byDefault = await judged();
    const eight = await judged(8);
    expect(byDefault.most).toBe(4);
    expect(eight.most).toBe(8);
    expect(eight.findings).toEqual(byDefault.findings);
    expect(byDefault.findings.map((f) => f.repository)).toEqual(p.added.map((e) => e.name));
  });

  async function hintsOf(severities: SeverityOverrides = {}): Promise<string[]> {
    const slow = slowProvider();
    const events: string[] = [];
    const recording: EvidenceProvider = {
      get: (kind, repository) => {
        events.push(`get ${repository}`);
        return slow.get(kind, repository);
      },
      prefetch: (repository, kinds) => events.push(`hint ${repository} ${kinds.join(',')}`),
    };
    await judgedByFailingRule(p, recording, { severities, concurrency: 4 });
    return events;
  }

  it('hint each one as many places ahead as are judged at once, before it is asked about', async () => {
    const events = await hintsOf();
    const names = p.added.map((e) => e.name);
    const hints = events.filter((e) => e.startsWith('hint '));
    // What the one rule needs and wants.
    expect(hints).toEqual(names.slice(4).map((name) => `hint ${name} governance,projectConfig`));
    for (const name of names.slice(4)) {
      expect(events.indexOf(`hint ${name} governance,projectConfig`)).toBeLessThan(
        events.indexOf(`get ${name}`),
      );
    }
  });

  it('hint nothing that no enabled rule asks for', async () => {
    expect(await hintsOf({ 'official-project': 'off' })).toEqual([]);
  });
});
