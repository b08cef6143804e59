import { testRule } from '../../../test/helpers/rule-tester';
import {
  LIST_FILE,
  change,
  deliverableFile,
  entry,
  releases,
} from '../../../test/helpers/evidence-fixtures';
import type { LaunchpadFacts, LaunchpadProject, Lookup, SharingGrant } from '../../evidence/types';
import type { Citation } from '../../findings/finding';
import { rule } from './index';

const LP = 'http://127.0.0.1:1/devel';
const ANONYMOUS = "the VMT's Private Security grant on the project cannot be read anonymously";

function lp(
  project: Partial<LaunchpadProject> | 'absent' | 'unknown',
  options: { from?: 'declared' | 'releases'; grant?: Lookup<SharingGrant> } = {},
): LaunchpadFacts {
  const lookup: Lookup<LaunchpadProject> =
    project === 'absent'
      ? { state: 'absent', url: `${LP}/sushy` }
      : project === 'unknown'
        ? { state: 'unknown', reason: 'offline (--offline)' }
        : {
            state: 'found',
            url: `${LP}/sushy`,
            value: {
              name: 'sushy',
              owner: 'openstack-admins',
              bugSharingPolicy: 'Public',
              officialBugs: true,
              informationType: 'Public',
              private: false,
              ...project,
            },
          };
  return {
    projectName: { name: 'sushy', from: options.from ?? 'releases' },
    project: lookup,
    teamName: null,
    team: null,
    vmtGrant: options.grant ?? { state: 'unknown', reason: ANONYMOUS },
  };
}
const lpData = { name: 'sushy', owner: '~openstack-admins', policy: 'Public' };

const sushy = 'openstack/sushy';
const sushyReleases = releases(
  [
    deliverableFile('flamingo', 'sushy', { launchpad: 'sushy' }),
    deliverableFile('gazpacho', 'sushy', { launchpad: 'sushy' }),
  ],
  'sushy',
);
const noReleases = { releases: 'no --releases' };

const noTracker: Citation = {
  source: 'list',
  text: `entry ${sushy}, no tracker`,
  file: LIST_FILE,
  line: 10,
};
const trackerField = (text: string): Citation => ({
  source: 'list',
  text,
  file: LIST_FILE,
  line: 11,
});
const releasesLaunchpad: Citation = {
  source: 'releases',
  text: 'launchpad: sushy',
  repository: 'openstack/releases',
  file: 'deliverables/gazpacho/sushy.yaml',
};

