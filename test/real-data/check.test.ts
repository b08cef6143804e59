import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/findings/finding';
import type { Report } from '../../src/findings/report';
import { runCli } from '../helpers/run-cli';
import { buildSnapshotRepos, SHARED_DATA } from '../helpers/snapshot-repo';
import type { TempRepo } from '../helpers/temp-git';
import {
  bySeverity,
  check,
  findings,
  insertAfter,
  lineOf,
  only,
  OPENSTACK,
  proposal,
  rstBullet,
  series,
  sharedText,
  stableBranch,
  tagLine,
  withoutLine,
  type CheckResult,
  type EvidenceDirs,
  type SeriesFacts,
} from './check-helpers';
import { buildVariantRepo, snapshotTags, type SnapshotTag } from './variant-repo';

/*
 * End to end: the real CLI, in-process, on proposals built from the real OpenStack data of
 * ../shared/data (governance, releases, project-config, and git repositories built from the
 * snapshots of four real repositories), in the three list formats. The expectations come from
 * the policy, the rules' doc pages and the data files, which the comments cite.
 */

const present = existsSync(SHARED_DATA);
if (!present) {
  console.log(
    `real-data check suite skipped: ${SHARED_DATA} is not there (it only exists beside the CI checkout)`,
  );
}

const SNAPSHOTS = ['ironic-lib', 'networking-generic-switch', 'os-brick', 'sushy'];
const NATIVE = 'repos-overseen.yaml';
const RST = 'doc/source/repos-overseen.rst';
const GOVERNANCE = 'reference/projects.yaml';
const RST_FILE = 'list-formats/ossa-repos-overseen-2024-11-18.rst';
const GOVERNANCE_FILE = 'list-formats/governance-projects-2022-02-22.yaml';

/**
 * The variant repository with no official release: networking-generic-switch's real
 * end-of-life/maintenance tags and release candidates (4.0.0.0rc1, 5.0.0.0rc1, 6.0.0.0rc1), none
 * of its finals. It is installed as openstack/networking-baremetal, a repository that governance
 * gives to the ironic team and whose deliverable files ../shared/data does not hold, so the
 * releases data has nothing final for it either.
 */
const NO_RELEASE = 'openstack/networking-baremetal';
const SPECIAL = /^([a-z]+|\d{4}\.[12])-(eol|eom|em|last)$/;
const PRE_RELEASE = /^\d+\.\d+\.\d+\.0(a|b|rc)[1-9]\d*$/;
const notARelease = (tag: SnapshotTag) => SPECIAL.test(tag.name) || PRE_RELEASE.test(tag.name);

/** networking-generic-switch's first release candidate of the 4.0.0 cycle, from its refs. */
const FIRST_RC = '4.0.0.0rc1';

/**
 * The day the data describes: ../shared/data holds the releases and os-brick as of 2026-08-21.
 * The CLI's `today` and the clock are both pinned to it, so that a plain --releases directory
 * really is the data as of "today" (the tool's premise) whenever the suite runs.
 */
const TODAY = '2026-08-25';
const pinClock = () =>
  jest.useFakeTimers({
    now: new Date(`${TODAY}T12:00:00Z`),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });

let reposRoot: string;
/** Holds the variant whose history starts at FIRST_RC, as openstack/networking-baremetal. */
let rcRoot: string;
const lists: TempRepo[] = [];

/** Every evidence flag, on the real data. */
function allEvidence(): EvidenceDirs {
  return { ...OPENSTACK, reposRoot };
}

/** Runs check on the real data, today being TODAY unless said otherwise. */
function judge(repo: TempRepo, options: Parameters<typeof check>[1]): Promise<CheckResult> {
  return check(repo, { today: TODAY, ...options });
}

function propose(path: string, base: string, head: string, options?: { uncommitted?: boolean }) {
  const repo = proposal(path, base, head, options);
  lists.push(repo);
  return repo;
}

function errors(report: Report): string[] {
  return bySeverity(report, 'error').sort();
}

function warnings(report: Report): string[] {
  return bySeverity(report, 'warning').sort();
}

/** Pass (vote +1, exit 0) with nothing worse than the warnings named. */
function expectPass(result: CheckResult, expectedWarnings: string[]): void {
  expect(errors(result.report)).toEqual([]);
  expect(warnings(result.report)).toEqual([...expectedWarnings].sort());
  expect(result.report.verdict).toBe('pass');
  expect(result.report.vote).toBe(1);
  expect(result.status).toBe(0);
}

function expectFail(result: CheckResult, expectedErrors: string[]): void {
  expect(errors(result.report)).toEqual([...expectedErrors].sort());
  expect(result.report.verdict).toBe('fail');
  expect(result.report.vote).toBe(-1);
  expect(result.status).toBe(1);
}

/** The warnings every addition that meets the policy still carries, by the rules' doc pages. */
function additionWarnings(repository: string): string[] {
  return [
    // clause 4: Launchpad's sharing policy cannot be read from any offline data
    `private-tracker ${repository}`,
    // clause 8: a recommendation, nothing declared
    `threat-analysis ${repository}`,
    // team-consent cannot block by default, and no --gerrit/--change is given
    `evidence-unavailable ${repository}`,
  ];
}

