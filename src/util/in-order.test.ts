import { bothInOrder } from './in-order';

const later = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms),
  );

describe('bothInOrder', () => {
  it('gives both answers in order', async () => {
    expect(await bothInOrder(later(5, 'a'), later(1, 'b'))).toEqual(['a', 'b']);
  });

  it("throws the first one's failure even when the second fails sooner", async () => {
    await expect(bothInOrder(later(5, 'first', true), later(1, 'second', true))).rejects.toThrow(
      'first',
    );
  });

  it("throws the second one's failure when the first succeeds", async () => {
    await expect(bothInOrder(later(1, 'a'), later(5, 'second', true))).rejects.toThrow('second');
  });
});
