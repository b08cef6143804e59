import type { request as undiciRequest } from 'undici';

/**
 * undici's `request`, loaded on the first request: the module costs some 100 ms to load, and
 * most runs (`--offline`, `explain`, a check with local evidence) never open a connection.
 */
export async function request(
  ...args: Parameters<typeof undiciRequest>
): ReturnType<typeof undiciRequest> {
  const undici = await import('undici');
  return undici.request(...args);
}
