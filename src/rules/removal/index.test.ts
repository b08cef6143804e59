import type {
  DeliverableFile,
  GitTag,
  ProjectConfigFacts,
  ReleasesFacts,
  RepositoryFacts,
  Series,
} from '../../evidence/types';
import { citeData, citeTag } from '../../openstack/cite';
import type { Citation } from '../../findings/finding';
import type { RemovalDeclaration } from '../../list/model';
import { judgeCase, testRule, type RuleTestCase } from '../../../test/helpers/rule-tester';
import {
  branch,
  change,
  deliverable,
  deliverableFile,
  governance,
  entry,
  releases,
  ref,
  repository,
  tag,
  team,
} from '../../../test/helpers/evidence-fixtures';
import { rule } from './index';

type MessageId = keyof typeof rule.meta.messages;
type Cases = { valid: RuleTestCase<MessageId>[]; invalid: RuleTestCase<MessageId>[] };

/** A reason that contains every one of `parts`, in any order. */
function allOf(...parts: string[]): RegExp {
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.map((p) => `(?=[\\s\\S]*${p})`).join(''));
}

/** The deleted os-brick entry, as a removal finding cites it. */
const deletedEntry: Citation = {
  source: 'list',
  text: 'entry openstack/os-brick, deleted by the change',
  file: 'repos-overseen.yaml',
  line: 10,
};
/** stable/2025.1 in series_status.yaml, maintained on the default date. */
const epoxyMaintained: Citation = {
  source: 'releases',
  text: 'branch stable/2025.1 (epoxy): maintained until 2026-10-02, then unmaintained',
  file: 'data/series_status.yaml',
  repository: 'openstack/releases',
  line: 42,
};

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
/** The pass of a repository with no release yet: no series had branched. */
const noRelease = (asOf: string, repo = name) =>
  ({
    messageId: 'noStableBranch',
    data: { asOf, proof: `${repo} had no release on or before ${asOf}, so no series had branched` },
    severity: 'info',
  }) as const;
/** The inputs of a case, without its name and expectations. */
type RunInput = Omit<RuleTestCase<string>, 'name' | 'expect'>;

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

const manyBogusBranches: RunInput = {
  change: change('removed', entry(name)),
  evidence: {
    releases: releases([]),
    repository: repository({
      branches: Array.from({ length: 40 }, (_, i) => branch(`stable/bogus${i}`)),
    }),
  },
};

// Issue 8 item 7: a repository governance has retired leaves with no team to cover its branches.
const retiredIn = (retiredOn: string | null, owned = false) =>
  governance(owned ? deliverable('os-brick', team('cinder')) : null, {
    team: 'cinder',
    deliverable: 'os-brick',
    retiredOn,
    ref: ref('governance', 'reference/legacy.yaml', 42),
  });
const retiredAcl: ProjectConfigFacts = {
  gerrit: {
    acl: '/home/gerrit2/acls/openstack/retired.config',
    description: 'RETIRED, os-brick',
    retired: true,
    ref: ref('project-config', 'gerrit/projects.yaml', 7),
  },
  zuul: null,
};
const epoxyDeletedRst: RunInput = {
  change: change('removed', entry(name)),
  evidence: { releases: epoxyReleases, repository: epoxyOnly },
  asOf: '2026-10-01',
  format: 'rst',
};
const epoxyStillMaintained = {
  branch: 'stable/2025.1',
  series: 'epoxy',
  asOf: '2026-10-01',
  caveats: '',
  leaves: 'until 2026-10-02 (then unmaintained)',
};
const retiredText =
  'deliverable os-brick of team cinder retired on 2026-09-01 (reference/legacy.yaml)';
const stillCoveredError = {
  messageId: 'deletedWhileMaintainedRst',
  data: { ...epoxyStillMaintained, when: 'on or after 2026-10-02' },
  severity: 'error',
} as const;

// glance_store judged on 2016-06-01 (issue 8 replay): stable/kilo, stable/liberty and
// stable/mitaka were alive, ended by -eol tags after the date and deleted since; 2016
// deliverable files record no branch. Series as the releases data of 2016 knows them (no status)
// and as today's series_status.yaml records them.
const glanceStore = 'openstack/glance_store';
const series2016 = (
  name: string,
  initialRelease: string | null,
  statusText: string,
  eolDate: string | null = null,
): Series => ({
  name,
  releaseId: null,
  status: null,
  statusText,
  initialRelease,
  nextPhase: null,
  eolDate,
  ref: ref('releases', 'doc/source/index.rst', 20),
});
const table2016: Series[] = [
  series2016('ocata', null, 'Future'),
  series2016('newton', '2016-10-06', 'Under Development'),
  series2016('mitaka', '2016-04-07', 'Current stable release, security-supported'),
  series2016('liberty', '2015-10-15', 'Security-supported', '2016-11-17'),
  series2016('kilo', '2015-04-30', 'Security-supported', '2016-05-02'),
];
const recordedToday: Series[] = table2016.map((s) => ({
  ...s,
  status: 'end of life',
  eolDate:
    s.eolDate ?? { ocata: '2021-06-15', newton: '2017-10-25', mitaka: '2017-04-10' }[s.name]!,
  ref: ref('releases', 'data/series_status.yaml', 400),
}));
const glanceFiles = [
  deliverableFile('kilo', 'glance-store', { releases: ['0.4.0'] }),
  deliverableFile('liberty', 'glance-store', { releases: ['0.5.0', '0.9.2'] }),
  deliverableFile('mitaka', 'glance-store', { releases: ['0.10.0', '0.13.1'] }),
];
const releases2016 = (files: DeliverableFile[], series = table2016): ReleasesFacts => ({
  series,
  deliverable: 'glance_store',
  files,
  seriesAsOf: 'exact',
  seriesStatusMissing: 'releases data at 2016-06-01 predates series status',
});
const glanceEolTags = [
  tag('kilo-eol', '2016-06-24'),
  tag('liberty-eol', '2017-02-17'),
  tag('mitaka-eol', '2017-07-05'),
  tag('newton-eol', '2017-10-25'),
];
const glanceRepo = repository({
  name: glanceStore,
  evaluated: { commit: 'c'.repeat(40), date: '2016-05-31T10:00:00+00:00', branch: 'master' },
  branches: [branch('master', '2016-05-31')],
  tags: [tag('0.4.0', '2015-03-19'), tag('0.9.2', '2016-03-20'), tag('0.13.1', '2016-04-12')],
  laterTags: glanceEolTags,
});
const glanceDeleted = (releasesFacts: ReleasesFacts, repo = glanceRepo): RunInput => ({
  change: change('removed', entry(glanceStore)),
  evidence: { releases: releasesFacts, repository: repo },
  asOf: '2016-06-01',
});
/** A reason with every one of `parts` and none of `absent`. */
function allOfNone(parts: string[], absent: string[]): RegExp {
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const none = absent.map((a) => `(?![\\s\\S]*${escape(a)})`).join('');
  return new RegExp(`^${none}${allOf(...parts).source}`);
}
const libertyStillMaintained = (branchName: string, seriesName: string) =>
  ({
    messageId: 'deletedWhileMaintained',
    data: {
      branch: branchName,
      series: seriesName,
      asOf: '2016-06-01',
      caveats: ` (inferred: releases data newer than the date shows ${seriesName} end of life now without saying when it left maintenance, and the repository had no eom/eol/em tag for it by then)`,
      leaves: 'until the repository tags its end of maintenance',
      when: 'once it leaves maintenance',
    },
    severity: 'error',
  }) as const;
