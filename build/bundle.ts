/**
 * Bundles the program (src/cli/program.ts) and the parsing thread's entry into one file each,
 * in dist/bundle, for the commands that judge to start from (src/cli/start-options.ts). Run by
 * `npm run build` after tsc; the TypeScript sources are bundled directly, so a bundle is never
 * made of stale output. What a run loads only on first use (HTTP, schemas for Gerrit replies,
 * simple-git, progress bars, GitHub) stays outside, loaded from node_modules when it is used.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { BUNDLE_DIR, BUNDLED_PROGRAM } from '../src/cli/start-options';

/** Loaded lazily by the program (src/util/lazy-*.ts and the like): left to node_modules. */
export const LAZY_PACKAGES = ['undici', 'ajv', 'simple-git', 'cli-progress', '@octokit/*'];

/** Writes `program.js` and `parse-worker.js` into `outDir`; the parser finds the second beside the first. */
export async function bundleProgram(root: string, outDir: string): Promise<void> {
  await build({
    entryPoints: {
      [BUNDLED_PROGRAM.replace(/\.js$/, '')]: join(root, 'src', 'cli', 'program.ts'),
      'parse-worker': join(root, 'src', 'sources', 'releases', 'parse-worker.ts'),
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: LAZY_PACKAGES,
    logLevel: 'warning',
  });
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  bundleProgram(root, join(root, BUNDLE_DIR)).catch((error: unknown) => {
    process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
