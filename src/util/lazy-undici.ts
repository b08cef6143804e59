import type { request as undiciRequest } from 'undici';

/**
 * undici's `request`, loaded on the first request: the module costs some 100 ms to load, and
 * most runs (`--offline`, `explain`, a check with local evidence) never open a connection.
 */
export async function request(
  ...args: Parameters<typeof undiciRequest>
): ReturnType<typeof undiciRequest> {
  // require, not import(): undici is CommonJS, and a bundle with an import() in it is compiled
  // by node itself, without the code cache (src/util/code-cache.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require('undici') as typeof import('undici');
  return undici.request(...args);
}