const withRelease = (tags: GitTag[], extra: Partial<RepositoryFacts> = {}) =>
  repository({ branches: [branch('master')], tags, ...extra });

/** A deleted glance_store branch maintained on 2016-06-01: the entry, the branch, its later -eol tag, its file. */
const glanceStillMaintained = (series: string, index: number, version: string) => ({
  ...libertyStillMaintained(`stable/${series}`, series),
  citations: [
    {
      source: 'list' as const,
      text: 'entry openstack/glance_store, deleted by the change',
      file: 'repos-overseen.yaml',
      line: 10,
    },
    {
      source: 'releases' as const,
      text: `branch stable/${series} (${series}): maintained (inferred)`,
      file: 'data/series_status.yaml',
      repository: 'openstack/releases',
      line: 400,
    },
    citeTag(glanceStore, glanceEolTags[index]!),
    citeData(glanceFiles[index]!.releases[0]!.ref, `release ${version} of ${series}`),
  ],
});

const eolHistory: Cases = {
  valid: [
    {
      name: 'today-recorded series, pre-newton file: kilo was end of life on the date, so its branch is not covered',
      ...glanceDeleted(
        { ...releases2016([glanceFiles[0]!], recordedToday), seriesAsOf: 'latest' },
        { ...glanceRepo, laterTags: [glanceEolTags[0]!] },
      ),
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: { asOf: '2016-06-01', branches: 'stable/kilo: kilo is end of life' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'an independent deliverable with releases had no series branch: passes, citing its file',
      change: change('removed', entry('openstack/castellan-ui')),
      evidence: {
        releases: releases([
          deliverableFile('independent', 'castellan-ui', { releases: ['0.1.0'] }),
        ]),
        repository: withRelease([tag('0.1.0', '2018-01-20')], { name: 'openstack/castellan-ui' }),
      },
      asOf: '2019-05-22',
      expect: [
        {
          messageId: 'noStableBranch',
          data: {
            asOf: '2019-05-22',
            proof:
              'an independent deliverable (deliverables/_independent/castellan-ui.yaml), with no series branches',
          },
          severity: 'info',
          citations: [
            {
              source: 'repository',
              text: 'branches on 2019-05-22: master, no stable branch',
              repository: 'openstack/castellan-ui',
              commit: 'c'.repeat(40),
              url: `https://opendev.org/openstack/castellan-ui/commit/${'c'.repeat(40)}`,
            },
            citeData(
              ref('releases', 'deliverables/_independent/castellan-ui.yaml'),
              'deliverables/_independent/castellan-ui.yaml: independent release model',
            ),
          ],
        },
      ],
    },
    {
      name: 'a file of a branch-recording series that records no branch: passes with that reason',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([deliverableFile('flamingo', 'os-brick', { releases: ['6.12.0'] })]),
        repository: withRelease([tag('6.12.0', '2025-07-01')]),
      },
      expect: [
        {
          messageId: 'noStableBranch',
          data: {
            asOf: '2026-08-21',
            proof:
              'the deliverable files (deliverables/flamingo/os-brick.yaml) record no stable branch of it that existed on 2026-08-21, and its clone has none and no eol/eom/em tag for one',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a later eol tag of a series not branched by the date shows no branch then',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: withRelease([], { laterTags: [tag('2026.2-eol', '2028-04-01')] }),
      },
      asOf: '2026-01-15',
      expect: [noRelease('2026-01-15')],
    },
    {
      name: 'retired, releases but nothing that shows whether it had a branch: a warning',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([], null),
        repository: withRelease([tag('6.11.1', '2026-01-10')]),
        governance: retiredIn('2026-09-01'),
      },
      asOf: '2026-10-01',
      expect: [
        {
          messageId: 'retiredUnsettled',
          data: {
            retired: retiredText,
            branches: 'any stable branch',
            asOf: '2026-10-01',
            why: 'openstack/os-brick had releases by 2026-10-01 (latest tag 6.11.1, 2026-01-10), but no deliverable file in the releases data records its series or branches, and its clone has no stable branch of the date and no eol/eom/em tag for one: a stable branch deleted since without such a tag cannot be ruled out, so whether a maintained branch is still covered cannot be established. Pass releases data with its deliverable file (policy, Deprecation)',
          },
          severity: 'warning',
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'fails closed: glance_store on 2016-06-01, branches ended by later -eol tags, no series status: inconclusive, never "none found"',
      ...glanceDeleted(releases2016(glanceFiles)),
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOfNone(
            [
              'whether stable/kilo, stable/liberty, stable/mitaka is a stable branch still maintained on 2016-06-01 cannot be established',
              "stable/kilo: it existed on the date (the repository's kilo-eol tag (dated 2016-06-24, after 2016-06-01) ends a branch that existed then), but whether kilo was maintained on the date is not recorded: releases data at 2016-06-01 predates series status; its series table says 'Security-supported'",
              "stable/mitaka: it existed on the date (the repository's mitaka-eol tag (dated 2017-07-05, after 2016-06-01)",
            ],
            ['stable/newton', 'stable/ocata'],
          ),
        },
      ],
    },
    {
      name: 'fails closed: the same from the later -eol tags alone, with no deliverable file',
      ...glanceDeleted(releases2016([])),
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'stable/kilo, stable/liberty, stable/mitaka',
            'kilo-eol tag (dated 2016-06-24',
          ),
        },
      ],
    },
    {
      name: 'fails closed: the same from the pre-newton files alone, with no eol tag in the clone',
      ...glanceDeleted(releases2016(glanceFiles), { ...glanceRepo, laterTags: [] }),
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'stable/kilo, stable/liberty, stable/mitaka',
            'stable/kilo: it existed on the date (deliverables/kilo/glance-store.yaml records release 0.4.0 of kilo, released by the date, from before the releases data recorded branches: such a series has a stable branch)',
          ),
        },
      ],
    },
    {
      name: 'today-recorded series: liberty and mitaka were maintained on 2016-06-01, kilo was not; the errors cite each later -eol tag',
      ...glanceDeleted({ ...releases2016(glanceFiles, recordedToday), seriesAsOf: 'latest' }),
      expect: [
        glanceStillMaintained('liberty', 1, '0.5.0'),
        glanceStillMaintained('mitaka', 2, '0.10.0'),
      ],
    },
    {
      name: 'fails closed: a lightweight -eol tag on or before the date neither ends its branch nor hides it',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: withRelease([
          tag('6.13.0', '2025-09-01'),
          tag('2025.2-eol', '2026-05-01', { annotated: false }),
        ]),
      },
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.2',
            series: 'flamingo',
            asOf: '2026-08-21',
            caveats:
              " (the repository's 2025.2-eol is a lightweight tag, with no tagger date of its own: only an annotated tag dated by its tagger ends coverage)",
            leaves: 'until 2027-04-28 (then end of life)',
            when: 'on or after 2027-04-28',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: releases by the date, no deliverable file, no branch or eol tag: "none found" is not a pass',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([], null),
        repository: withRelease([tag('6.11.1', '2026-01-10'), tag('6.9.0', '2025-01-10')]),
      },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'openstack/os-brick had releases by 2026-08-21 (latest tag 6.11.1, 2026-01-10), but no deliverable file in the releases data records its series or branches',
            'a stable branch deleted since without such a tag cannot be ruled out',
          ),
        },
      ],
    },
  ],
};

