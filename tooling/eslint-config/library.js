// Framework-free cores: they run in Node and in browsers without a DOM (see docs/architecture.md).
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { base } from './base.js';

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'];

/** @param {{ tsconfigRootDir: string }} options */
export default function library(options) {
  return tseslint.config(...base(options), {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.browser.test.ts', 'src/**/node.ts', 'src/node/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({
          name,
          message: `Cores must run without a DOM: do not use '${name}' (docs/architecture.md).`,
        })),
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Node-only modules belong behind the ./node subpath export.' }] },
      ],
    },
  });
}
