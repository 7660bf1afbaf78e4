import { egovVitestConfig } from '@egov-vn/vitest-config';

// The end-to-end test starts the hub (a child process) and two office servers, each compiling PGlite on a loaded machine.
export default egovVitestConfig({ node: true, testTimeout: 240_000, config: { test: { hookTimeout: 300_000 } } });
