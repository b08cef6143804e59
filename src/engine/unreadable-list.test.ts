import { computeProposal } from '../diff/compute';
import type { Proposal } from '../diff/model';
import type { EvidenceProvider } from '../evidence/types';
import type { OversightList } from '../list/model';
import { parseList } from '../list/parse';
import { listRules, repositoryRules } from '../rules';
import { repositoryChanges } from './changes';
import { evaluate } from './evaluate';
import type { SeverityOverrides } from './types';
import { verdictOf } from './verdict';

const FILE = 'repos-overseen.yaml';
const settings = { asOf: '2026-01-01', listFile: FILE, format: 'native' as const };
const revisions = {
  base: { label: 'HEAD~1', commit: 'b'.repeat(40) },
  head: { label: 'HEAD', commit: 'c'.repeat(40) },
};

const nothing: EvidenceProvider = {
  get: () => Promise.resolve({ status: 'unavailable', source: 'releases', reason: 'none given' }),
};

function proposalOf(base: string | Buffer | OversightList, head: string | Buffer | OversightList) {
  const read = (list: string | Buffer | OversightList): OversightList =>
    typeof list === 'string' || Buffer.isBuffer(list) ? parseList(FILE, list) : list;
  return computeProposal(read(base), read(head), revisions);
}

async function judge(proposal: Proposal, severities?: SeverityOverrides) {
  const findings = await evaluate({
    proposal,
    changes: repositoryChanges(proposal),
    listRules,
    repositoryRules: repositoryRules.filter((rule) => rule.meta.id === 'removal'),
    provider: nothing,
    settings,
    ...(severities ? { severities } : {}),
  });
  return { findings, ...verdictOf(findings) };
}

const DUPLICATE_KEY = 'repositories:\n  - name: openstack/nova\nrepositories: []\n';

describe('a base list that could not be read', () => {
  it('makes what the change removes unknown: evidence-unavailable, inconclusive', async () => {
    const { findings, verdict } = await judge(proposalOf(DUPLICATE_KEY, 'repositories: []\n'));

    expect(findings).toEqual([
      {
        rule: 'evidence-unavailable',
        clause: '—',
        severity: 'error',
        repository: null,
        message: expect.stringMatching(
          /^Cannot tell what this change removes from the list: the list at base \('repos-overseen\.yaml' at HEAD~1 \(b{40}\)\) could not be read: /,
        ) as unknown,
        file: FILE,
        line: null,
        evidence: {
          rule: 'removal',
          source: 'list',
          kind: 'list',
          reason: expect.stringContaining('could not be read') as unknown,
          file: FILE,
          revision: 'b'.repeat(40),
          problems: ['yaml:duplicate-key:/repositories'],
        },
        citations: [
          {
            source: 'list',
            text: 'list at base HEAD~1, unreadable',
            file: FILE,
            line: 3,
            commit: 'b'.repeat(40),
          },
        ],
      },
    ]);
    expect(verdict).toBe('inconclusive');
  });

  it('is only a warning when the removal rule is configured off', async () => {
    const proposal = proposalOf(DUPLICATE_KEY, 'repositories: []\n');

    const { findings, verdict } = await judge(proposal, { removal: 'off' });

    expect(findings).toEqual([
      expect.objectContaining({ rule: 'evidence-unavailable', severity: 'warning' }),
    ]);
    expect(verdict).toBe('pass');
  });

  it('gives way to the head list error when the change leaves the list unreadable', async () => {
    const base = 'repositories:\n  - name: [openstack/nova\n';
    const head = 'repositories:\n  - name: [openstack/swift\n';
    const proposal = proposalOf(base, head);
    expect(proposal.baseList?.problems.map((p) => p.key)).toEqual(
      proposal.headList.problems.map((p) => p.key),
    );

    const { findings, verdict } = await judge(proposal);

    expect(findings.map((f) => [f.rule, f.severity])).toEqual(
      proposal.headList.problems.map(() => ['list-schema', 'error']),
    );
    expect(findings[0]?.evidence).toMatchObject({
      introducedByChange: true,
      unreadableListEdited: true,
    });
    expect(verdict).toBe('fail');
  });

  it('blocks other invalid bytes over invalid UTF-8 (same problem key, other bytes)', async () => {
    const base = Buffer.from('repositories:\n  - name: openstack/n\xffova\n', 'latin1');
    const head = Buffer.from('repositories:\n  - name: openstack/sw\xfeift\n', 'latin1');

    const { findings, verdict } = await judge(proposalOf(base, head));

    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'list-schema',
        severity: 'error',
        evidence: expect.objectContaining({ problem: 'invalid-utf8' }) as unknown,
      }),
    ]);
    expect(verdict).toBe('fail');
  });

  it('does not block a change that leaves the unreadable list byte for byte as it was', async () => {
    const { findings, verdict } = await judge(proposalOf(DUPLICATE_KEY, DUPLICATE_KEY));

    expect(findings).toEqual([
      expect.objectContaining({ rule: 'list-schema', severity: 'warning' }),
    ]);
    expect(verdict).toBe('pass');
  });

  it('blocks when the bytes are unknown (a list built without them): never a guess', async () => {
    const parsed = parseList(FILE, DUPLICATE_KEY);
    const withoutBytes: OversightList = { ...parsed };
    delete withoutBytes.digest;

    const { findings } = await judge(proposalOf(parsed, withoutBytes));

    expect(findings).toEqual([expect.objectContaining({ rule: 'list-schema', severity: 'error' })]);
  });
});

describe('problems already present at base in a readable list', () => {
  it('stay warnings when the change edits the list (duplicates, order)', async () => {
    const base =
      'repositories:\n  - name: openstack/b\n  - name: openstack/a\n  - name: openstack/a\n';
    const head = `# edited\n${base}`;

    const { findings, verdict } = await judge(proposalOf(base, head));

    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['list-consistency', 'warning'],
      ['list-consistency', 'warning'],
    ]);
    expect(verdict).toBe('pass');
  });

  it('stay warnings for a bad field on one entry', async () => {
    const base = 'repositories:\n  - name: openstack/a\n    embargo-days: many\n';
    const head = `${base}  - name: openstack/b\n`;

    const { findings } = await judge(proposalOf(base, head));

    expect(findings.filter((f) => f.rule === 'list-schema')).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ]);
  });
});
