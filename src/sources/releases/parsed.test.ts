import type { DataRef } from '../../evidence/types';
import { Unavailable } from '../unavailable';
import { parseDeliverableText } from './parse-text';
import { deliverableFileOf } from './parsed';

const data = {
  source: 'releases' as const,
  label: 'releases data at 2026-01-01 (commit 0123456789)',
  ref: (file: string, line?: number): DataRef =>
    line === undefined
      ? { source: 'releases', file, commit: 'c0ffee' }
      : { source: 'releases', file, commit: 'c0ffee', line },
};
const PATH = 'deliverables/epoxy/sushy.yaml';
const outcomeOf = (text: string) =>
  parseDeliverableText({ path: PATH, text, series: 'epoxy', repository: 'openstack/sushy' });

describe('the evidence of a parse outcome', () => {
  it("carries the data's refs: the file's, and each release's and branch's with its line", () => {
    const file = deliverableFileOf(
      outcomeOf(
        'team: ironic\nreleases:\n  - version: 1.0.0\n    projects:\n      - repo: openstack/sushy\n' +
          '        hash: abc\nbranches:\n  - name: stable/epoxy\n    location: 1.0.0\n',
      ),
      PATH,
      data,
    );
    expect(file).toEqual({
      series: 'epoxy',
      team: 'ironic',
      type: null,
      releaseModel: null,
      releaseType: null,
      launchpad: null,
      storyboard: null,
      releases: [{ version: '1.0.0', commit: 'abc', ref: data.ref(PATH, 3) }],
      branches: [{ name: 'stable/epoxy', location: '1.0.0', ref: data.ref(PATH, 8) }],
      retired: false,
      ref: { source: 'releases', file: PATH, commit: 'c0ffee' },
    });
    expect(Object.keys(file?.ref ?? {})).toEqual(['source', 'file', 'commit']);
  });

  it('is none for a file that does not name the repository', () => {
    expect(deliverableFileOf(outcomeOf('releases: []\n'), PATH, data)).toBeNull();
  });

  it('is unavailable for a shape error, with the reason readShaped gives', () => {
    const read = () => deliverableFileOf(outcomeOf('- a list\n'), PATH, data);
    expect(read).toThrow(Unavailable);
    expect(read).toThrow(
      `${data.label}: ${PATH} line 1 is not a mapping, a layout this reader does not know`,
    );
  });

  it('throws a failure as the error it was, by name and message (a bug, not data)', () => {
    const read = () =>
      deliverableFileOf(
        { failure: { name: 'TypeError', message: 'x is not a function' } },
        PATH,
        data,
      );
    expect(read).toThrow(
      expect.objectContaining({ name: 'TypeError', message: 'x is not a function' }),
    );
    expect(read).not.toThrow(Unavailable);
  });
});
