// Apps and command-line tools that run on Node.
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { base } from './base.js';

/** @param {{ tsconfigRootDir: string }} options */
export default function node(options) {
  return tseslint.config(...base(options), {
    languageOptions: { globals: { ...globals.node } },
  });
}
