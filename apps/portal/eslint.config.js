import lit from '@egov-vn/eslint-config/lit';
import globals from 'globals';

// The portal's pages are lit-html templates (lit and lit-a11y rules); tests and scripts run in Node.
export default [
  ...lit({ tsconfigRootDir: import.meta.dirname }),
  { files: ['test/**/*.ts', 'scripts/**/*.ts'], languageOptions: { globals: { ...globals.node } } },
];
