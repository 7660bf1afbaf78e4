// Custom-element packages: lit, web-components and lit-a11y rules on top of the shared base.
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { base } from './base.js';

/** @param {{ tsconfigRootDir: string }} options */
export default function litPreset(options) {
  return tseslint.config(
    ...base(options),
    wc.configs['flat/recommended'],
    lit.configs['flat/recommended'],
    {
      files: ['src/**/*.ts'],
      plugins: { 'lit-a11y': litA11y },
      languageOptions: { globals: { ...globals.browser } },
      settings: { wc: { elementBaseClasses: ['LitElement', 'EgovElement'] } },
      rules: {
        ...litA11y.configs.recommended.rules,
        'wc/guard-super-call': 'off',
        'lit/no-template-arrow': 'off',
      },
    },
  );
}
