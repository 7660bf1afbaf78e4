import node from '@egov-vn/eslint-config/node';

export default [{ ignores: ['fixture/**', '.tmp/**'] }, ...node({ tsconfigRootDir: import.meta.dirname })];
