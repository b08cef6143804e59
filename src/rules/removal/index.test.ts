import type { GitTag, ReleasesFacts, RepositoryFacts } from '../../evidence/types';
import type { RemovalDeclaration } from '../../list/model';
import type { Expected, RunInput } from '../test-helpers';
import {
  branch,
  change,
  deliverableFile,
  entry,
  mismatches,
  releases,
  repository,
  runRule,
  tag,
} from '../test-helpers';
import { rule } from './index';

const name = 'openstack/os-brick';

// os-brick as of 2026-08-21 (research §1.4, §2.5).
const brickRepo = repository({
  branches: [
    branch('master', '2026-08-21'),
    branch('stable/2025.1', '2025-03-10'),
    branch('stable/2025.2', '2025-09-01'),
    branch('stable/2026.1', '2026-03-02'),
    branch('unmaintained/2023.1', '2024-11-29'),
    branch('unmaintained/2024.1', '2025-11-01'),
    branch('unmaintained/zed', '2024-06-01'),
  ],
  tags: [
    tag('xena-em', '2022-09-01'),
    tag('zed-eom', '2024-06-01'),
    tag('2023.1-eom', '2024-11-29'),
    tag('2024.1-eom', '2025-11-01'),
    tag('2024.2-eol', '2026-04-29'),
    tag('6.11.1', '2026-01-10'),
    tag('7.0.0', '2026-03-02'),
    tag('7.1.0', '2026-07-01'),
  ],
});
const brickReleases = releases([
  deliverableFile('epoxy', 'os-brick', {
    releases: ['6.11.0', '6.11.1'],
    branches: ['stable/2025.1'],
  }),
  deliverableFile('gazpacho', 'os-brick', {
    releases: ['6.14.0', '7.0.0'],
    branches: ['stable/2026.1'],
  }),
  deliverableFile('hibiscus', 'os-brick', { releases: ['7.1.0'] }),
]);

const epoxyOnly = repository({
  branches: [
    branch('master'),
    branch('stable/2025.1', '2025-03-10'),
    branch('unmaintained/2024.1'),
  ],
  tags: [tag('2024.1-eom', '2025-11-01'), tag('6.11.1', '2026-01-10')],
});
const epoxyReleases = releases([
  deliverableFile('epoxy', 'os-brick', { releases: ['6.11.1'], branches: ['stable/2025.1'] }),
]);

const ironicLibEpoxy = deliverableFile('epoxy', 'ironic-lib', {
  releases: ['7.0.0', '2025.1-eol'],
  branches: ['stable/2025.1'],
  retired: true,
});

// Releases data read from a plain directory, newer than a past date (research §2.3–§3).
const latest = (facts: ReleasesFacts): ReleasesFacts => ({ ...facts, seriesAsOf: 'latest' });
const sushyCaracal = deliverableFile('caracal', 'sushy', {
  releases: ['4.8.0', '5.0.0', '2024.1-eom'],
  branches: ['stable/2024.1', 'unmaintained/2024.1'],
});
const sushyLatest = latest(releases([sushyCaracal], 'sushy'));
const sushyRepo = (tags: GitTag[]): RepositoryFacts =>
  repository({
    name: 'openstack/sushy',
    branches: [branch('master', '2024-05-30'), branch('stable/2024.1', '2024-02-20')],
    tags: [tag('5.0.0', '2024-02-20'), ...tags],
  });

const removal = (effective: string): { removal: RemovalDeclaration } => ({
  removal: { effective, reason: 'team gone' },
});

// Issue 7 item 5: every gap in the data makes the deletion undetermined, never a pass.
const withoutSeries = (facts: ReleasesFacts, drop: string): ReleasesFacts => ({
  ...facts,
  series: facts.series.filter((s) => s.name !== drop),
});
const withoutReleaseId = (facts: ReleasesFacts, name: string): ReleasesFacts => ({
  ...facts,
  series: facts.series.map((s) => (s.name === name ? { ...s, releaseId: null } : s)),
});
const undated = (...names: string[]): RepositoryFacts['undatedBranches'] =>
  names.map((n) => ({ name: n, reason: `git merge-base master ${n} found no common ancestor` }));
