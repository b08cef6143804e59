import type { ReleasesFacts } from '../../evidence/types';
import type { Expected, RunInput } from '../test-helpers';
import {
  change,
  deliverable,
  deliverableFile,
  entry,
  governance,
  mismatches,
  releases,
  repository,
  runRule,
  tag,
  team,
} from '../test-helpers';
import { rule } from './index';

const cinder = team('cinder');
const gov = governance(deliverable('os-brick', cinder));
const added = change('added', entry('openstack/os-brick'));

const preOnlyTags = [
  tag('13.0.0.0b1', '2026-01-10'),
  tag('13.0.0.0rc1', '2026-03-01'),
  tag('2023.1-eom', '2024-11-29'),
  tag('xena-em', '2022-09-01'),
];

// Releases data read from a plain directory, newer than a past date: hibiscus was first released
// on 2026-09-30 (the test series table).
const sushyLatest: ReleasesFacts = {
  ...releases(
    [
      deliverableFile('yoga', 'sushy', { releases: ['4.1.0'] }),
      deliverableFile('hibiscus', 'sushy', { releases: ['5.13.0'] }),
    ],
    'sushy',
  ),
  seriesAsOf: 'latest',
};

const hibiscusOnly: ReleasesFacts = {
  ...releases([deliverableFile('hibiscus', 'sushy', { releases: ['5.13.0'] })], 'sushy'),
  seriesAsOf: 'latest',
};

