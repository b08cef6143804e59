import { testRule } from '../../../test/helpers/rule-tester';
import {
  LIST_FILE,
  change,
  deliverableFile,
  entry,
  releases,
} from '../../../test/helpers/evidence-fixtures';
import type { Citation } from '../../findings/finding';
import { rule } from './index';

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
  ],
  invalid: [
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
    expect(rule.meta.wants).toEqual(['releases']);
  });
});
