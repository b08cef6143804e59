import type { DeclaredFields, ListEntry, OversightList } from '../list/model';
import { changedFieldsOf, computeProposal } from './compute';
import type { Revision } from './model';

const revisions: { base: Revision; head: Revision } = {
  base: { label: 'HEAD~1', commit: 'a'.repeat(40) },
  head: { label: 'WORKTREE', commit: null },
};

function entry(name: string, declared: DeclaredFields = {}, line = 1): ListEntry {
  return { name, location: { file: 'repos-overseen.yaml', line }, declared, fieldLines: {} };
}

function list(entries: ListEntry[], format: OversightList['format'] = 'native'): OversightList {
  return { path: 'repos-overseen.yaml', format, entries, duplicates: [], problems: [] };
}

const nova = entry('openstack/nova', { team: 'nova', tracker: { launchpad: 'nova' } });

describe('computeProposal', () => {
  it('finds added, removed and modified entries, each sorted by name', () => {
    const base = list([entry('openstack/zaqar'), nova, entry('openstack/barbican')]);
    const head = list([
      entry('openstack/swift'),
      { ...nova, declared: { ...nova.declared, team: 'compute' } },
      entry('openstack/barbican'),
      entry('openstack/aodh'),
    ]);

    const proposal = computeProposal(base, head, revisions);

    expect(proposal.added.map((e) => e.name)).toEqual(['openstack/aodh', 'openstack/swift']);
    expect(proposal.removed.map((e) => e.name)).toEqual(['openstack/zaqar']);
    expect(proposal.modified).toEqual([
      { before: nova, after: head.entries[1], changedFields: ['team'] },
    ]);
    expect(proposal.base).toBe(revisions.base);
    expect(proposal.head).toBe(revisions.head);
    expect(proposal.baseList).toBe(base);
    expect(proposal.headList).toBe(head);
    expect(proposal.listPath).toBe('repos-overseen.yaml');
  });

  it('treats every entry of a new list as added', () => {
    const head = list([entry('openstack/nova'), entry('openstack/cinder')]);

    const proposal = computeProposal(null, head, revisions);

    expect(proposal.baseList).toBeNull();
    expect(proposal.added.map((e) => e.name)).toEqual(['openstack/cinder', 'openstack/nova']);
    expect(proposal.removed).toEqual([]);
    expect(proposal.modified).toEqual([]);
  });

  it('takes the format from the head list', () => {
    const proposal = computeProposal(list([], 'native'), list([], 'rst'), revisions);

    expect(proposal.format).toBe('rst');
  });

  it('ignores moved lines and key order; an entry is modified only by its declared fields', () => {
    const before = entry('openstack/nova', {
      tracker: { launchpad: 'nova', 'security-group': 'x' },
    });
    const after = entry(
      'openstack/nova',
      { tracker: { 'security-group': 'x', launchpad: 'nova' } },
      9,
    );

    const proposal = computeProposal(list([before]), list([after]), revisions);

    expect(proposal.modified).toEqual([]);
  });

  it('keeps the first of duplicate names', () => {
    const first = entry('openstack/nova', { team: 'nova' }, 2);
    const second = entry('openstack/nova', { team: 'other' }, 5);

    const proposal = computeProposal(list([first]), list([first, second]), revisions);

    expect(proposal).toMatchObject({ added: [], removed: [], modified: [] });
  });
});

describe('computeProposal with a head list that could not be read', () => {
  it('judges no entry as removed: the list-schema error is what blocks', () => {
    const base = list([nova, entry('openstack/swift')]);
    const head: OversightList = {
      ...list([]),
      problems: [
        { rule: 'list-schema', severity: 'error', key: 'invalid-utf8', message: 'not UTF-8' },
      ],
    };
    const proposal = computeProposal(base, head, revisions);
    expect(proposal.removed).toEqual([]);
    expect(proposal.added).toEqual([]);
  });

  it('judges every head entry as added over a base list that could not be read', () => {
    const base: OversightList = {
      ...list([]),
      problems: [
        { rule: 'list-schema', severity: 'error', key: 'invalid-utf8', message: 'not UTF-8' },
      ],
    };
    const proposal = computeProposal(base, list([nova]), revisions);
    expect(proposal.added).toEqual([nova]);
    expect(proposal.removed).toEqual([]);
  });

  it('still sees every entry removed when the head list is valid and empty', () => {
    const proposal = computeProposal(list([nova]), list([]), revisions);
    expect(proposal.removed.map((e) => e.name)).toEqual(['openstack/nova']);
  });
});