const cases: Cases = {
  valid: [
    ...eolHistory.valid,
    {
      name: 'the list made to mean every official repository: an official base entry stays overseen',
      change: { ...change('removed', entry(name)), widened: true as const },
      evidence: {
        releases: epoxyReleases,
        repository: repository({ undatedBranches: undated('stable/2025.1') }),
        governance: governance(deliverable('os-brick', team('Cinder'))),
      },
      expect: [
        {
          messageId: 'stillOverseen',
          data: { repository: name, deliverable: 'os-brick', team: 'Cinder' },
          severity: 'info',
          citations: [
            {
              source: 'governance',
              text: 'deliverable os-brick (team Cinder)',
              file: 'reference/projects.yaml',
              repository: 'openstack/governance',
              line: 120,
            },
          ],
        },
      ],
    },
    {
      name: 'fails closed: an undatable branch of a series already end of life on the date changes nothing',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({ undatedBranches: undated('stable/2024.2', 'unmaintained/zed') }),
      },
      expect: [noRelease('2026-08-21')],
    },
    {
      name: 'fails closed: an undatable branch of a series not yet branched on the date changes nothing',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({ undatedBranches: undated('stable/2026.2') }),
      },
      asOf: '2026-01-15',
      expect: [noRelease('2026-01-15')],
    },
    {
      name: 'fails closed: an undatable branch the repository tagged out of maintenance changes nothing',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          tags: [tag('2025.1-eol', '2026-05-01')],
          undatedBranches: undated('stable/2025.1'),
        }),
      },
      expect: [noRelease('2026-08-21')],
    },
    {
      name: 'fails closed: an annotated, tagger-dated -eom ends coverage even beside a lightweight -eol',
      ...ironicLibDeleted([
        tag('2025.1-eol', '2026-02-01', { annotated: false }),
        tag('2025.1-eom', '2026-01-15'),
      ]),
      expect: [
        {
          messageId: 'noMaintainedBranch',
          citations: [
            epoxyMaintained,
            {
              source: 'repository',
              text: 'tag 2025.1-eom, 2026-01-15, ends its coverage',
              repository: 'openstack/ironic-lib',
              commit: '2025.1-eom000000000000000000000000000000',
            },
          ],
          data: {
            asOf: '2026-08-21',
            branches: 'stable/2025.1: the repository tagged 2025.1-eom (epoxy is maintained)',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'fails closed: a scheduled removal names the branches it cannot judge',
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('master'), branch('stable/2099.1')],
          tags: [tag('7.1.0', '2026-07-01')],
        }),
      },
      expect: [
        {
          messageId: 'scheduled',
          citations: [
            {
              source: 'list',
              text: 'removal.effective: 8.0.0',
              file: 'repos-overseen.yaml',
              line: 11,
            },
            {
              source: 'repository',
              text: 'latest release: tag 7.1.0, 2026-07-01',
              repository: 'openstack/os-brick',
              commit: '7.1.000000000000000000000000000000000000',
            },
          ],
          data: {
            effective: '8.0.0',
            latest: '7.1.0 (git tag, 2026-07-01)',
            coverage:
              'no stable branch is known to be maintained any more; whether stable/2099.1 (no series in series_status.yaml has release-id 2099.1 (the series is missing from the data, or is listed without its release-id)) is a maintained stable branch cannot be established',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'deleted (rst) on the day epoxy leaves maintenance',
      change: change('removed', entry(name)),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
      asOf: '2026-10-02',
      format: 'rst',
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: { asOf: '2026-10-02', branches: 'stable/2025.1: epoxy is unmaintained' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'the repository left maintenance ahead of its series (own -eol git tag)',
      change: change('removed', entry('openstack/ironic-lib')),
      evidence: {
        releases: releases([ironicLibEpoxy], 'ironic-lib'),
        repository: repository({
          branches: [branch('master'), branch('unmaintained/2023.1')],
          tags: [tag('7.0.0', '2025-03-01'), tag('2025.1-eol', '2026-02-01')],
        }),
      },
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: {
            asOf: '2026-08-21',
            branches: 'stable/2025.1: the repository tagged 2025.1-eol (epoxy is maintained)',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'the same from the deliverable files when the repository is unavailable',
      change: change('removed', entry('openstack/ironic-lib')),
      evidence: { releases: releases([ironicLibEpoxy], 'ironic-lib') },
      missing: { repository: 'no --repos-root' },
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: {
            asOf: '2026-08-21',
            branches: 'stable/2025.1: the repository tagged 2025.1-eol (epoxy is maintained)',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a recorded branch of a series released long after the date could not exist yet',
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
      expect: [noRelease('2025-11-18')],
    },
    {
      name: 'a stale stable branch of an end-of-life series does not count',
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: releases([], 'sushy'),
        repository: repository({
          branches: [branch('master'), branch('stable/2024.2'), branch('unmaintained/2023.1')],
        }),
      },
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: { asOf: '2026-08-21', branches: 'stable/2024.2: dalmatian is end of life' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'a branch created after the date does not exist yet; version branches are not series',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('stable/2026.1', '2026-03-02'), branch('stable/3.1')],
        }),
      },
      asOf: '2026-02-01',
      expect: [noRelease('2026-02-01')],
    },
    {
      name: 'deleted, no deliverable file but the repository: its branches decide',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([], null),
        repository: repository({
          branches: [branch('master'), branch('unmaintained/2024.1', '2025-11-01')],
        }),
      },
      expect: [noRelease('2026-08-21')],
    },
    {
      name: 'plain releases data, past date: the repository tagged 2024.1-eom before the date',
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest, repository: sushyRepo([tag('2024.1-eom', '2024-05-15')]) },
      asOf: '2024-06-01',
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: {
            asOf: '2024-06-01',
            branches:
              'stable/2024.1: the repository tagged 2024.1-eom (caracal is maintained, inferred)',
          },
          severity: 'info',
        },
      ],
    },
    {
      name: 'plain releases data, past date: end of life from the eol-date on',
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: latest(releases([], 'sushy')),
        repository: repository({ branches: [branch('stable/2024.2', '2024-09-10')] }),
      },
      asOf: '2026-05-01',
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: { asOf: '2026-05-01', branches: 'stable/2024.2: dalmatian is end of life' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'exact releases data: epoxy on 2026-10-03, after its next phase',
      change: change('removed', entry(name)),
      evidence: { releases: { ...epoxyReleases, seriesAsOf: 'exact' }, repository: epoxyOnly },
      asOf: '2026-10-03',
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: { asOf: '2026-10-03', branches: 'stable/2025.1: epoxy is unmaintained' },
          severity: 'info',
        },
      ],
    },
    {
      name: 'scheduled at the next major release',
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: { releases: brickReleases, repository: brickRepo },
      expect: [
        {
          messageId: 'scheduled',
          data: {
            effective: '8.0.0',
            latest: '7.1.0 (git tag, 2026-07-01)',
            coverage:
              'maintained branches stay covered: stable/2025.1 until 2026-10-02 (then unmaintained), stable/2025.2 until 2027-04-28 (then end of life), stable/2026.1 until 2027-10-27 (then unmaintained)',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'scheduled, no deliverable file but the repository: its tags decide',
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: { releases: releases([], null), repository: brickRepo },
      expect: [
        {
          messageId: 'scheduled',
          data: {
            effective: '8.0.0',
            latest: '7.1.0 (git tag, 2026-07-01)',
            coverage:
              'maintained branches stay covered: stable/2025.1 until 2026-10-02 (then unmaintained), stable/2025.2 until 2027-04-28 (then end of life), stable/2026.1 until 2027-10-27 (then unmaintained)',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: "'latest' releases data at a past date: a later series' release is not counted (tags decide)",
      change: change('added', entry(name, removal('7.1.0'))),
      evidence: { releases: latest(brickReleases), repository: brickRepo },
      asOf: '2026-06-01',
      expect: [
        {
          messageId: 'scheduled',
          data: {
            effective: '7.1.0',
            latest: '7.0.0 (git tag, 2026-03-02)',
            coverage:
              'maintained branches stay covered: stable/2025.1 until 2026-10-02 (then unmaintained), stable/2025.2 until 2027-04-28 (then end of life), stable/2026.1 until 2027-10-27 (then unmaintained)',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: "'latest' releases data, no repository, long before the later series: they did not exist",
      change: change('added', entry(name, removal('7.0.0'))),
      evidence: { releases: latest(brickReleases) },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-06-01',
      expect: [
        {
          messageId: 'scheduledUntagged',
          citations: [
            {
              source: 'list',
              text: 'removal.effective: 7.0.0',
              file: 'repos-overseen.yaml',
              line: 11,
            },
            {
              source: 'releases',
              text: 'latest release: release 6.11.1 (epoxy)',
              file: 'deliverables/epoxy/os-brick.yaml',
              repository: 'openstack/releases',
              line: 9,
            },
            epoxyMaintained,
          ],
          data: {
            effective: '7.0.0',
            latest: '6.11.1 (releases data, deliverables/epoxy/os-brick.yaml:9)',
            coverage:
              'maintained branches stay covered: stable/2025.1 until 2026-10-02 (then unmaintained)',
            tagsMissing: 'no --repos-root',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'an old schedule that has taken effect (audit)',
      change: change('audited', entry(name, removal('7.0.0'))),
      evidence: { releases: brickReleases, repository: brickRepo },
      expect: [
        {
          messageId: 'tookEffect',
          citations: [
            {
              source: 'list',
              text: 'removal.effective: 7.0.0',
              file: 'repos-overseen.yaml',
              line: 11,
            },
            {
              source: 'repository',
              text: 'latest release: tag 7.1.0, 2026-07-01',
              repository: 'openstack/os-brick',
              commit: '7.1.000000000000000000000000000000000000',
            },
            epoxyMaintained,
            {
              source: 'releases',
              text: 'branch stable/2025.2 (flamingo): maintained until 2027-04-28, then end of life',
              file: 'data/series_status.yaml',
              repository: 'openstack/releases',
              line: 34,
            },
            {
              source: 'releases',
              text: 'branch stable/2026.1 (gazpacho): maintained until 2027-10-27, then unmaintained',
              file: 'data/series_status.yaml',
              repository: 'openstack/releases',
              line: 26,
            },
          ],
          data: {
            effective: '7.0.0',
            latest: '7.1.0 (git tag, 2026-07-01)',
            coverage:
              'maintained branches stay covered: stable/2025.1 until 2026-10-02 (then unmaintained), stable/2025.2 until 2027-04-28 (then end of life), stable/2026.1 until 2027-10-27 (then unmaintained)',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'a scheduled removal names the branches whose state is undetermined',
      change: change('added', entry('openstack/sushy', removal('6.0.0'))),
      evidence: { releases: sushyLatest },
      missing: { repository: 'no --repos-root' },
      asOf: '2024-06-01',
      expect: [
        {
          messageId: 'scheduledUntagged',
          data: {
            effective: '6.0.0',
            latest: '5.0.0 (releases data, deliverables/caracal/sushy.yaml:9)',
            coverage:
              'no stable branch is known to be maintained any more; whether stable/2024.1 was still ' +
              'maintained on the date cannot be established without a git checkout of openstack/releases',
            tagsMissing: 'no --repos-root',
          },
          severity: 'info',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'retired in legacy.yaml before the date: a maintained branch is a warning, not an error',
      ...epoxyDeletedRst,
      evidence: { ...epoxyDeletedRst.evidence, governance: retiredIn('2026-09-01') },
      expect: [
        {
          messageId: 'retiredWhileMaintained',
          citations: [
            {
              source: 'governance',
              text: 'deliverable os-brick of team cinder, retired-on 2026-09-01',
              repository: 'openstack/governance',
              file: 'reference/legacy.yaml',
              line: 42,
            },
            epoxyMaintained,
          ],
          data: { ...epoxyStillMaintained, retired: retiredText },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'retired ACL in project-config: a maintained branch is a warning',
      ...epoxyDeletedRst,
      evidence: { ...epoxyDeletedRst.evidence, projectConfig: retiredAcl },
      expect: [
        {
          messageId: 'retiredWhileMaintained',
          data: {
            ...epoxyStillMaintained,
            retired: 'its Gerrit project has the retired ACL (gerrit/projects.yaml)',
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'retired: a branch whose state releases data cannot settle is a warning too',
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest, governance: retiredIn('2024-05-01') },
      missing: { repository: 'no --repos-root' },
      asOf: '2024-06-01',
      expect: [
        {
          messageId: 'retiredUnsettled',
          citations: [
            {
              source: 'governance',
              text: 'deliverable os-brick of team cinder, retired-on 2024-05-01',
              repository: 'openstack/governance',
              file: 'reference/legacy.yaml',
              line: 42,
            },
            {
              source: 'releases',
              text: 'branch stable/2024.1 (caracal): maintained (inferred)',
              file: 'data/series_status.yaml',
              repository: 'openstack/releases',
              line: 58,
            },
            { source: 'releases', text: 'tag 2024.1-eom in the releases data' },
          ],
          data: {
            retired:
              'deliverable os-brick of team cinder retired on 2024-05-01 (reference/legacy.yaml)',
            branches: 'stable/2024.1',
            asOf: '2024-06-01',
            why: 'stable/2024.1: the releases data is newer than the date and nothing dated tells when it left maintenance',
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'retired, no repository and no stable branch in the releases data: a warning',
      change: change('removed', entry(name)),
      evidence: { releases: releases([]), governance: retiredIn('2026-09-01') },
      missing: { repository: 'no --repos-root' },
      asOf: '2026-10-01',
      expect: [
        {
          messageId: 'retiredUnsettled',
          data: {
            retired: retiredText,
            branches: 'any stable branch',
            asOf: '2026-10-01',
            why: 'no repository to read branches from (no --repos-root) and no stable branch in the releases data',
          },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'retired with no maintained branch left: the usual note',
      change: change('removed', entry(name)),
      evidence: {
        releases: epoxyReleases,
        repository: epoxyOnly,
        governance: retiredIn('2026-09-01'),
      },
      asOf: '2026-10-05',
      expect: [
        {
          messageId: 'noMaintainedBranch',
          data: { asOf: '2026-10-05', branches: 'stable/2025.1: epoxy is unmaintained' },
          severity: 'info',
        },
      ],
    },
  ],
  invalid: [
    ...eolHistory.invalid,
    {
      name: 'the list made to mean every official repository: governance unreadable, so it cannot tell',
      change: { ...change('removed', entry(name)), widened: true as const },
      evidence: { releases: epoxyReleases },
      missing: { governance: 'no --governance' },
      expect: [
        {
          unavailable: 'governance',
          severity: 'error',
          reason: allOf(
            'whether openstack/os-brick stays overseen depends on governance',
            'no --governance',
          ),
        },
      ],
    },
    {
      name: 'the list made to mean every official repository: a base entry no team lists is a removal',
      change: { ...change('removed', entry(name)), widened: true as const },
      evidence: {
        releases: epoxyReleases,
        repository: repository({ undatedBranches: undated('stable/2025.1') }),
        governance: governance(null),
      },
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: a later stable branch git cannot date (no merge-base) of a maintained series: undetermined',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('master')],
          undatedBranches: undated('stable/2025.1'),
        }),
      },
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason: allOf(
            'whether stable/2025.1 is a stable branch still maintained on 2026-08-21 cannot be established',
            'git merge-base master stable/2025.1 found no common ancestor',
            'pass a complete (not shallow) clone of the repository under --repos-root',
          ),
        },
      ],
    },
    {
      name: 'fails closed: an undatable branch the releases data records is judged from the data',
      change: change('removed', entry(name)),
      evidence: {
        releases: epoxyReleases,
        repository: repository({ undatedBranches: undated('stable/2025.1') }),
      },
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          citations: [deletedEntry, epoxyMaintained],
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: a git stable branch whose series series_status.yaml lacks: undetermined',
      change: change('removed', entry(name)),
      evidence: {
        releases: withoutSeries(releases([]), 'gazpacho'),
        repository: repository({
          branches: [branch('master'), branch('stable/2026.1', '2026-03-02')],
        }),
      },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'stable/2026.1: no series in series_status.yaml has release-id 2026.1',
            'missing from the data, or is listed without its release-id',
            'a git checkout of openstack/releases as --releases',
          ),
        },
      ],
    },
    {
      name: 'fails closed: a series listed without its release-id: its stable/<id> branch is undetermined',
      change: change('removed', entry(name)),
      evidence: {
        releases: withoutReleaseId(epoxyReleases, 'epoxy'),
        repository: repository({
          branches: [branch('master'), branch('stable/2025.1', '2025-03-10')],
        }),
      },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf('stable/2025.1: no series in series_status.yaml has release-id 2025.1'),
        },
      ],
    },
    {
      name: 'fails closed: a recorded branch of a series the data does not name, repository unavailable: undetermined',
      change: change('removed', entry(name)),
      evidence: { releases: withoutSeries(epoxyReleases, 'epoxy') },
      missing: { repository: 'not under --repos-root' },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf('stable/2025.1', 'release-id 2025.1'),
        },
      ],
    },
    {
      name: 'fails closed: a branch recorded under a series directory series_status.yaml does not list: undetermined',
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
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'stable/2027.2: recorded in deliverables/jasmine/os-brick.yaml, whose series jasmine series_status.yaml does not list',
          ),
        },
      ],
    },
    {
      name: 'fails closed: a stable branch named by a word no series has: undetermined',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({ branches: [branch('master'), branch('stable/ocelot')] }),
      },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf('stable/ocelot: no series in series_status.yaml is named ocelot'),
        },
      ],
    },
    {
      name: 'fails closed: a covered branch still fails beside an undetermined one',
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
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
        { unavailable: 'releases', severity: 'error', reason: allOf('stable/2099.1') },
      ],
    },
    {
      name: 'fails closed: repository unavailable and the deliverable files record no stable branch: undetermined',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([deliverableFile('epoxy', 'os-brick', { releases: ['6.11.1'] })]),
      },
      missing: { repository: 'openstack/os-brick is a shallow clone' },
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason: allOf(
            'the deliverable files (deliverables/epoxy/os-brick.yaml) record no stable branch of openstack/os-brick',
            'no repository to read branches from (openstack/os-brick is a shallow clone)',
            'cannot be established',
          ),
        },
      ],
    },
    {
      name: 'fails closed: repository unavailable, the only recorded branch could not exist yet: undetermined',
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
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason: allOf('record no stable branch of openstack/sushy that existed on 2025-11-18'),
        },
      ],
    },
    {
      name: 'fails closed: a lightweight -eol tag does not end coverage',
      ...ironicLibDeleted([tag('2025.1-eol', '2026-02-01', { annotated: false })]),
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats:
              " (the repository's 2025.1-eol is a lightweight tag, with no tagger date of its own: only an annotated tag dated by its tagger ends coverage)",
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: an annotated -eol tag without a readable tagger date does not end coverage',
      ...ironicLibDeleted([tag('2025.1-eol', '2026-02-01', { taggerDate: null })]),
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats:
              " (the repository's 2025.1-eol is an annotated tag without a readable tagger date: only an annotated tag dated by its tagger ends coverage)",
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: an -eol tag dated 1970 (git reads an unparseable tagger date as 0) does not end coverage',
      ...ironicLibDeleted([
        tag('2025.1-eol', '2026-02-01', { taggerDate: '1970-01-01T00:00:00+00:00' }),
      ]),
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats:
              " (the repository's 2025.1-eol is tagged 1970-01-01, before epoxy was released: only an annotated tag dated by its tagger ends coverage)",
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: an annotated -eol tag whose tagger date is after the date does not end coverage',
      ...ironicLibDeleted(
        [tag('2025.1-eol', '2026-02-01', { date: '2025-06-01T12:00:00+00:00' })],
        '2026-01-31',
      ),
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-01-31',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'fails closed: a lightweight eom tag does not make an inferred-maintained branch leave (latest data)',
      change: change('removed', entry('openstack/sushy')),
      evidence: {
        releases: sushyLatest,
        repository: sushyRepo([tag('2024.1-eom', '2024-05-15', { annotated: false })]),
      },
      asOf: '2024-06-01',
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2024.1',
            series: 'caracal',
            asOf: '2024-06-01',
            caveats:
              " (inferred: releases data newer than the date shows caracal unmaintained now without saying when it left maintenance, and the repository had no eom/eol/em tag for it by then) (the repository's 2024.1-eom is a lightweight tag, with no tagger date of its own: only an annotated tag dated by its tagger ends coverage)",
            leaves: 'until the repository tags its end of maintenance',
            when: 'once it leaves maintenance',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'deleted (native) with three maintained branches',
      change: change('removed', entry(name)),
      evidence: { releases: brickReleases, repository: brickRepo },
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.2',
            series: 'flamingo',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2027-04-28 (then end of life)',
            when: 'on or after 2027-04-28',
          },
          severity: 'error',
        },
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2026.1',
            series: 'gazpacho',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2027-10-27 (then unmaintained)',
            when: 'on or after 2027-10-27',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'deleted (rst) the day before epoxy leaves maintenance',
      change: change('removed', entry(name)),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
      asOf: '2026-10-01',
      format: 'rst',
      expect: [
        {
          messageId: 'deletedWhileMaintainedRst',
          citations: [deletedEntry, epoxyMaintained],
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-10-01',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'deleted, repository unavailable: branches from the deliverable files',
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
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'an eol tag made after the date does not end coverage on the date',
      change: change('removed', entry('openstack/ironic-lib')),
      evidence: {
        releases: releases([ironicLibEpoxy], 'ironic-lib'),
        repository: repository({
          branches: [branch('master'), branch('stable/2025.1', '2025-03-01')],
          tags: [tag('7.0.0', '2025-03-01'), tag('2025.1-eol', '2026-02-01')],
        }),
      },
      asOf: '2026-01-31',
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-01-31',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'a branch the releases data records counts although a stale mirror lacks it',
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
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2026.1',
            series: 'gazpacho',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2027-10-27 (then unmaintained)',
            when: 'on or after 2027-10-27',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'a development series with its stable branch already cut is covered',
      change: change('removed', entry(name)),
      evidence: {
        releases: releases([]),
        repository: repository({
          branches: [branch('master'), branch('stable/2026.2', '2026-09-10')],
        }),
      },
      asOf: '2026-09-15',
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2026.2',
            series: 'hibiscus',
            asOf: '2026-09-15',
            caveats: '',
            leaves: 'with no date set yet for it to leave maintenance',
            when: 'once it leaves maintenance',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'deleted, nothing known about branches',
      change: change('removed', entry(name)),
      evidence: { releases: releases([], null) },
      missing: { repository: 'no --repos-root' },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'no deliverable file in the releases data names openstack/os-brick',
            'no repository to read branches from (no --repos-root)',
          ),
        },
      ],
    },
    {
      name: 'plain releases data, past date: caracal unmaintained now, no 2024.1-eom tag yet on the date',
      change: change('removed', entry('openstack/sushy')),
      // The tag made later is not in the repository as of the date.
      evidence: { releases: sushyLatest, repository: sushyRepo([tag('2024.1-eom', '2025-11-01')]) },
      asOf: '2024-06-01',
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2024.1',
            series: 'caracal',
            asOf: '2024-06-01',
            caveats:
              ' (inferred: releases data newer than the date shows caracal unmaintained now without saying when it left maintenance, and the repository had no eom/eol/em tag for it by then)',
            leaves: 'until the repository tags its end of maintenance',
            when: 'once it leaves maintenance',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'plain releases data, past date, repository unavailable: the eom tag has no date',
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest },
      missing: { repository: 'no --repos-root' },
      asOf: '2024-06-01',
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'the maintenance state of stable/2024.1 (caracal) on 2024-06-01 cannot be established ' +
              'from releases data that is not a git checkout',
            "records the repository's 2024.1-eom tag without its date",
            'Pass a git checkout of openstack/releases as --releases (or --repos-root with the repository)',
          ),
        },
      ],
    },
    {
      name: 'plain releases data, past date, repository unavailable, no transition recorded',
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
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'cannot be established',
            'the repository is not available to show its own eom/eol tags',
          ),
        },
      ],
    },
    {
      name: 'plain releases data, past date, repository unavailable: one error for every such branch',
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
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'the maintenance state of stable/2024.1 (caracal), stable/2024.2 (dalmatian) on 2025-06-01',
            'without the repository nothing dated tells when each branch left maintenance',
          ),
        },
      ],
    },
    {
      name: 'plain releases data, past date, no repository: a maintained branch fails, an undetermined one is unavailable',
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
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2025-06-01',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf('stable/2024.1 (caracal)', 'a git checkout'),
        },
      ],
    },
    {
      name: 'plain releases data, past date: a series maintained now was maintained then',
      change: change('removed', entry(name)),
      evidence: { releases: latest(epoxyReleases) },
      missing: { repository: 'no --repos-root' },
      asOf: '2025-06-01',
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2025-06-01',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'exact releases data: epoxy on 2026-09-01, before its next phase (2026-10-02)',
      change: change('removed', entry(name)),
      evidence: { releases: { ...epoxyReleases, seriesAsOf: 'exact' }, repository: epoxyOnly },
      asOf: '2026-09-01',
      expect: [
        {
          messageId: 'deletedWhileMaintained',
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-09-01',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'deleted native entry whose removal was scheduled',
      change: change('removed', entry(name, removal('8.0.0'))),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
      expect: [
        {
          messageId: 'deletedWhileMaintainedScheduled',
          citations: [deletedEntry, epoxyMaintained],
          data: {
            branch: 'stable/2025.1',
            series: 'epoxy',
            asOf: '2026-08-21',
            caveats: '',
            leaves: 'until 2026-10-02 (then unmaintained)',
            when: 'on or after 2026-10-02',
            effective: '8.0.0',
          },
          severity: 'error',
        },
      ],
    },
    {
      name: 'scheduled at a patch release',
      change: change('added', entry(name, removal('7.1.1'))),
      evidence: { releases: brickReleases, repository: brickRepo },
      expect: [
        {
          messageId: 'patchRelease',
          citations: [
            {
              source: 'list',
              text: 'removal.effective: 7.1.1',
              file: 'repos-overseen.yaml',
              line: 11,
            },
            {
              source: 'repository',
              text: 'latest release: tag 7.1.0, 2026-07-01',
              repository: 'openstack/os-brick',
              commit: '7.1.000000000000000000000000000000000000',
            },
          ],
          data: { effective: '7.1.1', nextRelease: 'the next minor or major release after 7.1.0' },
          severity: 'error',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'scheduled at a pre-release',
      change: change('added', entry(name, removal('8.0.0.0rc1'))),
      evidence: { releases: brickReleases, repository: brickRepo },
      expect: [
        {
          messageId: 'notFinalRelease',
          citations: [
            {
              source: 'list',
              text: 'removal.effective: 8.0.0.0rc1',
              file: 'repos-overseen.yaml',
              line: 11,
            },
            {
              source: 'repository',
              text: 'latest release: tag 7.1.0, 2026-07-01',
              repository: 'openstack/os-brick',
              commit: '7.1.000000000000000000000000000000000000',
            },
          ],
          data: {
            effective: '8.0.0.0rc1',
            kind: 'pre-release',
            nextRelease: 'the next minor or major release after 7.1.0',
          },
          severity: 'error',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'scheduled at a release that already exists',
      change: change('modified', entry(name, removal('7.1.0')), { changedFields: ['removal'] }),
      evidence: { releases: brickReleases, repository: brickRepo },
      expect: [
        {
          messageId: 'alreadyReleased',
          citations: [
            {
              source: 'list',
              text: 'removal.effective: 7.1.0',
              file: 'repos-overseen.yaml',
              line: 11,
            },
            {
              source: 'repository',
              text: 'latest release: tag 7.1.0, 2026-07-01',
              repository: 'openstack/os-brick',
              commit: '7.1.000000000000000000000000000000000000',
            },
          ],
          data: {
            effective: '7.1.0',
            latest: '7.1.0 (git tag, 2026-07-01)',
            latestVersion: '7.1.0',
          },
          severity: 'error',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'scheduled before a release only the releases data knows (repository unavailable)',
      change: change('added', entry(name, removal('7.0.0'))),
      evidence: { releases: brickReleases },
      missing: { repository: 'no --repos-root' },
      expect: [
        {
          messageId: 'alreadyReleased',
          data: {
            effective: '7.0.0',
            latest: '7.1.0 (releases data, deliverables/hibiscus/os-brick.yaml:5)',
            latestVersion: '7.1.0',
          },
          severity: 'error',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: 'scheduled, no deliverable file and no repository: unavailable, not accepted',
      change: change('added', entry(name, removal('8.0.0'))),
      evidence: { releases: releases([], null) },
      missing: { repository: 'no --repos-root' },
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf(
            'no deliverable file in the releases data names openstack/os-brick',
            'no repository to read its tags from (no --repos-root)',
            'whether 8.0.0 is a future release cannot be established',
          ),
        },
      ],
    },
    {
      name: 'scheduled at a patch release with nothing known: still a patch release',
      change: change('added', entry(name, removal('8.0.1'))),
      evidence: { releases: releases([], null) },
      expect: [
        {
          messageId: 'patchRelease',
          data: { effective: '8.0.1', nextRelease: 'the next minor or major release' },
          severity: 'error',
          field: 'removal',
          line: 11,
        },
      ],
    },
    {
      name: "'latest' releases data, the same date, no repository: 7.1.0 may have existed (unavailable)",
      change: change('added', entry(name, removal('7.1.0'))),
      evidence: { releases: latest(brickReleases) },
      missing: { repository: 'no --repos-root' },
      asOf: '2026-06-01',
      expect: [
        {
          unavailable: 'repository',
          severity: 'error',
          reason: allOf(
            '7.1.0 (hibiscus, released 2026-09-30)',
            'under development',
            'no --repos-root',
          ),
        },
      ],
    },
    {
      name: 'bounds what it says about many branches it cannot judge',
      ...manyBogusBranches,
      expect: [
        {
          unavailable: 'releases',
          severity: 'error',
          reason: allOf('stable/bogus0, stable/bogus1', 'and 35 more', '; and 35 more)'),
        },
      ],
    },
    {
      name: 'retired only after the date: a maintained branch still blocks',
      ...epoxyDeletedRst,
      evidence: { ...epoxyDeletedRst.evidence, governance: retiredIn('2026-10-02') },
      expect: [stillCoveredError],
    },
    {
      name: 'in legacy.yaml but still an official deliverable (like openstack/ossa): still blocks',
      ...epoxyDeletedRst,
      evidence: { ...epoxyDeletedRst.evidence, governance: retiredIn('2026-09-01', true) },
      expect: [stillCoveredError],
    },
    {
      name: 'in legacy.yaml without a retired-on date: still blocks',
      ...epoxyDeletedRst,
      evidence: { ...epoxyDeletedRst.evidence, governance: retiredIn(null) },
      expect: [stillCoveredError],
    },
    {
      name: 'fails closed: governance and project-config unavailable, so never taken as retired',
      ...epoxyDeletedRst,
      missing: { governance: 'no --governance', projectConfig: 'no --project-config' },
      expect: [stillCoveredError],
    },
  ],
};

testRule(rule, cases);

describe('removal, beyond the table', () => {
  it('keeps a reason about many branches short', async () => {
    const [judged] = await judgeCase(rule, { name: 'many', ...manyBogusBranches, expect: [] });
    expect(String(judged?.finding.evidence.reason).length).toBeLessThan(1500);
  });

  it('applies to deleted entries and to declared removals only', () => {
    expect(rule.appliesTo(change('removed', entry(name)))).toBe(true);
    expect(rule.appliesTo(change('added', entry(name)))).toBe(false);
    expect(rule.appliesTo(change('modified', entry(name, removal('8.0.0'))))).toBe(true);
    expect(rule.meta.needs).toEqual(['releases']);
    expect(rule.meta.wants).toEqual(['repository', 'governance', 'projectConfig']);
  });

  it('marks an inferred status in the evidence', async () => {
    const judged = await judgeCase(rule, {
      name: 'inferred',
      change: change('removed', entry('openstack/sushy')),
      evidence: { releases: sushyLatest, repository: sushyRepo([]) },
      asOf: '2024-06-01',
      expect: [],
    });
    expect(judged.map((j) => j.finding.evidence)).toEqual([
      expect.objectContaining({
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
    ]);
  });

  it('names the series and its dates in the evidence', async () => {
    const judged = await judgeCase(rule, {
      name: 'rst',
      change: change('removed', entry(name)),
      evidence: { releases: epoxyReleases, repository: epoxyOnly },
      asOf: '2026-10-01',
      format: 'rst',
      expect: [],
    });
    expect(judged.map((j) => j.finding.evidence)).toEqual([
      expect.objectContaining({
        branch: expect.objectContaining({
          branch: 'stable/2025.1',
          series: expect.objectContaining({
            name: 'epoxy',
            status: 'maintained',
            nextPhase: { status: 'unmaintained', date: '2026-10-02' },
          }),
        }),
      }),
    ]);
  });
});
