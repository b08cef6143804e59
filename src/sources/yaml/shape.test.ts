import { Unavailable } from '../unavailable';
import { YamlDocument, YamlShapeError } from './document';
import { readShaped } from './shape';

const data = {
  source: 'releases' as const,
  label: 'releases data at 2026-01-01 (commit 1a2b3c4d5e)',
};

describe('readShaped', () => {
  it('returns what the reader read', () => {
    expect(readShaped(data, () => 42)).toBe(42);
  });

  it('makes a shape error unavailable evidence of the source, naming the data and the line', () => {
    const read = () => readShaped(data, () => YamlDocument.parse('a.yaml', 'a: [\n'));
    expect(read).toThrow(Unavailable);
    try {
      read();
    } catch (error) {
      expect(error).toMatchObject({
        source: 'releases',
        reason: expect.stringMatching(
          /^releases data at 2026-01-01 \(commit 1a2b3c4d5e\): a\.yaml line \d+ is not valid YAML/,
        ),
      });
    }
  });

  it('passes any other error through untouched', () => {
    const bug = new TypeError('x is not a function');
    expect(() =>
      readShaped(data, () => {
        throw bug;
      }),
    ).toThrow(bug);
    expect(() =>
      readShaped(data, () => {
        throw new YamlShapeError('b.yaml', 3, 'is not a mapping');
      }),
    ).toThrow('releases data at 2026-01-01 (commit 1a2b3c4d5e): b.yaml line 3 is not a mapping');
  });
});
