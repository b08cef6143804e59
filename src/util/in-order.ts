/**
 * Two independent reads run at once, failing as if they had run in turn: the first one's failure
 * wins over the second's, so the error a person sees does not depend on which finished first.
 */
export async function bothInOrder<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
}
