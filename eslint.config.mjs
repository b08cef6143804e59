import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

// The layers of src/, lowest first, and what each may import (README, How it works). A folder
// missing from the list of another may not be imported by it; cycles are refused outright.
const LAYERS = {
  util: [],
  git: ['util'],
  list: ['util'],
  evidence: ['list', 'util'],
  findings: ['evidence', 'list', 'util'],
  openstack: ['findings', 'evidence', 'list', 'util'],
  gerrit: ['util'],
  diff: ['git', 'list', 'util'],
  sources: ['openstack', 'gerrit', 'diff', 'git', 'findings', 'evidence', 'list', 'util'],
  rules: ['openstack', 'diff', 'findings', 'evidence', 'list', 'util'],
  engine: ['rules', 'sources', 'openstack', 'diff', 'findings', 'evidence', 'list', 'util'],
  report: ['gerrit', 'findings', 'evidence', 'list', 'util'],
  propose: [
    'engine',
    'rules',
    'sources',
    'openstack',
    'diff',
    'findings',
    'evidence',
    'list',
    'util',
  ],
  vote: ['engine', 'report', 'sources', 'gerrit', 'git', 'diff', 'findings', 'evidence', 'util'],
};
const FOLDERS = [...Object.keys(LAYERS), 'cli'];
const layerZones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: `./src/${layer}`,
  from: FOLDERS.filter((f) => f !== layer && !allowed.includes(f)).map((f) => `./src/${f}`),
  message: `src/${layer} may import only ${allowed.join(', ') || 'nothing above it'} (README: How it works).`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message: 'Return an exit code; only bin.ts sets process.exitCode.',
        },
      ],
      eqeqeq: 'error',
    },
  },
  {
    // One module owns every git process (src/git): nothing else spawns programs or drives git.
    files: ['src/**/*.ts'],
    ignores: ['src/git/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process', 'child_process', 'simple-git'].map((name) => ({
            name,
            message: 'Run git through src/git (createGit), the one hermetic git layer.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
);