const cases: [string, RunInput, Expected[]][] = [
  [
    'a final in git tags, no releases data files',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({
          tags: [tag('2.1.0', '2024-05-02'), tag('13.0.0.0rc1', '2026-03-01')],
        }),
      },
    },
    [{ severity: 'info', message: ['2.1.0 (git tag, 2024-05-02)', 'rests on git tags'] }],
  ],
  [
    'finals in both, the latest named',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('gazpacho', 'os-brick', { releases: ['6.14.0', '7.0.0'] }),
        ]),
        repository: repository({ tags: [tag('6.14.0', '2026-02-01')] }),
      },
    },
    [
      {
        severity: 'info',
        message: [
          '7.0.0 (releases data, deliverables/gazpacho/os-brick.yaml:9)',
          'git tags and releases data',
        ],
      },
    ],
  ],
  [
    'a final in releases data, repository unavailable (said)',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('epoxy', 'os-brick', { releases: ['6.11.0', '2025.1-eom'] }),
        ]),
      },
      missing: { repository: 'openstack/os-brick is not under --repos-root' },
    },
    [{ severity: 'info', message: ['6.11.0', 'not under --repos-root'] }],
  ],
  [
    'an xstatic four-part final',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('independent', 'xstatic-jquery', {
            releases: ['1.4.10.1'],
            releaseType: 'xstatic',
          }),
        ]),
      },
    },
    [{ severity: 'info', message: ['1.4.10.1'] }],
  ],
  [
    'only pre-releases and special tags',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({ tags: preOnlyTags }),
      },
    },
    [
      {
        severity: 'error',
        message: [
          'No official release',
          '13.0.0.0rc1',
          '13.0.0.0b1',
          '2023.1-eom',
          'xena-em',
          'clause 3',
        ],
      },
    ],
  ],
  [
    'a four-part version on a non-xstatic deliverable only',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('folsom', 'python-novaclient', { releases: ['2.6.0.1'] }),
        ]),
      },
    },
    [{ severity: 'warning', message: ['old-style versions: 2.6.0.1'] }],
  ],
  [
    'release-management: none',
    {
      change: added,
      evidence: {
        governance: governance(deliverable('os-brick', cinder, { releaseManagement: 'none' })),
        releases: releases([]),
        repository: repository({ tags: [tag('1.0.0', '2020-01-01')] }),
      },
    },
    [{ severity: 'error', message: ['release-management: none'] }],
  ],
  [
    'release-management: external, nothing found',
    {
      change: added,
      evidence: {
        governance: governance(
          deliverable('charm-nova', team('OpenStack Charms'), { releaseManagement: 'external' }),
        ),
        releases: releases([], null),
        repository: repository({ tags: [tag('2024.1-eol', '2025-01-01')] }),
      },
    },
    [{ severity: 'warning', message: ['Unverifiable', 'external'] }],
  ],
  [
    'release-management: external, a final tag found',
    {
      change: added,
      evidence: {
        governance: governance(
          deliverable('charm-nova', team('OpenStack Charms'), { releaseManagement: 'external' }),
        ),
        releases: releases([], null),
        repository: repository({ tags: [tag('3.0.0', '2025-01-01')] }),
      },
    },
    [{ severity: 'info' }],
  ],
  [
    'a final tagged after the date does not exist yet',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({ tags: [...preOnlyTags, tag('13.0.0', '2026-09-01')] }),
      },
      asOf: '2026-08-31',
    },
    [{ severity: 'error' }],
  ],
  [
    'the same final on its date',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({ tags: [...preOnlyTags, tag('13.0.0', '2026-09-01')] }),
      },
      asOf: '2026-09-01',
    },
    [{ severity: 'info', message: ['13.0.0'] }],
  ],
  [
    'nothing anywhere',
    {
      change: added,
      evidence: { governance: gov, releases: releases([]), repository: repository() },
    },
    [{ severity: 'error', message: ['Found no version in its git tags (no deliverable file'] }],
  ],
  [
    'no deliverable file and no repository: unavailable, not "no release"',
    {
      change: added,
      evidence: { governance: gov, releases: releases([]) },
      missing: { repository: 'openstack/os-brick is not under --repos-root' },
    },
    [
      {
        unavailable: 'repository',
        reason: [
          'no deliverable file in the releases data names openstack/os-brick',
          'no repository to read its tags from (openstack/os-brick is not under --repos-root)',
        ],
      },
    ],
  ],
  [
    'release-management: external, no deliverable file and no repository: unavailable',
    {
      change: added,
      evidence: {
        governance: governance(
          deliverable('charm-nova', team('OpenStack Charms'), { releaseManagement: 'external' }),
        ),
        releases: releases([], null),
      },
    },
    [{ unavailable: 'repository', reason: ['no repository to read its tags from'] }],
  ],
  [
    'a deliverable file without a final, no repository: judged from the file',
    {
      change: added,
      evidence: {
        governance: gov,
        releases: releases([deliverableFile('gazpacho', 'os-brick', { releases: ['7.0.0.0rc1'] })]),
      },
      missing: { repository: 'no --repos-root' },
    },
    [{ severity: 'error', message: ['Found only pre-releases', 'Git tags were not examined'] }],
  ],
  [
    "'latest' releases data at a past date: a later series' release does not count",
    {
      change: change('added', entry('openstack/sushy')),
      evidence: {
        governance: gov,
        releases: sushyLatest,
        repository: repository({ tags: [tag('1.3.0', '2017-08-10')] }),
      },
      asOf: '2019-01-01',
    },
    [{ severity: 'info', message: ['the latest 1.3.0 (git tag, 2017-08-10)'] }],
  ],
  [
    "'latest' releases data at a past date, no repository: nothing released by then",
    {
      change: change('added', entry('openstack/sushy')),
      evidence: { governance: gov, releases: sushyLatest },
      missing: { repository: 'no --repos-root' },
      asOf: '2019-01-01',
    },
    [
      {
        severity: 'error',
        message: [
          'Found no version in the deliverable files',
          '5.13.0 (hibiscus, released 2026-09-30)',
          'not counted',
        ],
      },
    ],
  ],
  [
    "'latest' releases data, no repository, a final of the cycle under way on the date",
    {
      change: change('added', entry('openstack/sushy')),
      evidence: { governance: gov, releases: hibiscusOnly },
      missing: { repository: 'no --repos-root' },
      asOf: '2026-08-01',
    },
    [
      {
        unavailable: 'repository',
        reason: ['5.13.0 (hibiscus, released 2026-09-30)', 'under development', 'no --repos-root'],
      },
    ],
  ],
  [
    "'latest' releases data, the cycle under way: the repository's dated tags decide (tagged)",
    {
      change: change('added', entry('openstack/sushy')),
      evidence: {
        governance: gov,
        releases: hibiscusOnly,
        repository: repository({ tags: [tag('5.13.0', '2026-06-01')] }),
      },
      asOf: '2026-08-01',
    },
    [{ severity: 'info', message: ['5.13.0 (git tag, 2026-06-01)'] }],
  ],
  [
    "'latest' releases data, the cycle under way: the repository's dated tags decide (not yet)",
    {
      change: change('added', entry('openstack/sushy')),
      evidence: {
        governance: gov,
        releases: hibiscusOnly,
        repository: repository({ tags: [tag('5.13.0.0rc1', '2026-07-01')] }),
      },
      asOf: '2026-08-01',
    },
    [{ severity: 'error', message: ['No official release', '5.13.0.0rc1'] }],
  ],
];

describe('versioned-releases', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('needs governance and releases, wants the repository', () => {
    expect(rule.needs(added)).toEqual(['governance', 'releases']);
    expect(rule.wants(added)).toEqual(['repository']);
    expect(runRule(rule, { change: added, evidence: { governance: gov } })).toBe(
      'evidence-unavailable',
    );
  });

  it('says which source the latest release rests on', () => {
    const [result] = runRule(rule, cases[0]![1]) as { evidence: Record<string, unknown> }[];
    expect(result?.evidence.restsOn).toEqual(['git-tag']);
  });
});