const ironicLibRepo = (tags: GitTag[]): RepositoryFacts =>
  repository({
    name: 'openstack/ironic-lib',
    branches: [branch('master'), branch('stable/2025.1', '2025-03-01')],
    tags: [tag('7.0.0', '2025-03-01'), ...tags],
  });
const ironicLibDeleted = (tags: GitTag[], asOf = '2026-08-21'): RunInput => ({
  change: change('removed', entry('openstack/ironic-lib')),
  evidence: { releases: releases([ironicLibEpoxy], 'ironic-lib'), repository: ironicLibRepo(tags) },
  asOf,
});

const failClosedCases: [string, RunInput, Expected[]][] = [
  [
    'a later stable branch git cannot date (no merge-base) of a maintained series: undetermined',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('master')],
          undatedBranches: undated('stable/2025.1'),
        }),
      },
    },
    [
      {
        unavailable: 'repository',
        reason: [
          'whether stable/2025.1 is a stable branch still maintained on 2026-08-21 cannot be established',
          'git merge-base master stable/2025.1 found no common ancestor',
          'pass a complete (not shallow) clone of the repository under --repos-root',
        ],
      },
    ],
  ],
  [
    'an undatable branch of a series already end of life on the date changes nothing',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({ undatedBranches: undated('stable/2024.2', 'unmaintained/zed') }),
      },
    },
    [{ severity: 'info', message: ['No maintained stable branch', '(none found)'] }],
  ],
  [
    'an undatable branch of a series not yet branched on the date changes nothing',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({ undatedBranches: undated('stable/2026.2') }),
      },
      asOf: '2026-01-15',
    },
    [{ severity: 'info', message: ['(none found)'] }],
  ],
  [
    'an undatable branch the repository tagged out of maintenance changes nothing',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          tags: [tag('2025.1-eol', '2026-05-01')],
          undatedBranches: undated('stable/2025.1'),
        }),
      },
    },
    [{ severity: 'info', message: ['(none found)'] }],
  ],
  [
    'an undatable branch the releases data records is judged from the data',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: epoxyReleases,
        repository: repository({ undatedBranches: undated('stable/2025.1') }),
      },
    },
    [{ severity: 'error', message: ['stable/2025.1 (epoxy)'] }],
  ],
  [
    'a git stable branch whose series series_status.yaml lacks: undetermined',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: withoutSeries(releases([]), 'gazpacho'),
        repository: repository({
          branches: [branch('master'), branch('stable/2026.1', '2026-03-02')],
        }),
      },
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'stable/2026.1: no series in series_status.yaml has release-id 2026.1',
          'missing from the data, or is listed without its release-id',
          'a git checkout of openstack/releases as --releases',
        ],
      },
    ],
  ],
  [
    'a series listed without its release-id: its stable/<id> branch is undetermined',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: withoutReleaseId(epoxyReleases, 'epoxy'),
        repository: repository({
          branches: [branch('master'), branch('stable/2025.1', '2025-03-10')],
        }),
      },
    },
    [
      {
        unavailable: 'releases',
        reason: ['stable/2025.1: no series in series_status.yaml has release-id 2025.1'],
      },
    ],
  ],
  [
    'a recorded branch of a series the data does not name, repository unavailable: undetermined',
    {
      change: change('removed', entry(name)),
      evidence: { releases: withoutSeries(epoxyReleases, 'epoxy') },
      missing: { repository: 'not under --repos-root' },
    },
    [{ unavailable: 'releases', reason: ['stable/2025.1', 'release-id 2025.1'] }],
  ],
  [
    'a branch recorded under a series directory series_status.yaml does not list: undetermined',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: {
          ...releases([
            deliverableFile('dalmatian', 'os-brick', {
              releases: ['6.9.1', '2024.2-eol'],
              branches: ['stable/2024.2'],
            }),
          ]),
          unlistedSeriesFiles: [
            deliverableFile('jasmine', 'os-brick', {
              releases: ['9.0.0'],
              branches: ['stable/2027.2'],
            }),
          ],
        },
      },
      missing: { repository: 'no --repos-root' },
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'stable/2027.2: recorded in deliverables/jasmine/os-brick.yaml, whose series jasmine series_status.yaml does not list',
        ],
      },
    ],
  ],
  [
    'a stable branch named by a word no series has: undetermined',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({ branches: [branch('master'), branch('stable/ocelot')] }),
      },
    },
    [
      {
        unavailable: 'releases',
        reason: ['stable/ocelot: no series in series_status.yaml is named ocelot'],
      },
    ],
  ],
  [
    'a covered branch still fails beside an undetermined one',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [
            branch('master'),
            branch('stable/2025.1', '2025-03-10'),
            branch('stable/2099.1'),
          ],
        }),
      },
    },
    [
      { severity: 'error', message: ['stable/2025.1 (epoxy) is still maintained'] },
      { unavailable: 'releases', reason: ['stable/2099.1'] },
    ],
  ],
  [
    'repository unavailable and the deliverable files record no stable branch: undetermined',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([deliverableFile('epoxy', 'os-brick', { releases: ['6.11.1'] })]),
      },
      missing: { repository: 'openstack/os-brick is a shallow clone' },
    },
    [
      {
        unavailable: 'repository',
        reason: [
          'the deliverable files (deliverables/epoxy/os-brick.yaml) record no stable branch of openstack/os-brick',
          'no repository to read branches from (openstack/os-brick is a shallow clone)',
          'cannot be established',
        ],
      },
    ],
  ],
  [
    'repository unavailable, the only recorded branch could not exist yet: undetermined',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: releases(
          [
            deliverableFile('gazpacho', 'sushy', {
              releases: ['5.10.0'],
              branches: ['stable/2026.1'],
            }),
          ],
          'sushy',
        ),
      },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-11-18',
    },
    [
      {
        unavailable: 'repository',
        reason: ['record no stable branch of openstack/sushy that existed on 2025-11-18'],
      },
    ],
  ],
  [
    'a lightweight -eol tag does not end coverage',
    ironicLibDeleted([tag('2025.1-eol', '2026-02-01', { annotated: false })]),
    [
      {
        severity: 'error',
        message: [
          'stable/2025.1 (epoxy) is still maintained',
          "the repository's 2025.1-eol is a lightweight tag, with no tagger date of its own",
          'only an annotated tag dated by its tagger ends coverage',
        ],
      },
    ],
  ],
  [
    'an annotated -eol tag without a readable tagger date does not end coverage',
    ironicLibDeleted([tag('2025.1-eol', '2026-02-01', { taggerDate: null })]),
    [
      {
        severity: 'error',
        message: ['2025.1-eol is an annotated tag without a readable tagger date'],
      },
    ],
  ],
  [
    'an -eol tag dated 1970 (git reads an unparseable tagger date as 0) does not end coverage',
    ironicLibDeleted([
      tag('2025.1-eol', '2026-02-01', { taggerDate: '1970-01-01T00:00:00+00:00' }),
    ]),
    [
      {
        severity: 'error',
        message: ['2025.1-eol is tagged 1970-01-01, before epoxy was released'],
      },
    ],
  ],
  [
    'an annotated -eol tag whose tagger date is after the date does not end coverage',
    ironicLibDeleted(
      [tag('2025.1-eol', '2026-02-01', { date: '2025-06-01T12:00:00+00:00' })],
      '2026-01-31',
    ),
    [
      {
        severity: 'error',
        message: ['stable/2025.1 (epoxy) is still maintained as of 2026-01-31'],
      },
    ],
  ],
  [
    'an annotated, tagger-dated -eom ends coverage even beside a lightweight -eol',
    ironicLibDeleted([
      tag('2025.1-eol', '2026-02-01', { annotated: false }),
      tag('2025.1-eom', '2026-01-15'),
    ]),
    [{ severity: 'info', message: ['stable/2025.1: the repository tagged 2025.1-eom'] }],
  ],
  [
    'a lightweight eom tag does not make an inferred-maintained branch leave (latest data)',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: sushyLatest,
        repository: sushyRepo([tag('2024.1-eom', '2024-05-15', { annotated: false })]),
      },
      asOf: '2024-06-01',
    },
    [
      {
        severity: 'error',
        message: ['stable/2024.1 (caracal) is still maintained', 'lightweight'],
      },
    ],
  ],
  [
    'a scheduled removal names the branches it cannot judge',
    {
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('master'), branch('stable/2099.1')],
          tags: [tag('7.1.0', '2026-07-01')],
        }),
      },
    },
    [
      {
        severity: 'info',
        field: 'removal',
        message: [
          'whether stable/2099.1 (no series in series_status.yaml has release-id 2099.1',
          'cannot be established',
        ],
      },
    ],
  ],
];