describe('changedFieldsOf', () => {
  it('shows a newly scheduled removal as a changed removal field', () => {
    const scheduled = entry('openstack/nova', {
      ...nova.declared,
      removal: { effective: '32.0.0', reason: 'retiring' },
    });

    expect(changedFieldsOf(nova, scheduled)).toEqual(['removal']);
  });

  it('compares deeply and sorts the changed fields', () => {
    const before = entry('openstack/nova', {
      team: 'nova',
      tracker: { launchpad: 'nova' },
      liaison: { name: 'A', email: 'a@example.org' },
      'embargo-days': 90,
    });
    const after = entry('openstack/nova', {
      team: 'nova',
      tracker: { launchpad: 'nova-security' },
      liaison: { email: 'a@example.org', name: 'A' },
      'threat-analysis': { url: 'https://example.org/ta', date: '2024-05-01' },
    });

    expect(changedFieldsOf(before, after)).toEqual(['embargo-days', 'threat-analysis', 'tracker']);
  });

  it('does not count a key holding undefined as a change', () => {
    const after = entry('openstack/nova', { ...nova.declared, liaison: undefined });

    expect(changedFieldsOf(nova, after)).toEqual([]);
  });
});

describe('computeProposal: the list made to mean every official repository (the 2025 page)', () => {
  const scope = { line: 11, clause: 'Reports … for all OpenStack source repositories …' };
  const rst = (entries: ListEntry[], allOfficial?: typeof scope): OversightList => ({
    ...list(entries, 'rst'),
    ...(allOfficial ? { allOfficial } : {}),
  });
  const listed = [entry('openstack/swift'), entry('openstack/barbican')];

  it('records the widening, and still hands every base entry to the removal rule', () => {
    const proposal = computeProposal(rst(listed), rst([], scope), revisions);
    // Whether each stays overseen (official) is the removal rule's to settle with governance.
    expect(proposal.removed.map((e) => e.name)).toEqual(['openstack/barbican', 'openstack/swift']);
    expect(proposal.added).toEqual([]);
    expect(proposal.scopeChange).toEqual({
      kind: 'widened',
      scope,
      listed: ['openstack/barbican', 'openstack/swift'],
    });
  });

  it('records the narrowing when the page stops saying it, and judges what it lists', () => {
    const proposal = computeProposal(rst([], scope), rst(listed), revisions);
    expect(proposal.added.map((e) => e.name)).toEqual(['openstack/barbican', 'openstack/swift']);
    expect(proposal.scopeChange).toEqual({
      kind: 'narrowed',
      scope,
      listed: ['openstack/barbican', 'openstack/swift'],
    });
  });

  it('records nothing when both revisions say it, or neither does', () => {
    expect(computeProposal(rst([], scope), rst([], scope), revisions).scopeChange).toBeUndefined();
    const plain = computeProposal(rst(listed), rst([]), revisions);
    expect(plain.scopeChange).toBeUndefined();
    expect(plain.removed.map((e) => e.name)).toEqual(['openstack/barbican', 'openstack/swift']);
  });
});

describe('computeProposal: moves are changes', () => {
  const listed = (team: string, deliverable: string): ListEntry => ({
    ...entry('openstack/sushy'),
    governance: { team, deliverable },
  });

  it.each([
    ['another team', listed('bifrost', 'sushy')],
    ['another deliverable of the same team', listed('ironic', 'sushy-tools')],
  ])('a governance entry moved to %s is modified, its team changed', (_what, after) => {
    const before = listed('ironic', 'sushy');
    const proposal = computeProposal(
      list([before], 'governance'),
      list([after], 'governance'),
      revisions,
    );
    expect(proposal.modified).toEqual([{ before, after, changedFields: ['team'] }]);
    expect(proposal.added).toEqual([]);
    expect(proposal.removed).toEqual([]);
  });

  it('a governance entry that stays where it was is not modified', () => {
    const same = listed('ironic', 'sushy');
    const proposal = computeProposal(
      list([same], 'governance'),
      list([{ ...same, location: { ...same.location, line: 40 } }], 'governance'),
      revisions,
    );
    expect(proposal.modified).toEqual([]);
  });
});
