#!/usr/bin/env node
/**
 * Bundles the CLI and its deliverable-parsing thread, one file each, beside each other in the
 * output directory (dist/ by default): `vmt-oversight.js`, the package's `bin`, and
 * `parse-worker.js`, which the CLI starts as its thread (src/sources/releases/parser.ts looks for
 * it beside the module that runs). One file loads in a third of the time of the ~300 modules it
 * replaces: no path resolution, no file read and no module wrapper per module.
 *
 * The libraries a run loads only when it needs them stay out (Octokit, undici, ajv): they load
 * from node_modules then, as they do unbundled. The bundle is made from the TypeScript sources,
 * compiled as tsconfig.json says (ES2022, so class fields as tsc emits them).
 *
 *   node scripts/bundle.js [OUTDIR]
 */
const { chmodSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { buildSync } = require('esbuild');

const ROOT = resolve(__dirname, '..');
const LAZY_LIBRARIES = ['@octokit/*', 'undici', 'ajv'];

const ENTRIES = [
  { source: 'src/cli/bin.ts', output: 'vmt-oversight.js', executable: true },
  { source: 'src/sources/releases/parse-worker.ts', output: 'parse-worker.js', executable: false },
];

function bundle(outDir) {
  for (const entry of ENTRIES) {
    const outfile = join(outDir, entry.output);
    buildSync({
      absWorkingDir: ROOT,
      entryPoints: [entry.source],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      tsconfig: join(ROOT, 'tsconfig.json'),
      external: LAZY_LIBRARIES,
      // Error classes take their name from the class (src/errors.ts): never renamed.
      keepNames: true,
      logLevel: 'warning',
    });
    if (entry.executable) chmodSync(outfile, 0o755);
  }
}

module.exports = { bundle, ENTRIES };

if (require.main === module) bundle(resolve(ROOT, process.argv[2] ?? 'dist'));
