import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
);
