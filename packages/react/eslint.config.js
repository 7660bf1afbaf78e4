import litPreset from '@egov-vn/eslint-config/lit';

// src/generated/ is written by scripts/generate.js (type-checked by tsc, not linted as hand-written code).
export default [{ ignores: ['src/generated/**'] }, ...litPreset({ tsconfigRootDir: import.meta.dirname })];
