// Run by src/util/code-cache.integration.test.ts in a process of its own (node -r the transpile
// hook): installs the code cache for ROOT with the cache in DIR, loads every MODULE under ROOT,
// prints the cache's counts and what the modules export as one line of JSON (or that no cache
// could be installed), and exits with HARNESS_EXIT_CODE when set.
import { join } from 'node:path';
import { installCodeCache } from '../../src/util/code-cache';

const [dir, root, ...modules] = process.argv.slice(2);
if (dir === undefined || root === undefined) throw new Error('usage: harness DIR ROOT MODULE...');
const stats = installCodeCache(dir, root);
if (stats === null) process.stdout.write(`${JSON.stringify({ installed: false })}\n`);
else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = modules.map((module) => require(join(root, module)) as unknown);
  process.stdout.write(`${JSON.stringify({ ...stats(), exported })}\n`);
  if (process.env.HARNESS_EXIT_CODE) process.exitCode = Number(process.env.HARNESS_EXIT_CODE);
}