/** The removal errors for a deleted entry, each checked to name its branch and its base line. */
function removalErrors(report: Report, repository: string, lineAtBase: number): Finding[] {
  const errs = findings(report, 'removal', repository).filter((f) => f.severity === 'error');
  for (const f of errs) {
    expect(f).toMatchObject({ clause: 'Deprecation', file: report.list.path, line: null });
    expect(f.evidence).toMatchObject({
      lineAtBase,
      branch: { series: { ref: { file: 'data/series_status.yaml' } } },
    });
    expect(f.message).toContain((f.evidence as { branch: { branch: string } }).branch.branch);
  }
  return errs;
}

/** The branches the removal errors say are still covered. */
function coveredBranches(report: Report, repository: string, lineAtBase: number): string[] {
  return removalErrors(report, repository, lineAtBase)
    .map((f) => (f.evidence as { branch: { branch: string } }).branch.branch)
    .sort();
}

/** `branch date` for each removal error: the branch and the date it leaves maintenance. */
function untilDates(report: Report, repository: string, lineAtBase: number): string[] {
  return removalErrors(report, repository, lineAtBase)
    .map((f) => {
      const branch = (f.evidence as { branch: { branch: string } }).branch.branch;
      return `${branch} ${/until (\d{4}-\d{2}-\d{2})/.exec(f.message)?.[1] ?? '(no date)'}`;
    })
    .sort();
}

/** `stable/<id> <date it leaves maintenance>` for each series, from series_status.yaml. */
function stillMaintained(...names: string[]): string[] {
  return names
    .map((name) => {
      const s: SeriesFacts = series(name);
      return `${stableBranch(s)} ${s.nextPhase?.date ?? s.eolDate ?? '?'}`;
    })
    .sort();
}