const cases: [string, RunInput, Expected[]][] = [
  [
    'deleted (native) with three maintained branches',
    {
      change: change('removed', entry(name)),
      evidence: { releases: brickReleases, repository: brickRepo },
    },
    [
      {
        severity: 'error',
        message: [
          'stable/2025.1 (epoxy)',
          'until 2026-10-02 (then unmaintained)',
          'schedule the removal with removal.effective',
        ],
      },
      {
        severity: 'error',
        message: ['stable/2025.2 (flamingo)', 'until 2027-04-28 (then end of life)'],
      },
      { severity: 'error', message: ['stable/2026.1 (gazpacho)', 'until 2027-10-27'] },
    ],
  ],
  [
    'deleted (rst) the day before epoxy leaves maintenance',
    {
      change: change('removed', entry(name)),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
      asOf: '2026-10-01',
      format: 'rst',
    },
    [
      {
        severity: 'error',
        message: ['stable/2025.1', 'Keep the entry and delete it on or after 2026-10-02'],
      },
    ],
  ],
  [
    'deleted (rst) on the day epoxy leaves maintenance',
    {
      change: change('removed', entry(name)),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
      asOf: '2026-10-02',
      format: 'rst',
    },
    [{ severity: 'info', message: ['No maintained stable branch', 'epoxy is unmaintained'] }],
  ],
  [
    'deleted, repository unavailable: branches from the deliverable files',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([
          deliverableFile('caracal', 'os-brick', {
            releases: ['6.7.0', '2024.1-eom'],
            branches: ['stable/2024.1', 'unmaintained/2024.1'],
          }),
          deliverableFile('dalmatian', 'os-brick', {
            releases: ['6.9.1', '2024.2-eol'],
            branches: ['stable/2024.2'],
          }),
          deliverableFile('epoxy', 'os-brick', {
            releases: ['6.11.1'],
            branches: ['stable/2025.1'],
          }),
        ]),
      },
      missing: { repository: 'not under --repos-root' },
    },
    [{ severity: 'error', message: ['stable/2025.1 (epoxy)'] }],
  ],
  [
    'the repository left maintenance ahead of its series (own -eol git tag)',
    {
      change: change('removed', entry('openstack/ironic-lib')),
      evidence: {
        releases: releases([ironicLibEpoxy], 'ironic-lib'),
        repository: repository({
          branches: [branch('master'), branch('unmaintained/2023.1')],
          tags: [tag('7.0.0', '2025-03-01'), tag('2025.1-eol', '2026-02-01')],
        }),
      },
    },
    [{ severity: 'info', message: ['stable/2025.1: the repository tagged 2025.1-eol'] }],
  ],
  [
    'the same from the deliverable files when the repository is unavailable',
    {
      change: change('removed', entry('openstack/ironic-lib')),
      evidence: { releases: releases([ironicLibEpoxy], 'ironic-lib') },
      missing: { repository: 'no --repos-root' },
    },
    [{ severity: 'info', message: ['the repository tagged 2025.1-eol'] }],
  ],
  [
    'an eol tag made after the date does not end coverage on the date',
    {
      change: change('removed', entry('openstack/ironic-lib')),
      evidence: {
        releases: releases([ironicLibEpoxy], 'ironic-lib'),
        repository: repository({
          branches: [branch('master'), branch('stable/2025.1', '2025-03-01')],
          tags: [tag('7.0.0', '2025-03-01'), tag('2025.1-eol', '2026-02-01')],
        }),
      },
      asOf: '2026-01-31',
    },
    [{ severity: 'error', message: ['stable/2025.1 (epoxy)'] }],
  ],
  [
    'a branch the releases data records counts although a stale mirror lacks it',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: releases(
          [
            deliverableFile('gazpacho', 'sushy', {
              releases: ['5.10.0'],
              branches: ['stable/2026.1'],
            }),
          ],
          'sushy',
        ),
        repository: repository({
          branches: [branch('master'), branch('stable/2024.2'), branch('unmaintained/2023.1')],
        }),
      },
    },
    [{ severity: 'error', message: ['stable/2026.1 (gazpacho)', 'until 2027-10-27'] }],
  ],
  [
    'a recorded branch of a series released long after the date could not exist yet',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: releases(
          [
            deliverableFile('gazpacho', 'sushy', {
              releases: ['5.10.0'],
              branches: ['stable/2026.1'],
            }),
          ],
          'sushy',
        ),
        repository: repository({ branches: [branch('master'), branch('unmaintained/2023.1')] }),
      },
      asOf: '2025-11-18',
    },
    [{ severity: 'info', message: ['(none found)'] }],
  ],
  [
    'a stale stable branch of an end-of-life series does not count',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: releases([], 'sushy'),
        repository: repository({
          branches: [branch('master'), branch('stable/2024.2'), branch('unmaintained/2023.1')],
        }),
      },
    },
    [{ severity: 'info', message: ['dalmatian is end of life'] }],
  ],
  [
    'a development series with its stable branch already cut is covered',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('master'), branch('stable/2026.2', '2026-09-10')],
        }),
      },
      asOf: '2026-09-15',
    },
    [{ severity: 'error', message: ['stable/2026.2 (hibiscus)', 'no date set yet'] }],
  ],
  [
    'a branch created after the date does not exist yet; version branches are not series',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('stable/2026.1', '2026-03-02'), branch('stable/3.1')],
        }),
      },
      asOf: '2026-02-01',
    },
    [{ severity: 'info', message: ['(none found)'] }],
  ],
  [
    'deleted, nothing known about branches',
    {
      change: change('removed', entry(name)),
      evidence: { releases: releases([], null) },
      missing: { repository: 'no --repos-root' },
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'no deliverable file in the releases data names openstack/os-brick',
          'no repository to read branches from (no --repos-root)',
        ],
      },
    ],
  ],
  [
    'deleted, no deliverable file but the repository: its branches decide',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([], null),
        repository: repository({
          branches: [branch('master'), branch('unmaintained/2024.1', '2025-11-01')],
        }),
      },
    },
    [{ severity: 'info', message: ['No maintained stable branch', '(none found)'] }],
  ],
  [
    'plain releases data, past date: caracal unmaintained now, no 2024.1-eom tag yet on the date',
    {
      change: change('removed', entry('openstack/sushy')),
      // The tag made later is not in the repository as of the date.
      evidence: { releases: sushyLatest, repository: sushyRepo([tag('2024.1-eom', '2025-11-01')]) },
      asOf: '2024-06-01',
    },
    [
      {
        severity: 'error',
        message: [
          'stable/2024.1 (caracal) is still maintained as of 2024-06-01',
          'inferred: releases data newer than the date shows caracal unmaintained now',
          'until the repository tags its end of maintenance',
        ],
      },
    ],
  ],
  [
    'plain releases data, past date: the repository tagged 2024.1-eom before the date',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest, repository: sushyRepo([tag('2024.1-eom', '2024-05-15')]) },
      asOf: '2024-06-01',
    },
    [
      {
        severity: 'info',
        message: [
          'stable/2024.1: the repository tagged 2024.1-eom (caracal is maintained, inferred)',
        ],
      },
    ],
  ],
  [
    'plain releases data, past date, repository unavailable: the eom tag has no date',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest },
      missing: { repository: 'no --repos-root' },
      asOf: '2024-06-01',
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'the maintenance state of stable/2024.1 (caracal) on 2024-06-01 cannot be established ' +
            'from releases data that is not a git checkout',
          "records the repository's 2024.1-eom tag without its date",
          'Pass a git checkout of openstack/releases as --releases (or --repos-root with the repository)',
        ],
      },
    ],
  ],
  [
    'plain releases data, past date, repository unavailable, no transition recorded',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: latest(
          releases(
            [
              deliverableFile('caracal', 'sushy', {
                releases: ['5.0.0'],
                branches: ['stable/2024.1'],
              }),
            ],
            'sushy',
          ),
        ),
      },
      missing: { repository: 'no --repos-root' },
      asOf: '2024-06-01',
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'cannot be established',
          'the repository is not available to show its own eom/eol tags',
        ],
      },
    ],
  ],
  [
    'plain releases data, past date, repository unavailable: one error for every such branch',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: latest(
          releases(
            [
              sushyCaracal,
              deliverableFile('dalmatian', 'sushy', {
                releases: ['5.2.0', '2024.2-eol'],
                branches: ['stable/2024.2'],
              }),
            ],
            'sushy',
          ),
        ),
      },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-06-01',
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'the maintenance state of stable/2024.1 (caracal), stable/2024.2 (dalmatian) on 2025-06-01',
          'without the repository nothing dated tells when each branch left maintenance',
        ],
      },
    ],
  ],
  [
    'plain releases data, past date, no repository: a maintained branch fails, an undetermined one is unavailable',
    {
      change: change('removed', entry(name)),
      evidence: {
        releases: latest(
          releases([
            deliverableFile('caracal', 'os-brick', {
              releases: ['6.7.0', '2024.1-eom'],
              branches: ['stable/2024.1'],
            }),
            ...epoxyReleases.files,
          ]),
        ),
      },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-06-01',
    },
    [
      {
        severity: 'error',
        message: ['stable/2025.1 (epoxy) is still maintained as of 2025-06-01'],
      },
      { unavailable: 'releases', reason: ['stable/2024.1 (caracal)', 'a git checkout'] },
    ],
  ],
  [
    'plain releases data, past date: a series maintained now was maintained then',
    {
      change: change('removed', entry(name)),
      evidence: { releases: latest(epoxyReleases) },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-06-01',
    },
    [
      {
        severity: 'error',
        message: ['stable/2025.1 (epoxy) is still maintained as of 2025-06-01'],
      },
    ],
  ],
  [
    'plain releases data, past date: end of life from the eol-date on',
    {
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: latest(releases([], 'sushy')),
        repository: repository({ branches: [branch('stable/2024.2', '2024-09-10')] }),
      },
      asOf: '2026-05-01',
    },
    [{ severity: 'info', message: ['stable/2024.2: dalmatian is end of life'] }],
  ],
  [
    'exact releases data: epoxy on 2026-09-01, before its next phase (2026-10-02)',
    {
      change: change('removed', entry(name)),
      evidence: { releases: { ...epoxyReleases, seriesAsOf: 'exact' }, repository: epoxyOnly },
      asOf: '2026-09-01',
    },
    [
      {
        severity: 'error',
        message: ['stable/2025.1 (epoxy)', 'until 2026-10-02 (then unmaintained)'],
      },
    ],
  ],
  [
    'exact releases data: epoxy on 2026-10-03, after its next phase',
    {
      change: change('removed', entry(name)),
      evidence: { releases: { ...epoxyReleases, seriesAsOf: 'exact' }, repository: epoxyOnly },
      asOf: '2026-10-03',
    },
    [{ severity: 'info', message: ['epoxy is unmaintained'] }],
  ],
  [
    'deleted native entry whose removal was scheduled',
    {
      change: change('removed', entry(name, removal('8.0.0'))),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
    },
    [{ severity: 'error', message: ['its removal at 8.0.0 is scheduled'] }],
  ],
  [
    'scheduled at the next major release',
    {
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: { releases: brickReleases, repository: brickRepo },
    },
    [
      {
        severity: 'info',
        field: 'removal',
        message: [
          'Removal scheduled at 8.0.0',
          'after the latest release 7.1.0',
          'stable/2025.1 until 2026-10-02',
        ],
      },
    ],
  ],
  [
    'scheduled at a patch release',
    {
      change: change('added', entry(name, removal('7.1.1'))),
      evidence: { releases: brickReleases, repository: brickRepo },
    },
    [{ severity: 'error', field: 'removal', message: ['a patch release', 'X.Y.0'] }],
  ],
  [
    'scheduled at a pre-release',
    {
      change: change('added', entry(name, removal('8.0.0.0rc1'))),
      evidence: { releases: brickReleases, repository: brickRepo },
    },
    [{ severity: 'error', field: 'removal', message: ['not a final release (pre-release)'] }],
  ],
  [
    'scheduled at a release that already exists',
    {
      change: change('modified', entry(name, removal('7.1.0')), { changedFields: ['removal'] }),
      evidence: { releases: brickReleases, repository: brickRepo },
    },
    [
      {
        severity: 'error',
        field: 'removal',
        message: ['not in the future', '7.1.0 (git tag, 2026-07-01)'],
      },
    ],
  ],
  [
    'scheduled before a release only the releases data knows (repository unavailable)',
    {
      change: change('added', entry(name, removal('7.0.0'))),
      evidence: { releases: brickReleases },
      missing: { repository: 'no --repos-root' },
    },
    [{ severity: 'error', field: 'removal', message: ['7.1.0 (releases data'] }],
  ],
  [
    'scheduled, no deliverable file and no repository: unavailable, not accepted',
    {
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: { releases: releases([], null) },
      missing: { repository: 'no --repos-root' },
    },
    [
      {
        unavailable: 'releases',
        reason: [
          'no deliverable file in the releases data names openstack/os-brick',
          'no repository to read its tags from (no --repos-root)',
          'whether 8.0.0 is a future release cannot be established',
        ],
      },
    ],
  ],
  [
    'scheduled, no deliverable file but the repository: its tags decide',
    {
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: { releases: releases([], null), repository: brickRepo },
    },
    [{ severity: 'info', field: 'removal', message: ['after the latest release 7.1.0 (git tag'] }],
  ],
  [
    'scheduled at a patch release with nothing known: still a patch release',
    {
      change: change('added', entry(name, removal('8.0.1'))),
      evidence: { releases: releases([], null) },
    },
    [{ severity: 'error', field: 'removal', message: ['a patch release'] }],
  ],
  [
    "'latest' releases data at a past date: a later series' release is not counted (tags decide)",
    {
      change: change('added', entry(name, removal('7.1.0'))),
      evidence: { releases: latest(brickReleases), repository: brickRepo },
      asOf: '2026-06-01',
    },
    [{ severity: 'info', field: 'removal', message: ['after the latest release 7.0.0 (git tag'] }],
  ],
  [
    "'latest' releases data, the same date, no repository: 7.1.0 may have existed (unavailable)",
    {
      change: change('added', entry(name, removal('7.1.0'))),
      evidence: { releases: latest(brickReleases) },
      missing: { repository: 'no --repos-root' },
      asOf: '2026-06-01',
    },
    [
      {
        unavailable: 'repository',
        reason: ['7.1.0 (hibiscus, released 2026-09-30)', 'under development', 'no --repos-root'],
      },
    ],
  ],
  [
    "'latest' releases data, no repository, long before the later series: they did not exist",
    {
      change: change('added', entry(name, removal('7.0.0'))),
      evidence: { releases: latest(brickReleases) },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-06-01',
    },
    [
      {
        severity: 'info',
        field: 'removal',
        message: ['after the latest release 6.11.1 (releases data', 'Git tags were not examined'],
      },
    ],
  ],
  [
    'an old schedule that has taken effect (audit)',
    {
      change: change('audited', entry(name, removal('7.0.0'))),
      evidence: { releases: brickReleases, repository: brickRepo },
    },
    [{ severity: 'info', field: 'removal', message: ['has taken effect'] }],
  ],
];

