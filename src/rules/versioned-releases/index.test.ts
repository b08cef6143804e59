import type { ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import { judgeCase, testRule, type RuleTestCase } from '../../../test/helpers/rule-tester';
import {
  change,
  deliverable,
  deliverableFile,
  entry,
  governance,
  releases,
  repository,
  tag,
  team,
} from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';
import type { MessageId } from './messages';

const cinder = team('cinder');
const gov = governance(deliverable('os-brick', cinder));
const charmNova = governance(
  deliverable('charm-nova', team('OpenStack Charms'), { releaseManagement: 'external' }),
);
const added = change('added', entry('openstack/os-brick'));
const addedSushy = change('added', entry('openstack/sushy'));
const PROJECTS_REF = 'reference/projects.yaml:120';
const NOT_UNDER_ROOT = 'openstack/os-brick is not under --repos-root';
const NO_ROOT = 'no --repos-root';

/** What a message says when git tags were not examined, and why. */
const notExamined = (why: string) => ` Git tags were not examined (${why}).`;

const preOnlyTags = [
  tag('13.0.0.0b1', '2026-01-10'),
  tag('13.0.0.0rc1', '2026-03-01'),
  tag('2023.1-eom', '2024-11-29'),
  tag('xena-em', '2022-09-01'),
];
const PRE_ONLY_FOUND =
  'Found only pre-releases (alpha, beta/milestone, release candidate): 13.0.0.0b1, ' +
  '13.0.0.0rc1; eol/eom/em/last tags: 2023.1-eom, xena-em in git tags.';

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

const HIBISCUS_LATER =
  ' Releases data newer than the date also records 5.13.0 (hibiscus, released 2026-09-30), of ' +
  'series released after the date: not counted.';

const gitTagFinal: RuleTestCase<MessageId> = {
  name: 'a final in git tags, no releases data files',
  change: added,
  evidence: {
    governance: gov,
    releases: releases([]),
    repository: repository({
      tags: [tag('2.1.0', '2024-05-02'), tag('13.0.0.0rc1', '2026-03-01')],
    }),
  },
  expect: [
    {
      messageId: 'released',
      data: {
        count: 1,
        latest: '2.1.0 (git tag, 2024-05-02)',
        restsOn: 'git tags',
        notExamined: '',
      },
      severity: 'info',
    },
  ],
};

/** os-brick as a clone shows it on a date before its first commit (2015-07-01). */
function notYetCreated(tags: ReturnType<typeof tag>[]): RepositoryFacts {
  const firstCommit = { commit: 'f'.repeat(40), date: '2015-07-01T10:00:00Z' };
  return {
    ...repository({ tags: [], branches: [], evaluated: { ...firstCommit, branch: 'master' } }),
    notYetCreated: { firstCommit, laterTags: tags },
  };
}

const notYetCase = (
  name: string,
  tags: ReturnType<typeof tag>[],
  history: string,
): RuleTestCase<MessageId> => ({
  name,
  change: added,
  asOf: '2015-06-01',
  evidence: { governance: gov, releases: releases([]), repository: notYetCreated(tags) },
  expect: [
    { messageId: 'notYetCreated', severity: 'error', data: { asOf: '2015-06-01', history } },
  ],
});

// A 2016 releases tree: series known from its directories and docs table, with no status.
const releases2016: ReleasesFacts = {
  series: [
    { ...releases([]).series[0]!, name: 'mitaka', releaseId: null, status: null },
    { ...releases([]).series[0]!, name: 'liberty', releaseId: null, status: null },
  ],
  deliverable: 'os-brick',
  files: [deliverableFile('mitaka', 'os-brick', { releases: ['1.1.0.0b1', '1.1.0'] })],
  seriesAsOf: 'exact',
  seriesStatusMissing: 'releases data at 2016-06-01 predates series status',
};

testRule(rule, {
  valid: [
    gitTagFinal,
    {
      name: 'a final in a 2016 releases tree without series status',
      change: added,
      asOf: '2016-06-01',
      evidence: { governance: gov, releases: releases2016 },
      missing: { repository: NO_ROOT },
      expect: [
        {
          messageId: 'released',
          severity: 'info',
          data: {
            count: 1,
            latest: '1.1.0 (releases data, deliverables/mitaka/os-brick.yaml:9)',
            restsOn: 'releases data',
            notExamined: notExamined(NO_ROOT),
          },
        },
      ],
    },
    {
      name: 'finals in both, the latest named',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('gazpacho', 'os-brick', { releases: ['6.14.0', '7.0.0'] }),
        ]),
        repository: repository({ tags: [tag('6.14.0', '2026-02-01')] }),
      },
      expect: [
        {
          messageId: 'released',
          data: {
            count: 2,
            latest: '7.0.0 (releases data, deliverables/gazpacho/os-brick.yaml:9)',
            restsOn: 'git tags and releases data',
            notExamined: '',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a final in releases data, repository unavailable (said)',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('epoxy', 'os-brick', { releases: ['6.11.0', '2025.1-eom'] }),
        ]),
      },
      missing: { repository: NOT_UNDER_ROOT },
      expect: [
        {
          messageId: 'released',
          data: {
            count: 1,
            latest: '6.11.0 (releases data, deliverables/epoxy/os-brick.yaml:5)',
            restsOn: 'releases data',
            notExamined: notExamined(NOT_UNDER_ROOT),
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'an xstatic four-part final',
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
      missing: { repository: NO_ROOT },
      expect: [
        {
          messageId: 'released',
          data: {
            count: 1,
            latest: '1.4.10.1 (releases data, deliverables/_independent/xstatic-jquery.yaml:5)',
            restsOn: 'releases data',
            notExamined: notExamined(NO_ROOT),
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a four-part version on a non-xstatic deliverable only',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([
          deliverableFile('folsom', 'python-novaclient', { releases: ['2.6.0.1'] }),
        ]),
      },
      missing: { repository: NO_ROOT },
      expect: [
        {
          messageId: 'oldStyleOnly',
          data: {
            found: 'Found only old-style versions: 2.6.0.1 in releases data.',
            later: '',
            notExamined: notExamined(NO_ROOT),
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'old-style versions only, a later series not counted',
      change: addedSushy,
      evidence: {
        governance: gov,
        releases: {
          ...releases(
            [
              deliverableFile('folsom', 'sushy', { releases: ['2.6.0.1'] }),
              deliverableFile('hibiscus', 'sushy', { releases: ['5.13.0'] }),
            ],
            'sushy',
          ),
          seriesAsOf: 'latest',
        },
        repository: repository({ name: 'openstack/sushy' }),
      },
      asOf: '2019-01-01',
      expect: [
        {
          messageId: 'oldStyleOnly',
          data: {
            found: 'Found only old-style versions: 2.6.0.1 in releases data.',
            later: HIBISCUS_LATER,
            notExamined: '',
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'release-management: external, nothing found',
      change: added,
      evidence: {
        governance: charmNova,
        releases: releases([], null),
        repository: repository({ tags: [tag('2024.1-eol', '2025-01-01')] }),
      },
      expect: [
        {
          messageId: 'externalUnverifiable',
          data: {
            deliverable: 'charm-nova',
            ref: PROJECTS_REF,
            found: 'Found only eol/eom/em/last tags: 2024.1-eol in git tags.',
            notExamined: '',
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'release-management: external, a pre-release in the files, no repository',
      change: added,
      evidence: {
        governance: charmNova,
        releases: releases([
          deliverableFile('gazpacho', 'charm-nova', { releases: ['7.0.0.0rc1'] }),
        ]),
      },
      missing: { repository: NO_ROOT },
      expect: [
        {
          messageId: 'externalUnverifiable',
          data: {
            deliverable: 'charm-nova',
            ref: PROJECTS_REF,
            found:
              'Found only pre-releases (alpha, beta/milestone, release candidate): 7.0.0.0rc1 ' +
              'in releases data.',
            notExamined: notExamined(NO_ROOT),
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'release-management: external, a final tag found',
      change: added,
      evidence: {
        governance: charmNova,
        releases: releases([], null),
        repository: repository({ tags: [tag('3.0.0', '2025-01-01')] }),
      },
      expect: [
        {
          messageId: 'released',
          data: {
            count: 1,
            latest: '3.0.0 (git tag, 2025-01-01)',
            restsOn: 'git tags',
            notExamined: '',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'the same final on its date',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({ tags: [...preOnlyTags, tag('13.0.0', '2026-09-01')] }),
      },
      asOf: '2026-09-01',
      expect: [
        {
          messageId: 'released',
          data: {
            count: 1,
            latest: '13.0.0 (git tag, 2026-09-01)',
            restsOn: 'git tags',
            notExamined: '',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: "'latest' releases data at a past date: a later series' release does not count",
      change: addedSushy,
      evidence: {
        governance: gov,
        releases: sushyLatest,
        repository: repository({ tags: [tag('1.3.0', '2017-08-10')] }),
      },
      asOf: '2019-01-01',
      expect: [
        {
          messageId: 'released',
          data: {
            count: 1,
            latest: '1.3.0 (git tag, 2017-08-10)',
            restsOn: 'git tags',
            notExamined: '',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: "'latest' releases data, the cycle under way: the repository's dated tags decide (tagged)",
      change: addedSushy,
      evidence: {
        governance: gov,
        releases: hibiscusOnly,
        repository: repository({ tags: [tag('5.13.0', '2026-06-01')] }),
      },
      asOf: '2026-08-01',
      expect: [
        {
          messageId: 'released',
          data: {
            count: 1,
            latest: '5.13.0 (git tag, 2026-06-01)',
            restsOn: 'git tags',
            notExamined: '',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry('openstack/os-brick')),
      evidence: { governance: gov, releases: releases([]), repository: repository() },
      expect: [],
    },
  ],
  invalid: [
    notYetCase(
      'a repository not created yet, released later: first commit and first final release',
      [
        tag('0.1.0.0b1', '2015-07-20T08:00:00Z'),
        tag('1.0.0', '2016-01-20T08:00:00Z'),
        tag('0.2.0', '2015-09-02T08:00:00Z'),
        tag('liberty-eol', '2016-11-17T08:00:00Z'),
      ],
      'first commit 2015-07-01, first final release 0.2.0 on 2015-09-02',
    ),
    notYetCase(
      'a repository not created yet, never released in the clone: first commit only',
      [tag('0.1.0.0rc1', '2015-08-01T08:00:00Z')],
      'first commit 2015-07-01',
    ),
    {
      name: 'only pre-releases and special tags',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({ tags: preOnlyTags }),
      },
      expect: [
        {
          messageId: 'noRelease',
          data: { found: PRE_ONLY_FOUND, later: '', notExamined: '' },
          severity: 'error',
        },
      ],
    },
    {
      name: 'release-management: none',
      change: added,
      evidence: {
        governance: governance(deliverable('os-brick', cinder, { releaseManagement: 'none' })),
        releases: releases([]),
        repository: repository({ tags: [tag('1.0.0', '2020-01-01')] }),
      },
      expect: [
        {
          messageId: 'releaseManagementNone',
          data: { deliverable: 'os-brick', ref: PROJECTS_REF },
          severity: 'error',
        },
      ],
    },
    {
      name: 'a final tagged after the date does not exist yet',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([]),
        repository: repository({ tags: [...preOnlyTags, tag('13.0.0', '2026-09-01')] }),
      },
      asOf: '2026-08-31',
      expect: [
        {
          messageId: 'noRelease',
          data: { found: PRE_ONLY_FOUND, later: '', notExamined: '' },
          severity: 'error',
        },
      ],
    },
    {
      name: 'nothing anywhere',
      change: added,
      evidence: { governance: gov, releases: releases([]), repository: repository() },
      expect: [
        {
          messageId: 'noRelease',
          data: {
            found: 'Found no version in its git tags (no deliverable file names the repository).',
            later: '',
            notExamined: '',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'no deliverable file and no repository: unavailable, not "no release"',
      change: added,
      evidence: { governance: gov, releases: releases([]) },
      missing: { repository: NOT_UNDER_ROOT },
      expect: [
        {
          unavailable: 'repository',
          reason:
            'no deliverable file in the releases data names openstack/os-brick, and there is no ' +
            `repository to read its tags from (${NOT_UNDER_ROOT})`,
        },
      ],
    },
    {
      name: 'release-management: external, no deliverable file and no repository: unavailable',
      change: added,
      evidence: { governance: charmNova, releases: releases([], null) },
      expect: [{ unavailable: 'repository', reason: 'no repository to read its tags from' }],
    },
    {
      name: 'a deliverable file without a final, no repository: judged from the file',
      change: added,
      evidence: {
        governance: gov,
        releases: releases([deliverableFile('gazpacho', 'os-brick', { releases: ['7.0.0.0rc1'] })]),
      },
      missing: { repository: NO_ROOT },
      expect: [
        {
          messageId: 'noRelease',
          data: {
            found:
              'Found only pre-releases (alpha, beta/milestone, release candidate): 7.0.0.0rc1 ' +
              'in releases data.',
            later: '',
            notExamined: notExamined(NO_ROOT),
          },
          severity: 'error',
        },
      ],
    },
    {
      name: "'latest' releases data at a past date, no repository: nothing released by then",
      change: addedSushy,
      evidence: { governance: gov, releases: sushyLatest },
      missing: { repository: NO_ROOT },
      asOf: '2019-01-01',
      expect: [
        {
          messageId: 'noRelease',
          data: {
            found:
              'Found no version in the deliverable files (deliverables/yoga/sushy.yaml, ' +
              'deliverables/hibiscus/sushy.yaml).',
            later:
              ' Releases data newer than the date also records 4.1.0 (yoga, released ' +
              '2022-03-30), 5.13.0 (hibiscus, released 2026-09-30), of series released after ' +
              'the date: not counted.',
            notExamined: notExamined(NO_ROOT),
          },
          severity: 'error',
        },
      ],
    },
    {
      name: "'latest' releases data, no repository, a final of the cycle under way on the date",
      change: addedSushy,
      evidence: { governance: gov, releases: hibiscusOnly },
      missing: { repository: NO_ROOT },
      asOf: '2026-08-01',
      expect: [
        {
          unavailable: 'repository',
          reason: /5\.13\.0 \(hibiscus, released 2026-09-30\).*under development.*no --repos-root/,
        },
      ],
    },
    {
      name: "'latest' releases data, the cycle under way: the repository's dated tags decide (not yet)",
      change: addedSushy,
      evidence: {
        governance: gov,
        releases: hibiscusOnly,
        repository: repository({ tags: [tag('5.13.0.0rc1', '2026-07-01')] }),
      },
      asOf: '2026-08-01',
      expect: [
        {
          messageId: 'noRelease',
          data: {
            found:
              'Found only pre-releases (alpha, beta/milestone, release candidate): 5.13.0.0rc1 ' +
              'in git tags.',
            later: HIBISCUS_LATER,
            notExamined: '',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'releases data unavailable: never judged from git tags alone',
      change: added,
      evidence: { governance: gov, repository: repository({ tags: [tag('1.0.0', '2020-01-01')] }) },
      missing: { releases: 'no --releases given' },
      expect: [{ unavailable: 'releases', reason: 'no --releases given' }],
    },
  ],
});

describe('versioned-releases metadata and evidence', () => {
  it('needs governance and releases, wants the repository', () => {
    expect(rule.meta.needs).toEqual(['governance', 'releases']);
    expect(rule.meta.wants).toEqual(['repository']);
  });

  it('says which source the latest release rests on', async () => {
    const [judged] = await judgeCase(rule, gitTagFinal);
    expect(judged?.finding.evidence.restsOn).toEqual(['git-tag']);
  });
});
