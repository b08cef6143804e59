/**
 * Bundles the program (src/cli/program.ts) and the parsing thread's entry into one file each,
 * in dist/bundle, for the commands that judge to start from (src/cli/start-options.ts). Run by
 * `npm run build` after tsc; the TypeScript sources are bundled directly, so a bundle is never
 * made of stale output. What a run loads only on first use (HTTP, schemas for Gerrit replies,
 * simple-git, progress bars, GitHub) stays outside, loaded from node_modules when it is used.
 */
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BUNDLE_DIR, BUNDLED_PROGRAM } from '../src/cli/start-options';

/** Loaded lazily by the program (src/util/lazy-*.ts and the like): left to node_modules. */
export const LAZY_PACKAGES = ['undici', 'ajv', 'simple-git', 'cli-progress', '@octokit/*'];

/**
 * Writes `program.js` and `parse-worker.js` into `outDir` (the parser finds the second beside
 * the first), each whole under a temporary name and then renamed, so a build cut short leaves
 * no half-written bundle for the binary to load.
 */
export async function bundleProgram(root: string, outDir: string): Promise<void> {
  const result = await build({
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
    write: false,
  });
  mkdirSync(outDir, { recursive: true });
  // The program last: the binary looks for it, and finds its thread's entry already there.
  const isProgram = (path: string) => basename(path) === BUNDLED_PROGRAM;
  const files = [
    ...result.outputFiles.filter((file) => !isProgram(file.path)),
    ...result.outputFiles.filter((file) => isProgram(file.path)),
  ];
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  bundleProgram(root, join(root, BUNDLE_DIR)).catch((error: unknown) => {
    process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