testRule(rule, {
  valid: [
    {
      name: 'rst entry: unverifiable, naming the releases tracker',
      change: change('added', entry(sushy)),
      evidence: { releases: sushyReleases },
      format: 'rst',
      expect: [
        {
          messageId: 'undeclaredKnown',
          data: { launchpad: 'sushy', ref: 'deliverables/gazpacho/sushy.yaml' },
          severity: 'warning',
          citations: [noTracker, releasesLaunchpad],
        },
      ],
    },
    {
      name: 'governance entry, releases data unavailable',
      change: change('audited', entry(sushy)),
      missing: noReleases,
      format: 'governance',
      expect: [
        {
          messageId: 'undeclaredNoReleases',
          data: { reason: 'no --releases' },
          severity: 'warning',
          citations: [noTracker],
        },
      ],
    },
    {
      name: 'undeclared, and the releases data names no tracker',
      change: change('added', entry(sushy)),
      evidence: { releases: releases([], 'sushy') },
      expect: [
        {
          messageId: 'undeclaredNone',
          severity: 'warning',
          citations: [
            noTracker,
            { source: 'releases', text: `no deliverable file lists ${sushy} (deliverable sushy)` },
          ],
        },
      ],
    },
    {
      name: 'declared private by default, matching the releases data',
      change: change(
        'added',
        entry(sushy, { tracker: { launchpad: 'Sushy', 'private-by-default': true } }),
      ),
      evidence: { releases: sushyReleases },
      expect: [
        {
          messageId: 'statedPrivate',
          severity: 'warning',
          field: 'tracker',
          line: 11,
          citations: [
            trackerField('tracker: launchpad Sushy, private-by-default true'),
            releasesLaunchpad,
          ],
        },
      ],
    },
    {
      name: 'declared private by default, releases data unavailable',
      change: change(
        'added',
        entry(sushy, { tracker: { launchpad: 'sushy', 'private-by-default': true } }),
      ),
      missing: noReleases,
      expect: [
        {
          messageId: 'statedPrivateNoReleases',
          data: { reason: 'no --releases' },
          severity: 'warning',
          field: 'tracker',
          line: 11,
          citations: [trackerField('tracker: launchpad sushy, private-by-default true')],
        },
      ],
    },
    {
      name: 'declared without a launchpad project (storyboard)',
      change: change('added', entry(sushy, { tracker: { storyboard: 'openstack/sushy' } })),
      evidence: { releases: sushyReleases },
      expect: [
        {
          messageId: 'declaredUnverifiable',
          severity: 'warning',
          field: 'tracker',
          line: 11,
          citations: [trackerField('tracker: storyboard openstack/sushy'), releasesLaunchpad],
        },
      ],
    },
    {
      name: 'declared a launchpad project, releases data unavailable: nothing to contradict it',
      change: change('added', entry(sushy, { tracker: { launchpad: 'ironic' } })),
      missing: noReleases,
      expect: [
        {
          messageId: 'declaredNoReleases',
          data: { reason: 'no --releases' },
          severity: 'warning',
          field: 'tracker',
          line: 11,
          citations: [trackerField('tracker: launchpad ironic')],
        },
      ],
    },
    {
      name: 'not private by default on a modified entry that did not touch tracker: a warning',
      change: change(
        'modified',
        entry(sushy, { tracker: { launchpad: 'sushy', 'private-by-default': false } }),
        { changedFields: ['team'] },
      ),
      evidence: { releases: sushyReleases },
      expect: [{ messageId: 'notPrivate', severity: 'warning', field: 'tracker', line: 11 }],
    },
    {
      name: 'a deleted entry is not judged',
      change: change('removed', entry(sushy, { tracker: { 'private-by-default': false } })),
      evidence: { releases: sushyReleases },
      expect: [],
    },
    {
      name: 'Launchpad answers: the project exists, owned by openstack-admins; the grant is unreadable',
      change: change('added', entry(sushy)),
      evidence: { releases: sushyReleases, launchpad: lp({}) },
      format: 'rst',
      expect: [
        { messageId: 'grantUnknown', data: { ...lpData, reason: ANONYMOUS }, severity: 'warning' },
      ],
    },
    {
      name: 'Launchpad answers: another owner is a warning beside the unreadable grant',
      change: change('added', entry(sushy)),
      evidence: { releases: sushyReleases, launchpad: lp({ owner: 'ironic-drivers' }) },
      format: 'rst',
      expect: [
        {
          messageId: 'ownerNotAdmins',
          data: { name: 'sushy', owner: '~ironic-drivers' },
          severity: 'warning',
        },
        {
          messageId: 'grantUnknown',
          data: { ...lpData, owner: '~ironic-drivers', reason: ANONYMOUS },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'with a driver token, the VMT grant is read: granted is an info',
      change: change('added', entry(sushy, { tracker: { launchpad: 'sushy' } })),
      evidence: {
        releases: sushyReleases,
        launchpad: lp(
          {},
          { from: 'declared', grant: { state: 'found', value: 'granted', url: LP } },
        ),
      },
      expect: [
        { messageId: 'granted', data: lpData, severity: 'info', field: 'tracker', line: 11 },
      ],
    },
    {
      name: 'the project only the releases data names answers 404: cannot tell, a warning',
      change: change('added', entry(sushy)),
      evidence: { releases: sushyReleases, launchpad: lp('absent') },
      format: 'rst',
      expect: [
        {
          messageId: 'trackerCannotTell',
          data: { name: 'sushy', from: 'releases data' },
          severity: 'warning',
        },
      ],
    },
    {
      // A private (proprietary) project answers 404 to an anonymous reader, as a missing one does.
      name: 'the declared Launchpad project answers 404: cannot tell (missing or private), a warning',
      change: change('added', entry(sushy, { tracker: { launchpad: 'sushy' } })),
      evidence: { releases: sushyReleases, launchpad: lp('absent', { from: 'declared' }) },
      expect: [
        {
          messageId: 'trackerCannotTell',
          data: { name: 'sushy', from: 'declared' },
          severity: 'warning',
          field: 'tracker',
          line: 11,
        },
      ],
    },
    {
      name: 'Launchpad could not answer (offline): the unverifiable warning as before',
      change: change('added', entry(sushy)),
      evidence: { releases: sushyReleases, launchpad: lp('unknown') },
      format: 'rst',
      expect: [
        {
          messageId: 'undeclaredKnown',
          data: { launchpad: 'sushy', ref: 'deliverables/gazpacho/sushy.yaml' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'Launchpad evidence unavailable altogether: the unverifiable warning as before',
      change: change('added', entry(sushy, { tracker: { launchpad: 'sushy' } })),
      evidence: { releases: sushyReleases },
      missing: { launchpad: 'network sources are not enabled' },
      expect: [
        { messageId: 'declaredUnverifiable', severity: 'warning', field: 'tracker', line: 11 },
      ],
    },
  ],
  invalid: [
    {
      name: 'with a driver token: the VMT has no Private Security grant',
      change: change('added', entry(sushy, { tracker: { launchpad: 'sushy' } })),
      evidence: {
        releases: sushyReleases,
        launchpad: lp(
          {},
          { from: 'declared', grant: { state: 'found', value: 'not-granted', url: LP } },
        ),
      },
      expect: [
        {
          messageId: 'notGranted',
          data: { name: 'sushy' },
          severity: 'error',
          field: 'tracker',
          line: 11,
        },
      ],
    },
    {
      name: 'declared not private by default',
      change: change(
        'added',
        entry(sushy, { tracker: { launchpad: 'sushy', 'private-by-default': false } }),
      ),
      evidence: { releases: sushyReleases },
      expect: [
        {
          messageId: 'notPrivate',
          severity: 'error',
          field: 'tracker',
          line: 11,
          citations: [trackerField('tracker: launchpad sushy, private-by-default false')],
        },
      ],
    },
    {
      name: 'declared a different launchpad project',
      change: change('added', entry(sushy, { tracker: { launchpad: 'ironic' } })),
      evidence: { releases: sushyReleases },
      expect: [
        {
          messageId: 'otherLaunchpad',
          data: { declared: 'ironic', known: 'sushy', ref: 'deliverables/gazpacho/sushy.yaml' },
          severity: 'error',
          field: 'tracker',
          line: 11,
          citations: [trackerField('tracker: launchpad ironic'), releasesLaunchpad],
        },
      ],
    },
  ],
});

describe('private-tracker evidence', () => {
  it('never needs evidence, so it never blocks for lack of it', () => {
    expect(rule.meta.needs).toEqual([]);
    expect(rule.meta.wants).toEqual(['releases', 'launchpad']);
  });
});
