/** The `zuul:` block of .vmt-oversight.yaml: the Zuul job's settings, read at base. */
import { configChange } from '../../src/cli/config-change';
import { parseConfig } from '../../src/cli/config';
import { ConfigurationError } from '../../src/errors';

const BASE =
  "list: repos-overseen.yaml\nzuul:\n  gerrit: https://review.opendev.org\n  git-url: ''\n";

describe('the zuul block of .vmt-oversight.yaml', () => {
  it('holds the Gerrit and the git URL the job uses; empty turns each off', () => {
    expect(parseConfig(BASE, 'here').zuul).toEqual({
      gerrit: 'https://review.opendev.org',
      'git-url': '',
    });
  });

  it.each([
    ['an unknown key', 'zuul:\n  base: HEAD\n'],
    ['a Gerrit that is not http(s)', 'zuul:\n  gerrit: ssh://review.opendev.org:29418\n'],
    ['a git URL git would run a command for', "zuul:\n  git-url: 'ext::sh -c true'\n"],
    ['a block that is not a mapping', 'zuul: https://opendev.org\n'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseConfig(text, '.vmt-oversight.yaml at HEAD~1')).toThrow(ConfigurationError);
  });

  it('records a change to where the job reads the change or fetches candidates from', () => {
    const base = parseConfig(BASE, 'base');
    const head = BASE.replace('https://review.opendev.org', 'https://gerrit.example.org');
    // An invalid edit is recorded as such (the configuration rule blocks on it).
    expect(configChange(base, head.replace("git-url: ''", 'git-url: x://y')).head.state).toBe(
      'invalid',
    );
    const changed = configChange(base, head);
    expect(changed.base?.places['zuul.gerrit']).toBe('https://review.opendev.org');
    expect(changed.head).toEqual({
      state: 'valid',
      settings: expect.objectContaining({
        places: expect.objectContaining({ 'zuul.gerrit': 'https://gerrit.example.org' }),
      }),
    });
  });

  it('records the line of each setting the change leaves, for the finding to cite', () => {
    const head = `${BASE}rules:\n  team-consent: info\n`;
    const changed = configChange(parseConfig(BASE, 'base'), head);
    if (changed.head.state !== 'valid') throw new Error('expected a valid head');
    expect(changed.head.settings.lines).toEqual({
      list: 1,
      'zuul.gerrit': 3,
      'zuul.git-url': 4,
      'rules.team-consent': 6,
    });
  });
});