describe('removal', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it.each(failClosedCases)('fails closed: %s', (_name, input, expected) => {
    expect(mismatches(runRule(rule, input), expected)).toEqual([]);
  });

  it('bounds what it says about many branches it cannot judge', () => {
    const many = Array.from({ length: 40 }, (_, i) => branch(`stable/bogus${i}`));
    const results = runRule(rule, {
      change: change('removed', entry(name)),
      evidence: { releases: releases([]), repository: repository({ branches: many }) },
    });
    expect(results).toHaveLength(1);
    const [result] = results === 'evidence-unavailable' ? [] : results;
    expect(result?.unavailable?.kind).toBe('releases');
    expect(result?.message).toContain('; and 35 more');
    expect(result?.message.length).toBeLessThan(1500);
    expect(result?.evidence).toMatchObject({ unresolvedCount: 40 });
    expect((result?.evidence as { unresolved: unknown[] }).unresolved).toHaveLength(20);
  });

  it('applies to deleted entries and to declared removals only', () => {
    expect(rule.appliesTo(change('removed', entry(name)))).toBe(true);
    expect(rule.appliesTo(change('added', entry(name)))).toBe(false);
    expect(rule.appliesTo(change('modified', entry(name, removal('8.0.0'))))).toBe(true);
    expect(rule.needs(change('removed', entry(name)))).toEqual(['releases']);
  });

  it('marks an inferred status and an undetermined branch in the evidence', () => {
    const inferred = runRule(rule, {
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest, repository: sushyRepo([]) },
      asOf: '2024-06-01',
    });
    expect(inferred).toEqual([
      expect.objectContaining({
        evidence: expect.objectContaining({
          branch: expect.objectContaining({
            covered: true,
            series: expect.objectContaining({
              status: 'maintained',
              recordedStatus: 'unmaintained',
              basis: 'inferred',
              inferred: true,
            }),
          }),
        }),
      }),
    ]);
    const unknown = runRule(rule, {
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest },
      asOf: '2024-06-01',
    });
    expect(unknown).toEqual([
      expect.objectContaining({
        evidence: expect.objectContaining({
          undetermined: [
            expect.objectContaining({
              branch: 'stable/2024.1',
              covered: false,
              undetermined: true,
              reason: expect.stringContaining('2024.1-eom tag without its date'),
            }),
          ],
        }),
      }),
    ]);
  });

  it('a scheduled removal names the branches whose state is undetermined', () => {
    const results = runRule(rule, {
      change: change('added', entry('openstack/sushy', removal('6.0.0'))),
      evidence: { releases: sushyLatest },
      asOf: '2024-06-01',
    });
    expect(
      mismatches(results, [
        {
          severity: 'info',
          field: 'removal',
          message: [
            'no stable branch is known to be maintained any more',
            'whether stable/2024.1 was still maintained on the date cannot be established',
          ],
        },
      ]),
    ).toEqual([]);
  });

  it('names the series and its dates in the evidence', () => {
    const results = runRule(rule, cases[1]![1]);
    expect(results).toEqual([
      expect.objectContaining({
        evidence: expect.objectContaining({
          branch: expect.objectContaining({
            branch: 'stable/2025.1',
            series: expect.objectContaining({
              name: 'epoxy',
              status: 'maintained',
              nextPhase: { status: 'unmaintained', date: '2026-10-02' },
            }),
          }),
        }),
      }),
    ]);
  });
});
