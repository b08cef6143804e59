import { readObjects } from './cat-file';
import { GitError, type Git } from './run';

/** A Git whose `cat-file --batch` answers `answer`, as a hostile or broken one might. */
function answering(answer: string): Git {
  return {
    gitDir: 'unused',
    run: (args) => {
      expect(args).toEqual(['cat-file', '--batch']);
      return Promise.resolve(Buffer.from(answer));
    },
    batch: () => {
      throw new Error('not used');
    },
    calls: () => 1,
  };
}

const SHA = 'a'.repeat(40);

describe('readObjects', () => {
  it('reads each object and takes "missing" and "ambiguous" for absent', async () => {
    const answer = `${SHA} blob 5\nhello\nHEAD:nope missing\nab ambiguous\n${SHA} blob 0\n\n`;
    const read = await readObjects(answering(answer), ['HEAD:a', 'HEAD:nope', 'ab', 'HEAD:e']);
    expect(read.get('HEAD:a')).toEqual({ type: 'blob', content: Buffer.from('hello') });
    expect(read.get('HEAD:nope')).toBeNull();
    expect(read.get('ab')).toBeNull();
    expect(read.get('HEAD:e')).toEqual({ type: 'blob', content: Buffer.alloc(0) });
  });

  it.each([
    ['fewer answers than asked', `${SHA} blob 5\nhello\n`],
    ['content shorter than its size', `${SHA} blob 5\nhello\n${SHA} blob 9\nshort\n`],
    ['content without its newline', `${SHA} blob 5\nhello\n${SHA} blob 5\nhello`],
    ['a header neither an object nor missing', `${SHA} blob 5\nhello\nsomething else\n`],
    ['"missing" for another name', `${SHA} blob 5\nhello\nHEAD:other missing\n`],
  ])('fails on an answer that is not whole: %s', async (_, answer) => {
    const read = readObjects(answering(answer), ['HEAD:a', 'HEAD:b']);
    await expect(read).rejects.toThrow(GitError);
    await expect(read).rejects.toThrow(/not whole/);
  });
});
