import type { Expected, RunInput } from '../test-helpers';
import { change, deliverableFile, entry, mismatches, releases, runRule } from '../test-helpers';
import { rule } from './index';

const sushy = 'openstack/sushy';
const sushyReleases = releases(
  [
    deliverableFile('flamingo', 'sushy', { launchpad: 'sushy' }),
    deliverableFile('gazpacho', 'sushy', { launchpad: 'sushy' }),
  ],
  'sushy',
);

const cases: [string, RunInput, Expected[]][] = [
  [
    'rst entry: unverifiable, naming the releases tracker',
    { change: change('added', entry(sushy)), evidence: { releases: sushyReleases }, format: 'rst' },
    [
      {
        severity: 'warning',
        message: ["Launchpad project 'sushy'", 'deliverables/gazpacho/sushy.yaml'],
      },
    ],
  ],
  [
    'governance entry, releases data unavailable',
    {
      change: change('audited', entry(sushy)),
      missing: { releases: 'no --releases' },
      format: 'governance',
    },
    [{ severity: 'warning', message: ['no tracker', 'no --releases'] }],
  ],
  [
    'declared private by default, matching the releases data',
    {
      change: change(
        'added',
        entry(sushy, { tracker: { launchpad: 'Sushy', 'private-by-default': true } }),
      ),
      evidence: { releases: sushyReleases },
    },
    [{ severity: 'warning', field: 'tracker', message: ['proposer states it is private'] }],
  ],
  [
    'declared without a launchpad project (storyboard)',
    {
      change: change('added', entry(sushy, { tracker: { storyboard: 'openstack/sushy' } })),
      evidence: { releases: sushyReleases },
    },
    [{ severity: 'warning', field: 'tracker', message: ['Unverifiable'] }],
  ],
  [
    'declared not private by default',
    {
      change: change(
        'added',
        entry(sushy, { tracker: { launchpad: 'sushy', 'private-by-default': false } }),
      ),
      evidence: { releases: sushyReleases },
    },
    [{ severity: 'error', field: 'tracker', message: ['private-by-default: false', 'clause 4'] }],
  ],
  [
    'declared a different launchpad project',
    {
      change: change('added', entry(sushy, { tracker: { launchpad: 'ironic' } })),
      evidence: { releases: sushyReleases },
    },
    [{ severity: 'error', field: 'tracker', message: ["'ironic'", "names 'sushy'"] }],
  ],
];

describe('private-tracker', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('never needs evidence, so it never blocks for lack of it', () => {
    expect(rule.needs(change('added', entry(sushy)))).toEqual([]);
    expect(rule.wants(change('added', entry(sushy)))).toEqual(['releases']);
  });
});
