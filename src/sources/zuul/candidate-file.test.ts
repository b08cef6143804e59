import { parseCandidateYaml } from './candidate-file';

describe('parseCandidateYaml', () => {
  it('decodes each file on its own: a cut-off character never carries into the next file', () => {
    const cut = Buffer.from([...Buffer.from('- job: {name: a'), 0xe2, 0x82]);
    const rest = Buffer.from([0xac, ...Buffer.from('}\n')]);
    expect(() => parseCandidateYaml('a.yaml', cut)).toThrow('is not valid UTF-8');
    expect(() => parseCandidateYaml('b.yaml', rest)).toThrow('is not valid UTF-8');
    const euro = parseCandidateYaml('c.yaml', Buffer.from('\ufeff- job: {name: €}\n'));
    expect(euro.root?.toJSON()).toEqual([{ job: { name: '€' } }]);
  });
});