(present ? describe : describe.skip)(
  'vmt-oversight check on proposals built from real OpenStack data (../shared/data)',
  () => {
    beforeAll(() => {
      pinClock();
      reposRoot = mkdtempSync(join(tmpdir(), 'vmt-real-check-repos-'));
      buildSnapshotRepos(SHARED_DATA, SNAPSHOTS, reposRoot);
      buildVariantRepo({
        sharedData: SHARED_DATA,
        from: 'networking-generic-switch',
        name: 'networking-baremetal',
        root: reposRoot,
        keep: notARelease,
      });
      rcRoot = mkdtempSync(join(tmpdir(), 'vmt-real-check-rc-'));
      const firstRc = snapshotTags(SHARED_DATA, 'networking-generic-switch').find(
        (tag) => tag.name === FIRST_RC,
      );
      buildVariantRepo({
        sharedData: SHARED_DATA,
        from: 'networking-generic-switch',
        name: 'networking-baremetal',
        root: rcRoot,
        keep: (tag) => Date.parse(tag.date) >= Date.parse(firstRc?.date ?? ''),
      });
    });
    afterAll(() => {
      jest.useRealTimers();
      for (const repo of lists) repo.cleanup();
      rmSync(reposRoot, { recursive: true, force: true });
      rmSync(rcRoot, { recursive: true, force: true });
    });

    describe('adding a repository that meets the policy', () => {
      const projects = () => sharedText('openstack/governance/reference/projects.yaml');

      it('native: sushy with its declared tracker and security group passes, judged today', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head =
          `${base}  - name: openstack/sushy\n    team: ironic\n    tracker:\n` +
          '      launchpad: sushy\n      security-group: ironic-coresec\n';
        const result = await judge(propose(NATIVE, base, head), {
          evidence: allEvidence(),
          today: '2026-08-25',
        });
        const { report } = result;
        expect(result.stderr).toBe('');
        expect(report.asOf).toBe('2026-08-25');
        expect(report.list).toEqual({ path: NATIVE, format: 'native' });
        expect(report.changes).toEqual({ added: ['openstack/sushy'], removed: [], modified: [] });
        expectPass(result, additionWarnings('openstack/sushy'));

        // Clause 2: governance reference/projects.yaml, team ironic, deliverable sushy.
        expect(only(report, 'official-project', 'openstack/sushy', 'info')).toMatchObject({
          file: NATIVE,
          line: 3,
          evidence: {
            owner: {
              team: 'ironic',
              deliverable: 'sushy',
              ref: {
                file: 'reference/projects.yaml',
                line: lineOf(projects(), '        - openstack/sushy'),
              },
            },
            gerrit: { acl: '/home/gerrit2/acls/openstack/ironic.config' },
          },
        });
        // Clause 3: the newest final of the releases data is 5.13.0 (deliverables/hibiscus/sushy.yaml);
        // the sushy mirror is stale (its newest tag is 5.8.0), so that one rests on the releases data.
        expect(
          only(report, 'versioned-releases', 'openstack/sushy', 'info').evidence,
        ).toMatchObject({
          latest: {
            version: '5.13.0',
            origin: 'releases-data',
            ref: { file: 'deliverables/hibiscus/sushy.yaml' },
          },
          restsOn: ['git-tag', 'releases-data'],
        });
        // Clause 5: the declared group, on the tracker line.
        expect(only(report, 'security-contact', 'openstack/sushy', 'info')).toMatchObject({
          line: 5,
          evidence: { securityGroup: 'ironic-coresec' },
        });
        // Clause 6: ironic is a distributed team; its security liaison is in governance.
        expect(only(report, 'security-liaison', 'openstack/sushy', 'info').evidence).toMatchObject({
          team: 'ironic',
          leadershipType: 'distributed',
          securityLiaisons: [{ name: 'Jay Faulkner' }],
        });
        // Clause 7: sushy's zuul.d runs openstack-python3-jobs in check and gate; tox.ini has py3.
        const tests = findings(report, 'automated-tests', 'openstack/sushy');
        expect(tests.map((f) => f.severity)).toEqual(['info', 'info']);
        expect(tests.map((f) => f.message).join('\n')).toContain('openstack-python3-jobs');
        expect(only(report, 'private-tracker', 'openstack/sushy', 'warning').line).toBe(5);
      });

      it('native, as a work-tree edit: networking-generic-switch passes', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head =
          'repositories:\n  - name: openstack/networking-generic-switch\n    team: ironic\n' +
          '    tracker:\n      launchpad: networking-generic-switch\n' +
          '      security-group: ironic-coresec\n  - name: openstack/os-brick\n';
        const result = await judge(propose(NATIVE, base, head, { uncommitted: true }), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
          uncommitted: true,
        });
        const ngs = 'openstack/networking-generic-switch';
        expect(result.report.head).toBe('WORKTREE');
        expect(result.report.changes.added).toEqual([ngs]);
        expectPass(result, additionWarnings(ngs));
        // Its newest final: 10.0.0, tagged 2026-06-25 (refs.tsv; deliverables/hibiscus).
        expect(only(result.report, 'versioned-releases', ngs, 'info')).toMatchObject({
          line: 2,
          evidence: { latest: { version: '10.0.0' } },
        });
        expect(only(result.report, 'official-project', ngs, 'info').evidence).toMatchObject({
          owner: { team: 'ironic', deliverable: 'networking-generic-switch' },
        });
      });

      it('rst: networking-generic-switch, from the sources alone (liaison from governance)', async () => {
        const real = sharedText(RST_FILE);
        const ngs = 'openstack/networking-generic-switch';
        const result = await judge(propose(RST, withoutLine(real, rstBullet(ngs)), real), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        const { report } = result;
        expect(report.list).toEqual({ path: RST, format: 'rst' });
        expect(report.changes).toEqual({ added: [ngs], removed: [], modified: [] });
        expectPass(result, additionWarnings(ngs));
        const line = lineOf(real, rstBullet(ngs));
        // Every finding about it points at its bullet.
        expect(
          new Set(report.findings.filter((f) => f.repository === ngs).map((f) => f.line)),
        ).toEqual(new Set([line]));
        // Nothing is declared in rst: the contact is the team's governance security liaison.
        expect(only(report, 'security-contact', ngs, 'info').evidence).toMatchObject({
          governance: { team: 'ironic', securityLiaisons: [{ email: 'jay@jvf.cc' }] },
        });
      });

      it('governance: tagging sushy vulnerability:managed passes from the sources alone', async () => {
        const real = sharedText(GOVERNANCE_FILE);
        const head = insertAfter(real, '        - openstack/sushy', [
          '      tags:',
          '        - vulnerability:managed',
        ]);
        const result = await judge(propose(GOVERNANCE, real, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        const { report } = result;
        expect(report.list).toEqual({ path: GOVERNANCE, format: 'governance' });
        expect(report.changes).toEqual({ added: ['openstack/sushy'], removed: [], modified: [] });
        expectPass(result, additionWarnings('openstack/sushy'));
        // A governance-format entry is located by the tag that puts it on the list.
        expect(only(report, 'official-project', 'openstack/sushy', 'info').line).toBe(
          tagLine(head, 'openstack/sushy'),
        );
        expect(only(report, 'security-contact', 'openstack/sushy', 'info').evidence).toMatchObject({
          governance: { team: 'ironic' },
        });
      });
    });

    describe('a repository with no official release (clause 3)', () => {
      const found = () =>
        snapshotTags(SHARED_DATA, 'networking-generic-switch')
          .filter(notARelease)
          .map((tag) => ({
            version: tag.name,
            kind: PRE_RELEASE.test(tag.name) ? 'pre-release' : 'special',
            origin: 'git-tag',
            date: tag.date,
          }));

      function expectNoRelease(report: Report, line: number): void {
        const finding = only(report, 'versioned-releases', NO_RELEASE, 'error');
        expect(finding).toMatchObject({ clause: '3', file: report.list.path, line });
        expect(finding.message).toContain('2023.1-eom');
        for (const rc of ['4.0.0.0rc1', '5.0.0.0rc1', '6.0.0.0rc1'])
          expect(finding.message).toContain(rc);
        // The evidence lists what was found (the first 20), each from a dated git tag.
        const evidence = finding.evidence as { found: unknown[] };
        expect(evidence.found.length).toBe(Math.min(20, found().length));
        for (const item of evidence.found) expect(found()).toContainEqual(item);
        expect(finding.evidence).toMatchObject({ gitTags: 'examined', releasesFiles: [] });
        // Everything else about the repository holds: official, tested, a liaison.
        expect(only(report, 'official-project', NO_RELEASE, 'info')).toBeDefined();
        expect(findings(report, 'automated-tests', NO_RELEASE).map((f) => f.severity)).toEqual([
          'info',
          'info',
        ]);
      }

      it('native: only -eol/-eom/-em tags and release candidates', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head =
          'repositories:\n  - name: openstack/networking-baremetal\n    tracker:\n' +
          '      security-group: ironic-coresec\n  - name: openstack/os-brick\n';
        const result = await judge(propose(NATIVE, base, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expectFail(result, [`versioned-releases ${NO_RELEASE}`]);
        expectNoRelease(result.report, 2);
      });

      it('rst: the same repository, added as a bullet', async () => {
        const real = sharedText(RST_FILE);
        const result = await judge(propose(RST, withoutLine(real, rstBullet(NO_RELEASE)), real), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expectFail(result, [`versioned-releases ${NO_RELEASE}`]);
        expectNoRelease(result.report, lineOf(real, rstBullet(NO_RELEASE)));
      });

      it('governance: the same repository, tagged vulnerability:managed', async () => {
        const real = sharedText(GOVERNANCE_FILE);
        const head = insertAfter(real, `        - ${NO_RELEASE}`, [
          '      tags:',
          '        - vulnerability:managed',
        ]);
        const result = await judge(propose(GOVERNANCE, real, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expectFail(result, [`versioned-releases ${NO_RELEASE}`]);
        expectNoRelease(result.report, tagLine(head, NO_RELEASE));
      });

      it('--as-of: before its first final only the release candidate counts; after it, 4.0.0', async () => {
        // The variant's history starts at 4.0.0.0rc1 (2020-09-23); 4.0.0 tags the same commit
        // on 2020-10-14 (networking-generic-switch refs.tsv).
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head =
          'repositories:\n  - name: openstack/networking-baremetal\n    tracker:\n' +
          '      security-group: ironic-coresec\n  - name: openstack/os-brick\n';
        const repo = propose(NATIVE, base, head);
        const evidence = { ...OPENSTACK, reposRoot: rcRoot };

        const before = await judge(repo, { evidence, asOf: '2020-10-01' });
        expectFail(before, [`versioned-releases ${NO_RELEASE}`]);
        const error = only(before.report, 'versioned-releases', NO_RELEASE, 'error');
        expect(error.message).toContain('4.0.0.0rc1');
        expect(error.evidence).toMatchObject({
          found: [{ version: '4.0.0.0rc1', kind: 'pre-release', origin: 'git-tag' }],
        });

        const after = await judge(repo, { evidence, asOf: '2020-10-15' });
        expectPass(after, additionWarnings(NO_RELEASE));
        expect(only(after.report, 'versioned-releases', NO_RELEASE, 'info').evidence).toMatchObject(
          {
            latest: {
              version: '4.0.0',
              origin: 'git-tag',
              date: expect.stringMatching(/^2020-10-14/),
            },
          },
        );
      });
    });

    describe('deleting an entry (Deprecation)', () => {
      const base = 'repositories:\n  - name: openstack/os-brick\n  - name: openstack/sushy\n';
      const withoutBrick = 'repositories:\n  - name: openstack/sushy\n';

      it('native: os-brick as of 2026-08-25 is refused, naming each maintained branch and its date', async () => {
        const result = await judge(propose(NATIVE, base, withoutBrick), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        const { report } = result;
        expect(report.changes).toEqual({
          added: [],
          removed: ['openstack/os-brick'],
          modified: [],
        });
        expectFail(result, [
          'removal openstack/os-brick',
          'removal openstack/os-brick',
          'removal openstack/os-brick',
        ]);
        // os-brick's git branches stable/2025.1, stable/2025.2, stable/2026.1 (refs.tsv); their
        // series epoxy, flamingo, gazpacho are maintained until their next-phase dates.
        expect(untilDates(report, 'openstack/os-brick', 2)).toEqual(
          stillMaintained('epoxy', 'flamingo', 'gazpacho'),
        );
        const epoxy = findings(report, 'removal', 'openstack/os-brick').find((f) =>
          f.message.includes('stable/2025.1'),
        ) as Finding;
        expect(epoxy.evidence).toMatchObject({
          asOf: '2026-08-25',
          branch: {
            branch: 'stable/2025.1',
            origins: expect.arrayContaining(['git-branch', 'releases-data']),
            series: {
              name: 'epoxy',
              status: 'maintained',
              nextPhase: { status: 'unmaintained', date: '2026-10-02' },
            },
            transition: null,
            covered: true,
          },
        });
        // The message says what to do instead: schedule the removal.
        expect(epoxy.message).toContain('removal.effective');
      });

      it('native: the same deletion as of 2028-06-01, every branch past maintenance, may go', async () => {
        // gazpacho, the newest series os-brick branched for (the data records no stable/2026.2),
        // becomes unmaintained on 2027-10-27.
        const result = await judge(propose(NATIVE, base, withoutBrick), {
          evidence: allEvidence(),
          asOf: '2028-06-01',
        });
        expectPass(result, ['evidence-unavailable openstack/os-brick']);
        const info = only(result.report, 'removal', 'openstack/os-brick', 'info');
        expect(info.evidence).toMatchObject({ asOf: '2028-06-01' });
        expect(info.message).toContain('stable/2026.1');
      });

      it('native: sushy as of 2026-08-25 counts stable/2026.1 from the releases data (stale mirror) and not stable/2024.2', async () => {
        // The sushy mirror stops at 2025-11-18: it still has stable/2024.2, which the releases data
        // ends with 2024.2-eol (dalmatian is end of life), and lacks stable/2026.1, which
        // deliverables/gazpacho/sushy.yaml records.
        const withoutSushy = 'repositories:\n  - name: openstack/os-brick\n';
        const result = await judge(propose(NATIVE, base, withoutSushy), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expectFail(result, [
          'removal openstack/sushy',
          'removal openstack/sushy',
          'removal openstack/sushy',
        ]);
        expect(untilDates(result.report, 'openstack/sushy', 3)).toEqual(
          stillMaintained('epoxy', 'flamingo', 'gazpacho'),
        );
        const gazpacho = findings(result.report, 'removal', 'openstack/sushy').find((f) =>
          f.message.includes('stable/2026.1'),
        ) as Finding;
        expect(gazpacho.evidence).toMatchObject({ branch: { origins: ['releases-data'] } });
      });

      it('rst: deleting os-brick from the real page is refused on 2026-08-25, allowed on 2028-06-01', async () => {
        const real = sharedText(RST_FILE);
        const repo = propose(RST, real, withoutLine(real, rstBullet('openstack/os-brick')));
        const lineAtBase = lineOf(real, rstBullet('openstack/os-brick'));

        const now = await judge(repo, { evidence: allEvidence(), asOf: '2026-08-25' });
        expect(now.report.changes.removed).toEqual(['openstack/os-brick']);
        expectFail(now, [
          'removal openstack/os-brick',
          'removal openstack/os-brick',
          'removal openstack/os-brick',
        ]);
        expect(untilDates(now.report, 'openstack/os-brick', lineAtBase)).toEqual(
          stillMaintained('epoxy', 'flamingo', 'gazpacho'),
        );
        // rst has no removal field: keep the entry until the date.
        expect(findings(now.report, 'removal')[0]?.message).not.toContain('removal.effective');

        const later = await judge(repo, { evidence: allEvidence(), asOf: '2028-06-01' });
        expectPass(later, ['evidence-unavailable openstack/os-brick']);
        expect(only(later.report, 'removal', 'openstack/os-brick', 'info')).toBeDefined();
      });

      it('governance: dropping os-brick’s tag is refused on 2026-11-01 (epoxy gone), allowed on 2028-06-01', async () => {
        const real = sharedText(GOVERNANCE_FILE);
        const lineAtBase = tagLine(real, 'openstack/os-brick');
        const lines = real.split('\n');
        lines.splice(lineAtBase - 1, 1);
        const repo = propose(GOVERNANCE, real, lines.join('\n'));

        const now = await judge(repo, { evidence: allEvidence(), asOf: '2026-11-01' });
        expect(now.report.list.format).toBe('governance');
        expect(now.report.changes.removed).toEqual(['openstack/os-brick']);
        expectFail(now, ['removal openstack/os-brick', 'removal openstack/os-brick']);
        expect(untilDates(now.report, 'openstack/os-brick', lineAtBase)).toEqual(
          stillMaintained('flamingo', 'gazpacho'),
        );

        const later = await judge(repo, { evidence: allEvidence(), asOf: '2028-06-01' });
        expectPass(later, ['evidence-unavailable openstack/os-brick']);
      });

      it.each([
        ['2026-08-25', ['epoxy', 'flamingo', 'gazpacho']],
        ['2026-11-01', ['flamingo', 'gazpacho']],
        ['2027-06-01', ['gazpacho']],
        ['2028-06-01', []],
      ])('--as-of %s: os-brick’s deletion is refused for exactly %j', async (asOf, names) => {
        const result = await judge(propose(NATIVE, base, withoutBrick), {
          evidence: allEvidence(),
          asOf,
        });
        expect(result.report.asOf).toBe(asOf);
        expect(untilDates(result.report, 'openstack/os-brick', 2)).toEqual(
          stillMaintained(...names),
        );
        expect(result.status).toBe(names.length > 0 ? 1 : 0);
      });

      // series_status.yaml: dalmatian (2024.2) is end of life since its eol-date 2026-04-29; it has
      // no `slurp`, and only SLURP series become unmaintained, so it went from maintained
      // straight to end of life on that date. os-brick tagged 2024.2-eol on 2026-04-30 (refs.tsv).
      // Gazpacho's stable/2026.1 was cut by 2026-03-02 (its first commit on the branch).
      const pastDeletion = () =>
        judge(propose(NATIVE, base, withoutBrick), { evidence: allEvidence(), asOf: '2026-03-10' });

      it('--as-of a past date (2026-03-10): stable/2024.2 was still maintained too', async () => {
        const result = await pastDeletion();
        expect(result.report.asOf).toBe('2026-03-10');
        expect(coveredBranches(result.report, 'openstack/os-brick', 2)).toEqual([
          'stable/2024.2',
          'stable/2025.1',
          'stable/2025.2',
          'stable/2026.1',
        ]);
        expect(untilDates(result.report, 'openstack/os-brick', 2)).toEqual(
          expect.arrayContaining(stillMaintained('epoxy', 'flamingo', 'gazpacho')),
        );
        expect(result.status).toBe(1);
      });

      // dalmatian (2024.2) is not a SLURP series: it went from maintained straight to end of life
      // on its eol-date, 2026-04-29, which is the date the error names.
      it('--as-of 2026-03-10: the stable/2024.2 error names 2026-04-29, the date it leaves maintenance', async () => {
        const result = await pastDeletion();
        expect(untilDates(result.report, 'openstack/os-brick', 2)).toContain(
          `stable/2024.2 ${series('dalmatian').eolDate ?? '?'}`,
        );
      });

      it('needs only the releases data: with --releases alone the same answers', async () => {
        const repo = propose(NATIVE, base, withoutBrick);
        const releasesOnly = { releases: OPENSTACK.releases };
        const now = await judge(repo, { evidence: releasesOnly, asOf: '2026-08-25' });
        // Without the repository, the branches come from the deliverable files' history.
        expect(untilDates(now.report, 'openstack/os-brick', 2)).toEqual(
          stillMaintained('epoxy', 'flamingo', 'gazpacho'),
        );
        expect(errors(now.report)).toHaveLength(3);
        expect(now.status).toBe(1);
        for (const finding of findings(now.report, 'removal')) {
          expect(finding.evidence).toMatchObject({ branch: { origins: ['releases-data'] } });
        }
        const later = await judge(repo, { evidence: releasesOnly, asOf: '2028-06-01' });
        expect(errors(later.report)).toEqual([]);
        expect(later.status).toBe(0);
      });

      // The CLI's today reaches the releases source: with the machine clock past 2026-08-25, a
      // plain --releases directory judged as of the CLI's today is still the data of that day.
      it('the CLI’s today, not the machine clock, decides what a plain --releases directory is', async () => {
        jest.useRealTimers();
        try {
          const repo = propose(NATIVE, base, withoutBrick);
          const now = await judge(repo, {
            evidence: { releases: OPENSTACK.releases },
            asOf: '2026-08-25',
          });
          expect(errors(now.report)).toHaveLength(3);
        } finally {
          pinClock();
        }
      });
    });

    describe('a scheduled removal (native removal.effective)', () => {
      const base = 'repositories:\n  - name: openstack/os-brick\n  - name: openstack/sushy\n';
      const scheduled = (effective: string) =>
        'repositories:\n  - name: openstack/os-brick\n    removal:\n' +
        `      effective: "${effective}"\n` +
        '      reason: "The VMT can no longer handle its vulnerabilities"\n' +
        '  - name: openstack/sushy\n';

      it('at a patch release (7.1.1) is refused', async () => {
        const result = await judge(propose(NATIVE, base, scheduled('7.1.1')), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expect(result.report.changes.modified).toEqual(['openstack/os-brick']);
        // security-contact: no security group declared, but already so at base: a warning.
        expectFail(result, ['removal openstack/os-brick']);
        const finding = only(result.report, 'removal', 'openstack/os-brick', 'error');
        expect(finding).toMatchObject({ clause: 'Deprecation', file: NATIVE, line: 3 });
        expect(finding.message).toContain('7.1.1');
        expect(finding.message).toContain('patch');
        // os-brick's newest final: 7.1.0, tagged 2026-05-19 (refs.tsv, deliverables/hibiscus).
        expect(finding.evidence).toMatchObject({
          effective: '7.1.1',
          latestRelease: {
            version: '7.1.0',
            origin: 'git-tag',
            date: expect.stringMatching(/^2026-05-19/),
          },
        });
      });

      it('at the next major (8.0.0) is accepted, the maintained branches staying covered', async () => {
        const result = await judge(propose(NATIVE, base, scheduled('8.0.0')), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        // team-consent only applies to added and removed entries.
        expectPass(result, [
          'private-tracker openstack/os-brick',
          'security-contact openstack/os-brick',
          'threat-analysis openstack/os-brick',
        ]);
        const info = only(result.report, 'removal', 'openstack/os-brick', 'info');
        expect(info).toMatchObject({ line: 3, evidence: { effective: '8.0.0' } });
        for (const branch of stillMaintained('epoxy', 'flamingo', 'gazpacho')) {
          for (const part of branch.split(' ')) expect(info.message).toContain(part);
        }
      });

      it('--as-of: 7.1.0 is refused on 2026-06-01, after its tag of 2026-05-19', async () => {
        const result = await judge(propose(NATIVE, base, scheduled('7.1.0')), {
          evidence: allEvidence(),
          asOf: '2026-06-01',
        });
        expectFail(result, ['removal openstack/os-brick']);
        expect(
          only(result.report, 'removal', 'openstack/os-brick', 'error').evidence,
        ).toMatchObject({
          latestRelease: { version: '7.1.0' },
        });
      });

      // As of 2026-04-01 os-brick's newest release is 7.0.0 (tagged 2026-02-23); 7.1.0 was tagged
      // on 2026-05-19, so it was a future non-patch release, although the releases data, read as
      // it is today, already lists it (deliverables/hibiscus/os-brick.yaml).
      it('--as-of: 7.1.0 is accepted on 2026-04-01, before it was tagged', async () => {
        const result = await judge(propose(NATIVE, base, scheduled('7.1.0')), {
          evidence: allEvidence(),
          asOf: '2026-04-01',
        });
        expect(errors(result.report)).toEqual([]);
        expect(only(result.report, 'removal', 'openstack/os-brick', 'info').message).toContain(
          '7.0.0',
        );
        expect(result.status).toBe(0);
      });

      // nova's newest release is 33.0.2 (gazpacho); 34.0.0 is its next major, a future non-patch
      // release, although kilo's date-based 2015.1.4 (deliverables/kilo/nova.yaml) has bigger digits.
      it('nova at its next major (34.0.0) is accepted despite kilo’s 2015.1.x versions', async () => {
        const nova = 'repositories:\n  - name: openstack/nova\n';
        const head = `${nova}    removal:\n      effective: "34.0.0"\n      reason: "VMT capacity"\n`;
        const result = await judge(propose(NATIVE, nova, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expect(findings(result.report, 'removal').map((f) => f.severity)).toEqual(['info']);
        expect(findings(result.report, 'removal')[0]?.message).toContain('33.0.2');
        // nova is not under --repos-root, but the change touches only `removal`: the clauses it
        // leaves alone do not block for evidence they would need (a warning each), so it passes.
        expect(result.report.verdict).toBe('pass');
      });
    });

    describe('ironic-lib: deprecated in governance (2025.1), its master emptied (HEAD.txt)', () => {
      it('native: adding it fails clause 7, its CI stanza being only noop-jobs and publishing', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head =
          'repositories:\n  - name: openstack/ironic-lib\n    tracker:\n' +
          '      security-group: ironic-coresec\n  - name: openstack/os-brick\n';
        const result = await judge(propose(NATIVE, base, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        const lib = 'openstack/ironic-lib';
        expectFail(result, [`automated-tests ${lib}`]);
        expect(warnings(result.report)).toEqual(
          [
            ...additionWarnings(lib),
            // no tox.ini or other entry point left on master (tree/ holds only .gitreview)
            `automated-tests ${lib}`,
            // governance: release-management deprecated, deprecated '2025.1'
            `official-project ${lib}`,
          ].sort(),
        );
        // project-config zuul.d/projects.yaml: official-openstack-repo-jobs,
        // publish-to-pypi-stable-only, noop-jobs; no in-repo Zuul config.
        const zuul = sharedText('openstack/project-config/zuul.d/projects.yaml');
        const error = only(result.report, 'automated-tests', lib, 'error');
        expect(error).toMatchObject({
          clause: '7',
          line: 2,
          evidence: {
            branch: 'master',
            inRepo: null,
            projectConfig: {
              file: 'zuul.d/projects.yaml',
              line: lineOf(zuul, '    name: openstack/ironic-lib'),
            },
          },
        });
        expect(error.message).toContain('noop-jobs');
        expect(only(result.report, 'official-project', lib, 'warning').evidence).toMatchObject({
          owner: { team: 'ironic', releaseManagement: 'deprecated', deprecated: '2025.1' },
        });
      });

      it('rst: deleting it is allowed on 2026-08-25, refused on 2024-10-01', async () => {
        // Its stable/2023.2, stable/2024.1 and stable/2024.2 are still in the (stale) mirror, but
        // bobcat and dalmatian are end of life and caracal unmaintained by 2026-08-25
        // (series_status.yaml; the releases data has 2023.2-eol, 2024.1-eom, 2024.2-eol). On
        // 2024-10-01 antelope's 2023.1-eom (2024-11-29, refs.tsv) was not yet tagged, bobcat
        // and caracal were maintained, and dalmatian's stable/2024.2 was cut at 6.2.0.
        const real = sharedText(RST_FILE);
        const lib = 'openstack/ironic-lib';
        const repo = propose(RST, real, withoutLine(real, rstBullet(lib)));

        const now = await judge(repo, { evidence: allEvidence(), asOf: '2026-08-25' });
        expect(now.report.changes.removed).toEqual([lib]);
        expectPass(now, [`evidence-unavailable ${lib}`]);
        const info = only(now.report, 'removal', lib, 'info');
        for (const branch of ['stable/2023.2', 'stable/2024.1', 'stable/2024.2']) {
          expect(info.message).toContain(branch);
        }

        const then = await judge(repo, { evidence: allEvidence(), asOf: '2024-10-01' });
        expect(coveredBranches(then.report, lib, lineOf(real, rstBullet(lib)))).toEqual([
          'stable/2023.1',
          'stable/2023.2',
          'stable/2024.1',
          'stable/2024.2',
        ]);
        expect(then.status).toBe(1);
      });
    });

    describe('a retired repository (clause 2)', () => {
      const gerrit = () => sharedText('openstack/project-config/gerrit/projects.yaml');
      const legacy = () => sharedText('openstack/governance/reference/legacy.yaml');

      function expectRetired(
        report: Report,
        repository: string,
        line: number,
        retired: { team: string; retiredOn: string },
      ): void {
        const name = repository.split('/')[1] ?? '';
        const errs = findings(report, 'official-project', repository);
        expect(errs.map((f) => [f.severity, f.line])).toEqual([
          ['error', line],
          ['error', line],
        ]);
        expect(errs.map((f) => f.evidence)).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              owner: null,
              retired: {
                team: retired.team,
                deliverable: name,
                retiredOn: retired.retiredOn,
                ref: {
                  source: 'governance',
                  file: 'reference/legacy.yaml',
                  line: lineOf(legacy(), `    ${name}:`),
                },
              },
            }),
            expect.objectContaining({
              acl: '/home/gerrit2/acls/openstack/retired.config',
              ref: {
                source: 'project-config',
                file: 'gerrit/projects.yaml',
                line: lineOf(gerrit(), `- project: ${repository}`),
              },
            }),
          ]),
        );
        expect(report.verdict).toBe('fail');
      }

      it.each([
        ['openstack/castellan-ui', { team: 'barbican', retiredOn: '2019-05-22' }],
        ['openstack/sushy-cli', { team: 'ironic', retiredOn: '2021-05-20' }],
      ])(
        'native: %s is not official (legacy.yaml and the retired Gerrit ACL)',
        async (repository, retired) => {
          const base = 'repositories:\n  - name: openstack/aodh\n';
          const head = `${base}  - name: ${repository}\n    tracker:\n      security-group: x-coresec\n`;
          const result = await judge(propose(NATIVE, base, head), {
            evidence: allEvidence(),
            asOf: '2026-08-25',
          });
          expect(result.status).toBe(1);
          expectRetired(result.report, repository, 3, retired);
        },
      );

      it('rst: a bullet for openstack/castellan-ui', async () => {
        const real = sharedText(RST_FILE);
        const head = insertAfter(real, rstBullet('openstack/castellan'), [
          rstBullet('openstack/castellan-ui'),
        ]);
        const result = await judge(propose(RST, real, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expect(result.report.changes.added).toEqual(['openstack/castellan-ui']);
        expect(result.status).toBe(1);
        expectRetired(
          result.report,
          'openstack/castellan-ui',
          lineOf(head, rstBullet('openstack/castellan-ui')),
          { team: 'barbican', retiredOn: '2019-05-22' },
        );
      });

      it('governance: a tagged castellan-ui deliverable under barbican', async () => {
        const real = sharedText(GOVERNANCE_FILE);
        const head = insertAfter(real, '        - openstack/barbican-ui', [
          '    castellan-ui:',
          '      repos:',
          '        - openstack/castellan-ui',
          '      tags:',
          '        - vulnerability:managed',
        ]);
        const result = await judge(propose(GOVERNANCE, real, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expect(result.report.changes.added).toEqual(['openstack/castellan-ui']);
        expect(result.status).toBe(1);
        expectRetired(
          result.report,
          'openstack/castellan-ui',
          tagLine(head, 'openstack/castellan-ui'),
          { team: 'barbican', retiredOn: '2019-05-22' },
        );
      });
    });

    describe('evidence unavailable: inconclusive (exit 3), never a pass', () => {
      it('a repository not under --repos-root (openstack/nova)', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head =
          'repositories:\n  - name: openstack/nova\n    tracker:\n      security-group: nova-coresec\n' +
          '  - name: openstack/os-brick\n';
        const result = await judge(propose(NATIVE, base, head), {
          evidence: allEvidence(),
          asOf: '2026-08-25',
        });
        expect(errors(result.report)).toEqual(['evidence-unavailable openstack/nova']);
        const finding = only(result.report, 'evidence-unavailable', 'openstack/nova', 'error');
        expect(finding).toMatchObject({
          line: 2,
          evidence: { rule: 'automated-tests', source: 'repository' },
        });
        expect(String(finding.evidence.reason)).toContain('openstack/nova');
        expect(result.report.verdict).toBe('inconclusive');
        expect(result.report.vote).toBe(0);
        expect(result.status).toBe(3);
        // What the other rules need is there: nova is official, with a security liaison.
        expect(only(result.report, 'official-project', 'openstack/nova', 'info')).toBeDefined();
        expect(only(result.report, 'security-liaison', 'openstack/nova', 'info')).toBeDefined();
      });

      it('an addition without --releases (versioned-releases cannot run)', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const head = `${base}  - name: openstack/sushy\n    tracker:\n      security-group: ironic-coresec\n`;
        const rest = { ...allEvidence(), releases: undefined };
        const result = await judge(propose(NATIVE, base, head), {
          evidence: rest,
          asOf: '2026-08-25',
        });
        expect(errors(result.report)).toEqual(['evidence-unavailable openstack/sushy']);
        expect(
          only(result.report, 'evidence-unavailable', 'openstack/sushy', 'error').evidence,
        ).toMatchObject({
          rule: 'versioned-releases',
          source: 'releases',
        });
        expect(result.report.verdict).toBe('inconclusive');
        expect(result.status).toBe(3);
      });

      it('a deletion without --releases (removal cannot run)', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n  - name: openstack/sushy\n';
        const head = 'repositories:\n  - name: openstack/sushy\n';
        const rest = { ...allEvidence(), releases: undefined };
        const result = await judge(propose(NATIVE, base, head), {
          evidence: rest,
          asOf: '2026-08-25',
        });
        expect(errors(result.report)).toEqual(['evidence-unavailable openstack/os-brick']);
        expect(
          only(result.report, 'evidence-unavailable', 'openstack/os-brick', 'error').evidence,
        ).toMatchObject({
          rule: 'removal',
          source: 'releases',
        });
        expect(result.status).toBe(3);
      });

      it('an evidence directory that does not exist is a usage error (exit 2)', async () => {
        const base = 'repositories:\n  - name: openstack/os-brick\n';
        const repo = propose(NATIVE, base, `${base}  - name: openstack/sushy\n`);
        const missing = join(SHARED_DATA, 'openstack', 'no-such-releases');
        const result = await runCli([
          'check',
          '--repo',
          repo.dir,
          '--releases',
          missing,
          '--format',
          'json',
        ]);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('--releases');
      });
    });
  },
);
