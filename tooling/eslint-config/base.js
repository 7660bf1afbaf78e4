// The rules every package shares. Type-aware (projectService), strict, and hostile to focused or skipped tests.
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringPlugin } from './layers.js';

/** @param {{ tsconfigRootDir: string }} options */
export function base({ tsconfigRootDir }) {
  return tseslint.config(
    {
      // .readme-*: README examples written out for a moment by the doc-tests (tooling/selftest, schemas).
      ignores: ['dist/**', 'coverage/**', '.test-results/**', 'json-schema/**', 'storybook-static/**', '**/*.d.ts', '.readme-*/**'],
    },
    {
      linterOptions: { reportUnusedDisableDirectives: 'error' },
    },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        parserOptions: {
          projectService: { allowDefaultProject: ['*.js', '*.mjs', '*.config.ts'] },
          tsconfigRootDir,
        },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
        '@typescript-eslint/consistent-type-exports': 'error',
        '@typescript-eslint/no-import-type-side-effects': 'error',
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
        '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
        '@typescript-eslint/no-confusing-void-expression': 'off',
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/prefer-literal-enum-member': 'off',
        eqeqeq: ['error', 'smart'],
        'no-console': 'off',
      },
    },
    {
      files: ['**/*.test.ts', '**/*.bench.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
      plugins: { vitest },
      rules: {
        ...vitest.configs.recommended.rules,
        'vitest/no-focused-tests': 'error',
        'vitest/no-disabled-tests': 'error',
        'vitest/no-identical-title': 'error',
        'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*', 'fc.assert'] }],
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/unbound-method': 'off',
      },
    },
    {
      // The layering rule of docs/architecture.md: import only from the layers below.
      files: ['**/*.ts', '**/*.js', '**/*.mjs'],
      plugins: { egov: layeringPlugin(tsconfigRootDir) },
      rules: { 'egov/layering': 'error' },
    },
    {
      files: ['**/*.js', '**/*.mjs', '**/*.config.ts'],
      ...tseslint.configs.disableTypeChecked,
    },
    {
      // Config files and scripts run in Node, whatever the package's own target.
      files: ['**/*.js', '**/*.mjs', '**/*.config.ts', 'scripts/**/*.ts'],
      languageOptions: { globals: { ...globals.node } },
    },
  );
}
