import node from '@egov-vn/eslint-config/node';

// The build, the server and the CLI run on Node; src/loader.ts is the browser code the build bundles into loader.js.
export default node({ tsconfigRootDir: import.meta.dirname });
