// Lets `node -r test/helpers/transpile-hook.js src/cli/bin.ts` run the CLI from source in a real
// child process, with no build step: each .ts file is transpiled on load (types are checked by
// tsc, not here). The output is cached under the OS temp directory by content hash, so only the
// first process pays for loading TypeScript. Used by tests that need a real process: pipes,
// /dev/full, signals.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// Per user and private: a cached file is code that runs.
const CACHE = join(tmpdir(), `vmt-oversight-transpile-${process.getuid?.() ?? 'user'}`);
let ts;

function transpile(source, filename) {
  ts ??= require('typescript');
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
      inlineSourceMap: true,
    },
  }).outputText;
}

function cached(source, filename) {
  const key = createHash('sha256')
    .update(require('typescript/package.json').version)
    .update(filename)
    .update('\0')
    .update(source)
    .digest('hex');
  const file = join(CACHE, `${key}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const output = transpile(source, filename);
    mkdirSync(CACHE, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, output);
    renameSync(temp, file);
    return output;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(cached(readFileSync(filename, 'utf8'), filename), filename);
};
