import { YamlDocument } from '../yaml/document';
import { MAX_NESTING, nestingDepth, parseBounded } from './nesting';

const flow = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}\n`;
const block = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}- \n`).join('');
const REFUSED = `deliverables/x/deep.yaml nests collections more than ${MAX_NESTING} levels deep`;

describe('nesting of a deliverable file', () => {
  it.each([
    ['a scalar', 'just text\n', 0],
    ['a mapping of scalars', 'team: ironic\nlaunchpad: sushy\n', 1],
    [
      'a release with its projects',
      'releases:\n  - version: 1.0.0\n    projects:\n      - repo: a\n',
      5,
    ],
    ['flow lists in flow mappings', 'a: {b: [c, {d: [e]}]}\n', 5],
    ['a mapping as a key', '? {a: [b]}\n: c\n', 3],
    ['aliases, not followed', 'a: &x [[[1]]]\nb: [*x, *x]\n', 4],
  ])('counts %s', (_what, text, depth) => {
    expect(nestingDepth(YamlDocument.parse('x.yaml', text))).toBe(depth);
  });

  it(`accepts ${MAX_NESTING} levels and refuses one more, in flow and block style`, () => {
    expect(() => parseBounded('deliverables/x/deep.yaml', flow(MAX_NESTING))).not.toThrow();
    expect(() => parseBounded('deliverables/x/deep.yaml', block(MAX_NESTING))).not.toThrow();
    expect(() => parseBounded('deliverables/x/deep.yaml', flow(MAX_NESTING + 1))).toThrow(REFUSED);
    expect(() => parseBounded('deliverables/x/deep.yaml', block(MAX_NESTING + 1))).toThrow(REFUSED);
  });

  it('leaves other errors as the parser gives them', () => {
    expect(() => parseBounded('deliverables/x/bad.yaml', 'a: [\n')).toThrow(/is not valid YAML/);
  });
});
