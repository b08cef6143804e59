import type { Citation } from '../findings/finding';
import { onMirror } from './cite';

const commit = 'c'.repeat(40);
const fact: Citation = {
  source: 'repository',
  text: 'tag 1.0',
  repository: 'openstack/x',
  commit,
};

describe('citations moved onto a GitHub mirror', () => {
  const url = 'https://github.com/openstack/x';

  it('cite github with the mirror link when the mirror was checked', () => {
    expect(onMirror(fact, 'openstack/x', { url })).toEqual({
      ...fact,
      source: 'github',
      url: `${url}/commit/${commit}`,
    });
  });

  it('say the mirror could not be checked against the releases data when it was not', () => {
    const unchecked = 'the releases data records no release with a commit for openstack/x';
    expect(onMirror(fact, 'openstack/x', { url, unchecked }).text).toBe(
      `tag 1.0 (GitHub mirror not checked: ${unchecked})`,
    );
  });
});
